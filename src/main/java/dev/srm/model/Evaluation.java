package dev.srm.model;

import dev.srm.facts.Severity;

import java.util.List;

/** Everything srm concluded about one scenario. Lists are in a stable order. */
public record Evaluation(ScenarioRef scenario, List<ResourceResult> resources, List<ControlResult> accountControls,
                         List<FindingResult> findings, List<IntegrationResult> integrations, List<String> warnings) {
    public Evaluation {
        resources = List.copyOf(resources);
        accountControls = List.copyOf(accountControls);
        findings = List.copyOf(findings);
        integrations = List.copyOf(integrations);
        warnings = List.copyOf(warnings);
    }

    /** The most severe finding's severity, or null without findings. */
    public Severity worstSeverity() {
        return findings.stream().map(FindingResult::severity).min(Enum::compareTo).orElse(null);
    }

    /** Whether any finding is at or above the threshold (null threshold: never). */
    public boolean hasFindingAtLeast(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    /** Whether any layer or control came out in conflict. */
    public boolean hasConflicts() {
        return resources.stream().anyMatch(r -> r.layers().stream().anyMatch(l -> l.party() == Responsibility.CONFLICT)
                || r.controls().stream().anyMatch(c -> "CONFLICT".equals(c.status())))
                || accountControls.stream().anyMatch(c -> "CONFLICT".equals(c.status()));
    }

    /** Identifies the scenario a result belongs to. */
    public record ScenarioRef(String id, String title, String file) {
    }
}
