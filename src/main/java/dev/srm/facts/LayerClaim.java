package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's claim of who owns a layer of a resource, at a level of specificity: 0 for the
 * service model's default, 1 for the service, 2 for a deployment variant of the service. The
 * most specific claims decide; claims at the same level that disagree are a conflict.
 */
public record LayerClaim(String resource, String layer, Party party, String reason, String rule, int level) {
    public static final int MODEL = 0;
    public static final int SERVICE = 1;
    public static final int VARIANT = 2;

    public LayerClaim {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(rule, "rule");
        if (level < MODEL || level > VARIANT) {
            throw new IllegalArgumentException("level must be 0 (model), 1 (service) or 2 (variant), got " + level);
        }
    }
}
