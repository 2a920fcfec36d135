package dev.srm.facts;

/** A rule's statement that a control does not apply to a resource in its configuration. */
public record NotApplicable(String resource, String control, String reason, String rule) {
}
