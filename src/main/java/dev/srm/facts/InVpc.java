package dev.srm.facts;

import java.util.Objects;

/**
 * The VPC a resource is in, as other resources of the input show it: {@code how} names the chain
 * followed ("DB subnet group DbSubnets is in VPC Vpc"). Rules derive it once and build on it, as
 * on a {@link Trait}.
 */
public record InVpc(String resource, String vpc, String how, String rule) {
    public InVpc {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(how, "how");
    }
}
