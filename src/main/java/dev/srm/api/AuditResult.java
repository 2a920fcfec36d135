package dev.srm.api;

import dev.srm.facts.Severity;
import dev.srm.report.audit.Portfolio;

import java.nio.file.Path;
import java.util.List;

/** The portfolio roll-ups of an audit (failed inputs included) and the report files written. */
public record AuditResult(Portfolio portfolio, List<Path> written) {
    public AuditResult {
        written = List.copyOf(written);
    }

    /** INPUT when an input failed, FINDINGS when a finding is at or above {@code failOn} (null: never), else OK. */
    public ExitCode exitCode(Severity failOn) {
        if (!portfolio.failures().isEmpty()) {
            return ExitCode.INPUT;
        }
        return portfolio.hasFindingAtLeast(failOn) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
