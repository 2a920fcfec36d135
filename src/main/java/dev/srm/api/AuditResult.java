package dev.srm.api;

import dev.srm.facts.Severity;
import dev.srm.report.audit.Portfolio;

import java.nio.file.Path;
import java.util.List;

/** The portfolio roll-ups of an audit (failed inputs, waivers and baseline included) and the report files written. */
public record AuditResult(Portfolio portfolio, List<Path> written) {
    public AuditResult {
        written = List.copyOf(written);
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
        if (!portfolio.failures().isEmpty()) {
            return ExitCode.INPUT;
        }
        boolean found = failOnNew != null ? portfolio.hasNewFindingAtLeast(failOnNew) : portfolio.hasFindingAtLeast(failOn);
        return found ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
