package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's claim of who holds one duty of a resource, at a level of specificity: 0 for the
 * service model's default, 1 for the service, 2 for a deployment variant, 3 for a rule that
 * reads the configuration. The most specific claims decide; claims at one level that disagree
 * are a conflict. {@code party} is null when the duty does not exist for this resource.
 */
public record DutyClaim(String resource, String duty, Party party, String reason, String rule, int level) {
    public static final int MODEL = 0;
    public static final int SERVICE = 1;
    public static final int VARIANT = 2;
    public static final int CONFIG = 3;

    public DutyClaim {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(rule, "rule");
        if (level < MODEL || level > CONFIG) {
            throw new IllegalArgumentException("level must be 0 (model), 1 (service), 2 (variant) or 3 (configuration), got " + level);
        }
    }

    /** False when the claim says the duty does not exist for the resource. */
    public boolean exists() {
        return party != null;
    }
}
