package dev.srm.model;

import dev.srm.facts.Severity;

import java.util.List;

/**
 * Something wrong, who must fix it ({@code owner}: whoever must act, the customer for every
 * customer control) and how; {@code layerParty} is who runs the rest of the layer it sits on.
 * {@code rule} is the control or finding rule behind it.
 */
public record FindingResult(String id, String rule, Severity severity, String resource, String layer, Responsibility owner,
                            Responsibility layerParty, String title, String remediation, List<String> integrations, String source,
                            List<String> securityHub, List<String> explanation) {
    public FindingResult {
        integrations = List.copyOf(integrations);
        securityHub = List.copyOf(securityHub);
        explanation = List.copyOf(explanation);
    }
}
