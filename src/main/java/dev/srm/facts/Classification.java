package dev.srm.facts;

import java.util.Objects;

/** A rule's decision of which service, deployment variant and service model a resource is. */
public record Classification(String resource, String service, String variant, ServiceModel model,
                             String reason, String rule) {
    public Classification {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rule, "rule");
    }
}
