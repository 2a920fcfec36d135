package dev.srm.api;

import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.model.PolicySummary;

import java.util.List;

/**
 * The evaluations in input order, the inputs that could not be read (the others were still
 * evaluated) and what waivers and the baseline did ({@code policy}: null when the result did not
 * come from {@link Srm#evaluate(EvaluateRequest)}).
 */
public record EvaluateResult(List<Evaluation> evaluations, List<InputProblem> problems, PolicySummary policy) {
    public EvaluateResult {
        evaluations = List.copyOf(evaluations);
        problems = List.copyOf(problems);
    }

    public EvaluateResult(List<Evaluation> evaluations, List<InputProblem> problems) {
        this(evaluations, problems, null);
    }

    /** INPUT when an input failed, FINDINGS when a finding that counts (not waived) is at or above {@code failOn} (null: never), else OK. */
    public ExitCode exitCode(Severity failOn) {
        return exitCode(failOn, null);
    }

    /**
     * As {@link #exitCode(Severity)}, but when {@code failOnNew} is given only NEW findings (against
     * the baseline) at or above it make the code FINDINGS, and {@code failOn} is not consulted.
     */
    public ExitCode exitCode(Severity failOn, Severity failOnNew) {
        if (!problems.isEmpty()) {
            return ExitCode.INPUT;
        }
        if (failOnNew != null) {
            return evaluations.stream().anyMatch(e -> e.hasNewFindingAtLeast(failOnNew)) ? ExitCode.FINDINGS : ExitCode.OK;
        }
        return evaluations.stream().anyMatch(e -> e.hasFindingAtLeast(failOn)) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
