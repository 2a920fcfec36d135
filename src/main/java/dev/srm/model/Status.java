package dev.srm.model;

/** A control's status in a result: what the configuration shows, or CONFLICT when rules disagree. */
public enum Status {
    MET, MISSING, UNKNOWN, NOT_APPLICABLE, CONFLICT
}
