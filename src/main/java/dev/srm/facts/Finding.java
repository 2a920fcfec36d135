package dev.srm.facts;

import java.util.Objects;

/**
 * Something wrong in a scenario, with who must fix it ({@code owner}) and who runs the layer it
 * sits on ({@code layerParty}, null when no rule decided it). {@code control} is null for a
 * finding no control backs.
 */
public record Finding(String resource, String control, Severity severity, String layer, String owner,
                      String title, String remediation, String rule, String layerParty) {
    public Finding {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
    }
}
