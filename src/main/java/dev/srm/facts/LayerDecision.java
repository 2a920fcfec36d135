package dev.srm.facts;

/** The claim that holds for a layer of a resource once fallbacks have given way. */
public record LayerDecision(String resource, String layer, Party party, String reason, String rule) {
    public static LayerDecision of(LayerClaim claim) {
        return new LayerDecision(claim.resource(), claim.layer(), claim.party(), claim.reason(), claim.rule());
    }
}
