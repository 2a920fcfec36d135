package dev.srm.facts;

import java.util.Objects;

/** The component an incident sits in, as the input states it or as a rule reads it from a finding. */
public record IncidentComponent(String incident, String component, String reason, String rule) {
    public IncidentComponent {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(component, "component");
    }
}
