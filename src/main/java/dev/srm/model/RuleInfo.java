package dev.srm.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rule of a pack as its metadata describes it. The rule's name is its id; {@code kind} is
 * one of control, responsibility, classification, evidence, finding, triage, resolution, or
 * another a pack defines.
 */
public record RuleInfo(String id, String pkg, String file, int line, Map<String, String> metadata) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        // sorted by key (as listed and written), looked up by hash: reports read a rule's metadata for every conclusion
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(new java.util.TreeMap<>(metadata)));
    }

    public String meta(String key) {
        return metadata.get(key);
    }

    public String kind() {
        return metadata.getOrDefault("kind", "");
    }

    public String title() {
        return metadata.getOrDefault("title", id);
    }

    public String severity() {
        return metadata.get("severity");
    }

    public String layer() {
        return metadata.get("layer");
    }

    public String source() {
        return metadata.get("source");
    }

    public String remediation() {
        return metadata.get("remediation");
    }

    public List<String> integrations() {
        return list("integrations");
    }

    public List<String> securityHub() {
        return list("securityHub");
    }

    public List<String> configRules() {
        return list("configRule");
    }

    /** A comma-separated metadata value as a list, empty when absent. */
    public List<String> list(String key) {
        String v = metadata.get(key);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
