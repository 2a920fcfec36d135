package dev.srm.model;

/** A finding against a baseline (an earlier report): NEW, UNCHANGED, or FIXED (in the baseline, gone now; listed apart). */
public enum Novelty {
    NEW, UNCHANGED, FIXED
}
