package dev.srm.facts;

/** What one piece of evidence says about a control. */
public enum Outcome {
    /** The configuration shows the control. */
    MET,
    /** The configuration contradicts the control. */
    NOT_MET,
    /** The configuration does not say. */
    ABSENT,
    /** The configuration holds the setting, but its value is one the input could not determine (see {@link Setting#unknownValue}). */
    UNKNOWN
}
