package dev.srm.facts;

/** A control that the customer must run for a resource (or for the account). */
public record ControlApplies(String resource, String control, String reason, String rule) {
}
