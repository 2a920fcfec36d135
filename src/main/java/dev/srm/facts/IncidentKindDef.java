package dev.srm.facts;

import java.util.Objects;

/**
 * One kind of the incident taxonomy ({@code rules/catalog/incident-kinds.yaml}): id, title, the
 * layer it usually sits on, the duty it touches when one does, and whether the component it sits in
 * decides the duty ({@code componentDecides}: unpatched vulnerabilities, malware).
 */
public record IncidentKindDef(String id, String title, String layer, String description, String duty, boolean componentDecides) {
    public IncidentKindDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        title = title == null ? id : title;
        description = description == null ? "" : description;
    }
}
