package dev.srm.facts;

import java.util.Objects;

/**
 * The incident being triaged, as the input states it. {@code resource} is the id of the
 * resource it happened on (a synthetic one when the input names only a service);
 * {@code declaredKind} and {@code declaredLayer} are null when the input leaves them to the
 * rules (an ASFF finding, or a kind without a layer); {@code declaredComponent} is null unless the
 * input names the component the incident sits in.
 */
public record Incident(String id, String resource, String declaredKind, String declaredLayer, String summary,
                       String detectedBy, Severity severity, String declaredComponent) {
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(resource, "resource");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an incident id must not be blank");
        }
    }
}
