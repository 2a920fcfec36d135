package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.InputProblem;
import dev.srm.model.PolicySummary;
import dev.srm.model.Responsibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roll-ups of a whole audit: counts, the responsibility matrix, the customer share per
 * service model, controls by status and severity, findings by severity and owner and by
 * rule, the integrations that would close the most MISSING controls, the evidence checklist
 * and the inputs that failed. Only aggregates: its size does not grow with the number of
 * scenarios (except for the failed inputs). Built by {@link PortfolioBuilder}.
 */
public record Portfolio(Totals totals,
                        Map<Severity, Map<String, Integer>> findingsBySeverityAndOwner,
                        List<RuleTally> findingsByRule,
                        List<String> layers,
                        List<ServiceRow> services,
                        List<ModelShare> customerShare,
                        Map<String, Map<String, Integer>> controlsByStatusAndSeverity,
                        List<IntegrationTally> integrations,
                        List<EvidenceItem> evidence,
                        List<InputProblem> failures,
                        Policy policy) {
    /** Control statuses in report order. */
    public static final List<String> STATUSES = List.of("MET", "MISSING", "UNKNOWN", "NOT_APPLICABLE", "CONFLICT");
    /** Owners of findings in report order (others, if a pack invents any, follow sorted). */
    public static final List<String> OWNERS = List.of("CUSTOMER", "SHARED", "AWS");
    /** The parties a matrix cell can show, in report order. */
    public static final List<Responsibility> PARTIES = List.of(Responsibility.CUSTOMER, Responsibility.SHARED,
            Responsibility.AWS, Responsibility.UNKNOWN, Responsibility.CONFLICT);

    public Portfolio {
        findingsBySeverityAndOwner = copy(findingsBySeverityAndOwner);
        findingsByRule = List.copyOf(findingsByRule);
        layers = List.copyOf(layers);
        services = List.copyOf(services);
        customerShare = List.copyOf(customerShare);
        controlsByStatusAndSeverity = copy(controlsByStatusAndSeverity);
        integrations = List.copyOf(integrations);
        evidence = List.copyOf(evidence);
        failures = List.copyOf(failures);
        policy = policy == null ? Policy.NONE : policy;
    }

    /**
     * What waivers and the baseline did: findings WAIVED (they do not count for --fail-on) and NEW
     * findings that count, per severity (REOPENED ones among them: waived in the baseline, open now,
     * {@code reopened}); UNCHANGED findings; the run's {@link PolicySummary} (waivers with their use,
     * FIXED findings, warnings), or null when the run had no waivers and no baseline.
     */
    public record Policy(Map<Severity, Integer> waived, Map<Severity, Integer> fresh, int reopened, int unchanged,
                         PolicySummary summary) {
        public static final Policy NONE = new Policy(Map.of(), Map.of(), 0, 0, null);

        public Policy {
            waived = Collections.unmodifiableMap(new EnumMap<>(waived.isEmpty() ? Map.of(Severity.INFO, 0) : waived));
            fresh = Collections.unmodifiableMap(new EnumMap<>(fresh.isEmpty() ? Map.of(Severity.INFO, 0) : fresh));
        }

        public int waivedTotal() {
            return waived.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int freshTotal() {
            return fresh.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Whether the run had waivers or a baseline to report on. */
        public boolean shown() {
            return summary != null && (!summary.waivers().isEmpty() || summary.baseline());
        }
    }

    private static <K> Map<K, Map<String, Integer>> copy(Map<K, Map<String, Integer>> m) {
        Map<K, Map<String, Integer>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    /** Findings per severity, every severity present, most severe first. */
    public Map<Severity, Integer> findingsBySeverity() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, findingsBySeverityAndOwner.getOrDefault(s, Map.of()).values().stream().mapToInt(Integer::intValue).sum());
        }
        return out;
    }

    /** Whether any finding that counts (not WAIVED) is at or above the threshold (null: never). */
    public boolean hasFindingAtLeast(Severity threshold) {
        if (threshold == null) {
            return false;
        }
        return findingsBySeverity().entrySet().stream()
                .anyMatch(e -> e.getKey().atLeast(threshold) && e.getValue() - policy.waived().getOrDefault(e.getKey(), 0) > 0);
    }

    /** Whether any NEW finding (against the baseline) that counts is at or above the threshold (null: never). */
    public boolean hasNewFindingAtLeast(Severity threshold) {
        return threshold != null && policy.fresh().entrySet().stream().anyMatch(e -> e.getKey().atLeast(threshold) && e.getValue() > 0);
    }

    /** The labels of the services (rows) that leave a layer to a party on at least one resource. */
    public List<String> servicesLeaving(String layer, Responsibility party) {
        List<String> out = new ArrayList<>();
        for (ServiceRow row : services) {
            if (row.count(layer, party) > 0) {
                out.add(row.label());
            }
        }
        return out;
    }

    /** How many scenarios, resources, control results, findings, warnings and failed inputs. */
    public record Totals(int scenarios, int resources, int controls, int findings, int warnings, int failedInputs) {
    }

    /** The findings one rule raised at one severity: how many, in how many scenarios, and the fix. */
    public record RuleTally(String rule, String title, Severity severity, int findings, int scenarios, String remediation) {
    }

    /**
     * One row of the responsibility matrix: a service and variant (RDS standard, RDS custom,
     * ECS on EC2, ...), how many resources, and per layer how many of them each party owns.
     */
    public record ServiceRow(String service, String variant, String serviceModel, int resources,
                             Map<String, Map<Responsibility, Integer>> layers) {
        public ServiceRow {
            Map<String, Map<Responsibility, Integer>> copy = new LinkedHashMap<>();
            layers.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
            layers = Collections.unmodifiableMap(copy);
        }

        /** "EC2 instance", "RDS custom", or "unknown service". */
        public String label() {
            String s = service == null ? "unknown service" : service;
            return variant == null ? s : s + " " + variant;
        }

        public int count(String layer, Responsibility party) {
            Map<Responsibility, Integer> m = layers.get(layer);
            return m == null ? 0 : m.getOrDefault(party, 0);
        }

        /** The one party that owns the layer on every resource of the row, or null when they differ or none decided. */
        public Responsibility party(String layer) {
            Map<Responsibility, Integer> m = layers.get(layer);
            if (m == null || m.size() != 1) {
                return null;
            }
            return m.keySet().iterator().next();
        }
    }

    /**
     * The customer's share for one service model: resources, how many have each share level,
     * and how many layer decisions went to each party.
     */
    public record ModelShare(String serviceModel, int resources, Map<String, Integer> shareLevels,
                             Map<Responsibility, Integer> layers) {
        public ModelShare {
            shareLevels = Collections.unmodifiableMap(new LinkedHashMap<>(shareLevels));
            layers = Collections.unmodifiableMap(new EnumMap<>(layers));
        }

        public int layerDecisions() {
            return layers.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The share of layer decisions that went to a party, in percent with one decimal. */
        public double percent(Responsibility party) {
            int total = layerDecisions();
            return total == 0 ? 0 : Math.round(1000.0 * layers.getOrDefault(party, 0) / total) / 10.0;
        }
    }

    /**
     * An integration and the MISSING controls it implements or evidences: turning it on
     * (where the control lists it) addresses {@code closes} control results in
     * {@code scenarios} scenarios.
     */
    public record IntegrationTally(String name, String why, int closes, int scenarios, List<String> controls) {
        public IntegrationTally {
            controls = List.copyOf(controls);
        }
    }

    /** A control of the pack, the Config rules and Security Hub controls that evidence it, and its results by status. */
    public record EvidenceItem(String control, String title, String layer, String severity, List<String> configRules,
                               List<String> securityHub, String source, Map<String, Integer> statuses) {
        public EvidenceItem {
            configRules = List.copyOf(configRules);
            securityHub = List.copyOf(securityHub);
            statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        }

        public int applied() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
