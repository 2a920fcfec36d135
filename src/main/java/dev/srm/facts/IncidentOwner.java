package dev.srm.facts;

import java.util.Objects;

/** Who owns the remediation of an incident once lower-ranked claims have given way. */
public record IncidentOwner(String incident, Party party, int rank, String reason, String rule,
                            String basisRule, String basisFact) {
    public IncidentOwner {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(rule, "rule");
    }

    public static IncidentOwner of(OwnerClaim claim) {
        return new IncidentOwner(claim.incident(), claim.party(), claim.rank(), claim.reason(), claim.rule(),
                claim.basisRule(), claim.basisFact());
    }
}
