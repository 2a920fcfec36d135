package dev.srm.facts;

import java.util.Objects;

/** A control of the pack, on {@code subject} (a resource id or {@code account}), that would have prevented the incident. */
public record PreventiveControl(String incident, String subject, String control, String why, String rule) {
    public PreventiveControl {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(rule, "rule");
    }
}
