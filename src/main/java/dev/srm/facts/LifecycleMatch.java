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

    /** Whether {@code day} is on or before the matched version's end of extended support (false when it has none). */
    public boolean inExtendedSupportOn(java.time.LocalDate day) {
        return entry.extendedSupportEnd() != null && !day.isAfter(entry.extendedSupportEnd());
    }

    /** Whether the matched version is past its end of support on {@code day}. */
    public boolean endedOn(java.time.LocalDate day) {
        return entry.endedOn(day);
    }
}
