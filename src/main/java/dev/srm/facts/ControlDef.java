package dev.srm.facts;

import java.util.List;
import java.util.Objects;

/**
 * A control of the rule pack, read from the metadata of its {@code @kind("control")} rule;
 * {@code owner} is who fixes its findings (the customer, unless the rule says otherwise);
 * {@code absent} what an absent setting without a documented default means for it.
 */
public record ControlDef(String id, String title, String layer, Severity severity, List<String> integrations,
                         String remediation, Party owner, AbsentCase absent) {
    public ControlDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(severity, "severity");
        integrations = List.copyOf(integrations);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(absent, "absent");
    }

    /** A control that does not declare its absent case. */
    public ControlDef(String id, String title, String layer, Severity severity, List<String> integrations,
                      String remediation, Party owner) {
        this(id, title, layer, severity, integrations, remediation, owner, AbsentCase.UNDECLARED);
    }
}
