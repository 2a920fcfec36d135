package dev.srm.model;

/**
 * A finding against a baseline (an earlier report): NEW, UNCHANGED, REOPENED (in the baseline
 * under a waiver in force, open now: the waiver expired or no longer covers it; it gates
 * {@code --fail-on-new} like a NEW one), or FIXED (in the baseline, gone now; listed apart).
 */
public enum Novelty {
    NEW, UNCHANGED, REOPENED, FIXED;

    /** Whether it counts for {@code --fail-on-new}: NEW, or REOPENED. */
    public boolean fresh() {
        return this == NEW || this == REOPENED;
    }
}
