package dev.srm.model;

import java.util.List;
import java.util.Map;

/**
 * What a scenario's {@code expect} block says the evaluation must conclude; {@code srm test}
 * checks it. Maps are keyed by resource id (or {@code account}), then by layer or control id.
 */
public record Expectations(Map<String, Map<String, String>> layers, Map<String, Map<String, String>> duties,
                           Map<String, Map<String, String>> controls,
                           Map<String, String> serviceModels, Map<String, String> customerShares,
                           List<FindingPattern> findings, List<FindingPattern> noFindings, java.time.LocalDate asOf) {
    /** Expectations that hold whatever the day. */
    public Expectations(Map<String, Map<String, String>> layers, Map<String, Map<String, String>> duties,
                        Map<String, Map<String, String>> controls, Map<String, String> serviceModels,
                        Map<String, String> customerShares, List<FindingPattern> findings, List<FindingPattern> noFindings) {
        this(layers, duties, controls, serviceModels, customerShares, findings, noFindings, null);
    }

    public Expectations {
        layers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(layers));
        duties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(duties));
        controls = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(controls));
        serviceModels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(serviceModels));
        customerShares = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(customerShares));
        findings = List.copyOf(findings);
        noFindings = List.copyOf(noFindings);
    }

    /** A finding to look for; null fields match anything. */
    public record FindingPattern(String rule, String resource, String severity, String owner, String layer, String layerParty) {
        public boolean matches(FindingResult f) {
            return rule.equals(f.rule())
                    && (resource == null || resource.equals(f.resource()))
                    && (severity == null || severity.equalsIgnoreCase(f.severity().name()))
                    && (owner == null || (f.owner() != null && owner.equalsIgnoreCase(f.owner().name())))
                    && (layer == null || layer.equals(f.layer()))
                    && (layerParty == null || (f.layerParty() != null && layerParty.equalsIgnoreCase(f.layerParty().name())));
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder(rule);
            if (resource != null) {
                b.append(" on ").append(resource);
            }
            if (severity != null) {
                b.append(" ").append(severity);
            }
            if (owner != null) {
                b.append(" owner ").append(owner);
            }
            if (layer != null) {
                b.append(" layer ").append(layer);
            }
            if (layerParty != null) {
                b.append(" in a layer run by ").append(layerParty);
            }
            return b.toString();
        }
    }
}
