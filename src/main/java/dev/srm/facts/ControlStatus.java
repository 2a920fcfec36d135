package dev.srm.facts;

/** The status of a control on a resource, as the status rules concluded it. */
public record ControlStatus(String resource, String control, ControlState state, String reason, String rule) {
}
