package dev.srm.facts;

/** A rule's change of a control's severity, e.g. a user pack that raises or lowers it. */
public record SeverityOverride(String control, Severity severity, String reason, String rule) {
}
