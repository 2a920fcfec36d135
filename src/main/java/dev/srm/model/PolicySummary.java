package dev.srm.model;

import dev.srm.facts.Severity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the policy step did over a whole run: the date waivers were judged on, every waiver with
 * how many findings it matched (0: unused), whether a baseline was given, the baseline's findings
 * that are gone (FIXED), those gone only because srm could not decide their control this time
 * ({@code undecided}: the control is UNKNOWN, so the finding may still be there), and the warnings (a
 * waiver expiring soon, expired, unused, or matching a finding it cannot waive).
 */
public record PolicySummary(LocalDate asOf, List<WaiverUse> waivers, boolean baseline, List<BaselineFinding> fixed,
                            List<BaselineFinding> undecided, List<String> warnings) {
    /** No waivers, no baseline. */
    public static PolicySummary none(LocalDate asOf) {
        return new PolicySummary(asOf, List.of(), false, List.of(), List.of(), List.of());
    }

    public PolicySummary {
        Objects.requireNonNull(asOf, "asOf");
        waivers = List.copyOf(waivers);
        fixed = List.copyOf(fixed);
        undecided = List.copyOf(undecided);
        warnings = List.copyOf(warnings);
    }

    /**
     * A waiver and its use.
     *
     * @param control  the control or rule pattern
     * @param scenario the scenario pattern ({@code *} when the waiver did not name one)
     * @param resource the resource pattern ({@code *} when the waiver did not name one)
     * @param uses     findings it matched (also while expired)
     */
    public record WaiverUse(String control, String scenario, String resource, WaiverNote note, int uses) {
        public boolean unused() {
            return uses == 0;
        }
    }

    /** A finding of the baseline (one this run no longer has, in a summary). */
    public record BaselineFinding(String fingerprint, String scenario, String resource, String rule, Severity severity, String title) {
    }
}
