package dev.srm.cli;

import dev.srm.api.PolicyOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What decides the exit code and which findings count: thresholds, waivers, the baseline and the as-of date (evaluate and audit). */
final class PolicyFlags {
    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high", converter = SeverityThreshold.class,
            description = "Exit 4 when a finding is at or above SEVERITY: critical, high, medium, low, info, or none (default: ${DEFAULT-VALUE}).")
    SeverityThreshold.Value failOn;

    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Accepted risks (srmWaivers: 1); default: srm-waivers.yaml at the root of a directory input. See docs/waivers.md.")
    Path waivers;

    @Option(names = "--as-of", paramLabel = "DATE", converter = DateConverter.class,
            description = "Judge waivers' end dates on DATE (YYYY-MM-DD) instead of today, so that runs are reproducible.")
    LocalDate asOf;

    @Option(names = "--warn-expiring", paramLabel = "DAYS", defaultValue = "" + PolicyOptions.DEFAULT_WARN_DAYS,
            description = "Warn about waivers that end within DAYS days (default: ${DEFAULT-VALUE}).")
    int warnExpiring;

    @Option(names = "--baseline", paramLabel = "REPORT",
            description = "An earlier JSON report of srm: every finding is marked NEW or UNCHANGED, and the gone ones FIXED.")
    Path baseline;

    @Option(names = "--fail-on-new", paramLabel = "SEVERITY", converter = SeverityThreshold.class,
            description = "With --baseline: exit 4 only when a NEW finding is at or above SEVERITY (instead of --fail-on).")
    SeverityThreshold.Value failOnNew;

    PolicyOptions options() {
        if (warnExpiring < 0) {
            throw new UsageException("--warn-expiring is a number of days, at least 0, not " + warnExpiring);
        }
        if (failOnNew != null && baseline == null) {
            throw new UsageException("--fail-on-new needs --baseline: new findings are new against an earlier report");
        }
        return new PolicyOptions(waivers, baseline, asOf, warnExpiring);
    }

    /** The --fail-on threshold, or null for none. */
    dev.srm.facts.Severity failOn() {
        return failOn.severity();
    }

    /** The --fail-on-new threshold, or null when not given (or none). */
    dev.srm.facts.Severity failOnNew() {
        return failOnNew == null ? null : failOnNew.severity();
    }

    /** Whether --fail-on-new replaces --fail-on. */
    boolean gatesOnNew() {
        return failOnNew != null;
    }

    /** A day as YYYY-MM-DD. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return dev.srm.model.Day.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + text + "' is not a date (expected YYYY-MM-DD, e.g. 2030-06-30)");
            }
        }
    }
}
