package dev.srm.model;

import dev.srm.facts.Setting;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A resource as the scenario describes it: the service name and/or CloudFormation type the
 * user wrote, its tags, its configuration flattened to settings, and the line it starts on.
 * {@code notes} are what the input says about the resource beyond its configuration (a template
 * resource that exists only under a condition srm cannot decide, one SAM created, one from a
 * nested stack); they become the resource's notices. {@code waivers} are the accepted risks written on
 * the resource itself (a scenario's resource-level {@code waivers:} block). {@code line} is where the
 * resource starts in the scenario's file (0 when unknown); {@code origin} is where it was written (a
 * nested stack's template, a plan's address, a Config item's ARN and capture time): every report shows it.
 * {@code stated} are the configuration paths (patterns such as {@code KmsKeyId} or {@code Rules[*].Status},
 * each covering what lies beneath it) whose value or absence the input states although its inventory is
 * not complete: a Terraform attribute that is null in a plan says the property is not set, so its absence
 * is evidence there as in a template. {@code partial}: the input does not hold all of the resource's
 * configuration although its inventory says it does (a template's Properties that an AWS::Include
 * snippet fills at deploy time): an absence there is no evidence, as in a partial inventory.
 */
public record ResourceSpec(String id, String service, String type, Map<String, String> tags,
                           List<Setting> settings, int line, List<String> notes, List<ResourceWaiver> waivers, Origin origin,
                           java.util.Set<String> stated, boolean partial) {
    public ResourceSpec {
        stated = stated == null ? java.util.Set.of() : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(stated));
        origin = origin == null ? Origin.line(line) : origin;
        line = line == 0 ? origin.line() : line;
        waivers = waivers == null ? List.of() : List.copyOf(waivers);
        Objects.requireNonNull(id, "id");
        tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        settings = List.copyOf(settings);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A resource whose input holds all of its configuration that its inventory says it holds. */
    public ResourceSpec(String id, String service, String type, Map<String, String> tags, List<Setting> settings, int line,
                        List<String> notes, List<ResourceWaiver> waivers, Origin origin, java.util.Set<String> stated) {
        this(id, service, type, tags, settings, line, notes, waivers, origin, stated, false);
    }

    /** A resource whose input states no path beyond what its inventory says. */
    public ResourceSpec(String id, String service, String type, Map<String, String> tags, List<Setting> settings, int line,
                        List<String> notes, List<ResourceWaiver> waivers, Origin origin) {
        this(id, service, type, tags, settings, line, notes, waivers, origin, null);
    }

    /** A resource whose origin is its line in the scenario's file. */
    public ResourceSpec(String id, String service, String type, Map<String, String> tags, List<Setting> settings, int line,
                        List<String> notes, List<ResourceWaiver> waivers) {
        this(id, service, type, tags, settings, line, notes, waivers, null);
    }

    /** A resource without waivers of its own. */
    public ResourceSpec(String id, String service, String type, Map<String, String> tags, List<Setting> settings, int line,
                        List<String> notes) {
        this(id, service, type, tags, settings, line, notes, List.of());
    }

    /** A resource without notes. */
    public ResourceSpec(String id, String service, String type, Map<String, String> tags, List<Setting> settings, int line) {
        this(id, service, type, tags, settings, line, List.of());
    }
}
