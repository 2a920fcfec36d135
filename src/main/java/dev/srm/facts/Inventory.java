package dev.srm.facts;

/**
 * Whether a scenario lists everything (absent evidence = missing) or only part of it.
 * {@link #RESOURCES} is a template's: it declares every resource it creates, complete for
 * them, but says nothing about the account it is deployed in.
 */
public enum Inventory {
    PARTIAL, COMPLETE, RESOURCES
}
