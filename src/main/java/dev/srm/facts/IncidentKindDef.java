package dev.srm.facts;

import java.util.Objects;

/** One kind of the incident taxonomy ({@code rules/catalog/incident-kinds.yaml}): id, title and the layer it usually sits on. */
public record IncidentKindDef(String id, String title, String layer, String description, String duty) {
    public IncidentKindDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        title = title == null ? id : title;
        description = description == null ? "" : description;
    }
}
