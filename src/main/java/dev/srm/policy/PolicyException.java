package dev.srm.policy;

import dev.srm.model.InputProblem;

import java.util.List;

/** A waivers file or a baseline that cannot be used: one problem per line, each with its file, place and what was expected. */
public final class PolicyException extends Exception {
    private final transient List<InputProblem> problems;

    public PolicyException(List<InputProblem> problems) {
        super(problems.isEmpty() ? "" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public PolicyException(InputProblem problem) {
        this(List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
