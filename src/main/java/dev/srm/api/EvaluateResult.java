package dev.srm.api;

import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;

import java.util.List;

/** The evaluations in input order, and the inputs that could not be read (the others were still evaluated). */
public record EvaluateResult(List<Evaluation> evaluations, List<InputProblem> problems) {
    public EvaluateResult {
        evaluations = List.copyOf(evaluations);
        problems = List.copyOf(problems);
    }

    /** INPUT when an input failed, FINDINGS when a finding is at or above {@code failOn} (null: never), else OK. */
    public ExitCode exitCode(Severity failOn) {
        if (!problems.isEmpty()) {
            return ExitCode.INPUT;
        }
        return evaluations.stream().anyMatch(e -> e.hasFindingAtLeast(failOn)) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
