package dev.srm.facts;

/** How large the customer's share of the responsibility is. */
public enum ShareLevel {
    HIGH, MEDIUM, LOW
}
