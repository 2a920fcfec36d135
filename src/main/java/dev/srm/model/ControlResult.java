package dev.srm.model;

import java.util.List;
import java.util.Map;

/**
 * A control on a resource: its status (MET, MISSING, UNKNOWN, NOT_APPLICABLE or CONFLICT), who
 * acts on it when it is missing ({@code owner}: the customer for every customer control), the
 * evidence read, and the references that check it.
 */
public record ControlResult(String id, String title, String layer, Status status, String severity, Responsibility owner,
                            List<String> integrations, List<String> evidence, String reason, String rule,
                            String source, List<String> securityHub, List<String> configRules,
                            Map<String, List<String>> frameworks, List<String> explanation) {
    public ControlResult {
        frameworks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(frameworks));
        integrations = List.copyOf(integrations);
        evidence = List.copyOf(evidence);
        securityHub = List.copyOf(securityHub);
        configRules = List.copyOf(configRules);
        explanation = List.copyOf(explanation);
    }
}
