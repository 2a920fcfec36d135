package dev.srm.facts;

import java.util.Objects;

/** The version entry a resource's version value matches (the most specific one), found by {@code rules/core/lifecycle.drl}. */
public record LifecycleMatch(String resource, Lifecycle lifecycle, Setting setting, LifecycleVersion entry, String rule) {
    public LifecycleMatch {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(entry, "entry");
    }

    /**
     * Whether on {@code day} the matched version is in the window of RDS Extended Support, into which RDS and Aurora
     * enrol a database automatically at its version's end of standard support: an RDS or Aurora lifecycle, and a day
     * before the version's extended support end.
     */
    public boolean rdsExtendedSupportOn(java.time.LocalDate day) {
        return (lifecycle.id().startsWith("rds-") || lifecycle.id().startsWith("aurora-")) && entry.extendedSupportEnd() != null
                && !day.isAfter(entry.extendedSupportEnd());
    }

    /** Whether the matched version is past its end of support on {@code day}. */
    public boolean endedOn(java.time.LocalDate day) {
        return entry.endedOn(day);
    }
}
