package dev.srm.model;

/**
 * A waiver on the as-of date: ACTIVE, EXPIRING (in force, but ends within the warning window),
 * or EXPIRED (its last day has passed: the finding counts again).
 */
public enum WaiverState {
    ACTIVE, EXPIRING, EXPIRED;

    /** Whether the waiver still waives findings. */
    public boolean inForce() {
        return this != EXPIRED;
    }
}
