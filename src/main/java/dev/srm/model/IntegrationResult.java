package dev.srm.model;

import java.util.List;

/** An AWS service that implements or evidences controls in the scenario, and for which resources. */
public record IntegrationResult(String name, String why, List<String> controls, List<String> resources) {
    public IntegrationResult {
        controls = List.copyOf(controls);
        resources = List.copyOf(resources);
    }
}
