package dev.srm.facts;

import java.util.Objects;

/** The layer an incident sits on once lower-ranked claims have given way; {@code rank} is the winning claim's. */
public record IncidentLayer(String incident, String layer, int rank, String reason, String rule) {
    public IncidentLayer {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(rule, "rule");
    }

    public static IncidentLayer of(IncidentLayerClaim claim) {
        return new IncidentLayer(claim.incident(), claim.layer(), claim.rank(), claim.reason(), claim.rule());
    }
}
