package dev.srm.model;

import dev.srm.facts.Setting;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resource as the scenario describes it: the service name and/or CloudFormation type the
 * user wrote, its tags, its configuration flattened to settings, and the line it starts on.
 */
public record ResourceSpec(String id, String service, String type, Map<String, String> tags,
                           List<Setting> settings, int line) {
    public ResourceSpec {
        Objects.requireNonNull(id, "id");
        tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        settings = List.copyOf(settings);
    }
}
