package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's claim of the responsibility layer an incident sits on. The lowest {@code rank}
 * wins: 0 the input names the layer, 1 a service- or finding-specific rule, 2 the kind's
 * default layer from the taxonomy.
 */
public record IncidentLayerClaim(String incident, String layer, int rank, String reason, String rule) {
    public IncidentLayerClaim {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(rule, "rule");
    }
}
