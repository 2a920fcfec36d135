package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's claim of who owns a layer of a resource. A {@code fallback} claim comes from the
 * service model and gives way to any specific claim for the same resource and layer.
 */
public record LayerClaim(String resource, String layer, Party party, String reason, String rule,
                         boolean fallback) {
    public LayerClaim {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(rule, "rule");
    }
}
