package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's claim of who holds one duty of a resource, at a level of specificity: 0 for the
 * service model's default, 1 for the service, 2 for a deployment variant, 3 for a rule that
 * reads the configuration, 4 for a version past its end of support (no update mode or switch
 * brings patches AWS no longer makes). The most specific claims decide; claims at one level
 * that disagree are a conflict. {@code party} is null when the duty does not exist for this
 * resource. {@code source} is the AWS page behind the claim when it is not the rule's own
 * {@code @source} (a lifecycle entry's page), else null.
 */
public record DutyClaim(String resource, String duty, Party party, String reason, String rule, int level, String source) {
    public static final int MODEL = 0;
    public static final int SERVICE = 1;
    public static final int VARIANT = 2;
    public static final int CONFIG = 3;
    public static final int LIFECYCLE = 4;

    public DutyClaim {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(rule, "rule");
        if (level < MODEL || level > LIFECYCLE) {
            throw new IllegalArgumentException("level must be 0 (model), 1 (service), 2 (variant), 3 (configuration) or 4 (lifecycle), got "
                    + level);
        }
    }

    /** A claim whose source is its rule's {@code @source}. */
    public DutyClaim(String resource, String duty, Party party, String reason, String rule, int level) {
        this(resource, duty, party, reason, rule, level, null);
    }

    /** False when the claim says the duty does not exist for the resource. */
    public boolean exists() {
        return party != null;
    }
}
