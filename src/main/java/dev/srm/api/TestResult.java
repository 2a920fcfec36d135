package dev.srm.api;

import dev.srm.model.TestResults;

/** What {@code srm test} found, and the coverage threshold it was held to (null: none). */
public record TestResult(TestResults results, Double coverageMin) {
    /** True when coverage is below the threshold. */
    public boolean coverageTooLow() {
        return coverageMin != null && results.coveragePercent() + 1e-9 < coverageMin;
    }

    /** INPUT when an input failed, EXPECTATIONS when a check failed or coverage is too low, else OK. */
    public ExitCode exitCode() {
        if (!results.problems().isEmpty()) {
            return ExitCode.INPUT;
        }
        return results.checksFailed() > 0 || coverageTooLow() ? ExitCode.EXPECTATIONS : ExitCode.OK;
    }
}
