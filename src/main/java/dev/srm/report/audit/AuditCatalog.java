package dev.srm.report.audit;

import dev.srm.model.RuleInfo;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the reports know about the rule pack before the first scenario: every control (its
 * metadata: title, layer, severity, integrations, Security Hub ids, Config rules, source,
 * remediation), every rule that raises findings of its own, and what each integration is for.
 *
 * @param controls     the pack's {@code @kind("control")} rules, sorted by id
 * @param findingRules the pack's {@code @kind("finding")} rules, sorted by id
 * @param integrations integration name to what it is for, from the catalogue
 */
public record AuditCatalog(List<RuleInfo> controls, List<RuleInfo> findingRules, Map<String, String> integrations) {
    public AuditCatalog {
        controls = List.copyOf(controls);
        findingRules = List.copyOf(findingRules);
        integrations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(integrations));
    }

    /** What an integration is for, or the empty string. */
    public String why(String integration) {
        return integrations.getOrDefault(Objects.requireNonNull(integration), "");
    }
}
