package dev.srm.facts;

/** Whether a scenario's configuration shows that a customer control is in place. */
public enum ControlState {
    MET, MISSING, UNKNOWN, NOT_APPLICABLE
}
