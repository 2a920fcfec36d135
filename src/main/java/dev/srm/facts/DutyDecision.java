package dev.srm.facts;

import java.util.Objects;

/**
 * The claim that holds for one duty of a resource once less specific claims have given way;
 * {@code source} is the claim's own AWS page, or null when it is the rule's {@code @source}.
 */
public record DutyDecision(String resource, String layer, String duty, Party party, String reason, String rule, String source) {
    public DutyDecision {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(duty, "duty");
        Objects.requireNonNull(party, "party");
    }

    public static DutyDecision of(DutyClaim claim, DutyDef def) {
        return new DutyDecision(claim.resource(), def.layer(), claim.duty(), claim.party(), claim.reason(), claim.rule(), claim.source());
    }
}
