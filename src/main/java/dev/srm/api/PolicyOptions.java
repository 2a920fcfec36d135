package dev.srm.api;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What happens to findings after the evaluation.
 *
 * @param waivers      a waivers file, or null: then an {@code srm-waivers.yaml} at the root of a directory input is used
 * @param baseline     an earlier JSON report of srm to mark findings NEW or UNCHANGED against (FIXED listed apart), or null
 * @param asOf         the day waivers are judged on (null: today), so that runs are reproducible
 * @param warnExpiring a waiver ending within this many days is a warning (default 14)
 */
public record PolicyOptions(Path waivers, Path baseline, LocalDate asOf, int warnExpiring) {
    /** The default number of days before its end a waiver is warned about. */
    public static final int DEFAULT_WARN_DAYS = 14;
    /** No waivers file named, no baseline, judged today. */
    public static final PolicyOptions DEFAULTS = new PolicyOptions(null, null, null, DEFAULT_WARN_DAYS);

    public PolicyOptions {
        if (warnExpiring < 0) {
            throw SrmException.usage("the expiry warning is a number of days, at least 0, not " + warnExpiring);
        }
    }

    /** The as-of day: the given one, or today. */
    public LocalDate day() {
        return asOf == null ? LocalDate.now() : asOf;
    }
}
