package dev.srm.facts;

import java.util.Objects;

/**
 * A component an unpatched vulnerability or malware can sit in ({@code incidentComponents} of
 * {@code rules/catalog/incident-kinds.yaml}): the duty that patching it is, and how a responder
 * tells that the incident is in it.
 */
public record IncidentComponentDef(String id, String title, String duty, String howToTell) {
    public IncidentComponentDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duty, "duty");
    }
}
