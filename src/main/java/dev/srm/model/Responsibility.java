package dev.srm.model;

/** Who owns a layer in a result: a party, or UNKNOWN when no rule decided, or CONFLICT when rules disagree. */
public enum Responsibility {
    AWS, CUSTOMER, SHARED, UNKNOWN, CONFLICT
}
