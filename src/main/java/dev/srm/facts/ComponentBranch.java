package dev.srm.facts;

import java.util.Objects;

/**
 * One answer of "it depends on the component": if the incident sits in {@code component}, whose
 * patching is {@code duty}, then {@code party} owns the remediation on the resource.
 */
public record ComponentBranch(String incident, String component, String title, String duty, Party party, String howToTell,
                              String rule, String dutyRule) {
    public ComponentBranch {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(party, "party");
    }
}
