package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's claim of who owns the remediation of an incident. The lowest {@code rank} wins:
 * 0 the input or a finding names the component the incident sits in, and its duty decides,
 * 1 the scenario shows a customer control on the incident's layer is missing, 2 a service-,
 * variant- or kind-specific rule, 3 the owner of the incident's layer on the resource.
 * {@code basisRule} and {@code basisFact} name the fact the claim rests on and the rule that
 * concluded that fact.
 */
public record OwnerClaim(String incident, Party party, int rank, String reason, String rule,
                         String basisRule, String basisFact) {
    public OwnerClaim {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(rule, "rule");
    }
}
