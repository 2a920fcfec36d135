package dev.srm.facts;

import java.util.List;
import java.util.Objects;

/**
 * A control of the rule pack, read from the metadata of its {@code @kind("control")} rule;
 * {@code owner} is who fixes its findings (the customer, unless the rule says otherwise).
 */
public record ControlDef(String id, String title, String layer, Severity severity, List<String> integrations,
                         String remediation, Party owner) {
    public ControlDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(severity, "severity");
        integrations = List.copyOf(integrations);
        Objects.requireNonNull(owner, "owner");
    }
}
