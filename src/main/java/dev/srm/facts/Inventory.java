package dev.srm.facts;

/** Whether a scenario lists everything (absent evidence = missing) or only part of it. */
public enum Inventory {
    PARTIAL, COMPLETE
}
