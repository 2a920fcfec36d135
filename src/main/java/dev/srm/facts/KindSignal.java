package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's reading of which kind an incident is, from a finding. The lowest {@code rank}
 * wins (1: a specific finding type, 2: a type category, 3: a namespace).
 */
public record KindSignal(String incident, String kind, int rank, String reason, String rule) {
    public KindSignal {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
    }
}
