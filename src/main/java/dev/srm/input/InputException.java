package dev.srm.input;

import dev.srm.model.InputProblem;

/** An input that cannot be used; {@link #problem()} is the one line a user is shown. */
public final class InputException extends Exception {
    private final transient InputProblem problem;

    public InputException(InputProblem problem) {
        super(problem.toString(), null, false, false);
        this.problem = problem;
    }

    public InputProblem problem() {
        return problem;
    }
}
