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

    /** Whether any finding that counts (not waived) is at or above the threshold (null threshold: never). */
    public boolean hasFindingAtLeast(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> f.counts() && f.severity().atLeast(threshold));
    }

    /** Whether any NEW finding (against a baseline) that counts is at or above the threshold (null threshold: never). */
    public boolean hasNewFindingAtLeast(Severity threshold) {
        return threshold != null && findings.stream()
                .anyMatch(f -> f.counts() && f.novelty() != null && f.novelty().fresh() && f.severity().atLeast(threshold));
    }

    /**
     * Where each resource came from, by resource id, and the scenario's file for {@code account}
     * (account-wide findings); computed on each call, so a renderer asks once per evaluation.
     */
    public java.util.Map<String, Origin> origins() {
        java.util.Map<String, Origin> out = new java.util.HashMap<>();
        for (ResourceResult r : resources) {
            out.putIfAbsent(r.id(), r.origin().inFile(scenario.file()));
        }
        out.putIfAbsent(dev.srm.facts.Resource.ACCOUNT, Origin.at(scenario.file(), 0, null));
        return out;
    }

    /** This evaluation with other findings (the policy step's: fingerprints, waivers, novelty). */
    public Evaluation withFindings(List<FindingResult> newFindings) {
        return new Evaluation(scenario, resources, accountControls, newFindings, integrations, warnings);
    }

    /** This evaluation stamped with the day it judged dates on (see {@link ScenarioRef#asOf}). */
    public Evaluation asOf(java.time.LocalDate day) {
        return new Evaluation(new ScenarioRef(scenario.id(), scenario.title(), scenario.file(), day), resources, accountControls, findings,
                integrations, warnings);
    }

    /**
     * Identifies the scenario a result belongs to; {@code asOf} is the day the evaluation judged
     * dates on (a version's end of support), so that a report can be reproduced, or null.
     */
    public record ScenarioRef(String id, String title, String file, java.time.LocalDate asOf) {
        public ScenarioRef(String id, String title, String file) {
            this(id, title, file, null);
        }
    }
}
