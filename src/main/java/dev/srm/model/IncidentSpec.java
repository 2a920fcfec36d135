package dev.srm.model;

import dev.srm.facts.AsffFinding;
import dev.srm.facts.Severity;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code incident} block of a scenario, or an incident built from command-line flags or
 * from an ASFF finding. {@code resource} names a resource of the scenario, {@code service} a
 * service when no resource is named; {@code kind} is null only for an ASFF finding whose kind
 * the rules read from its types. {@code locations} holds {@code line:column} per field of a
 * block read from a file, for error messages; {@code finding} is set for ASFF input;
 * {@code syntheticResource} is true when {@code resource} was made up for a named service;
 * {@code component} (os, runtime, dependency, ...) is null unless the input names what the
 * incident sits in.
 */
public record IncidentSpec(String id, String resource, String service, String layer, String kind, String summary,
                           String detectedBy, Severity severity, Origin origin, AsffFinding finding,
                           boolean syntheticResource, Map<String, String> locations, String component) {
    /** Where an incident came from. */
    public enum Origin {
        SCENARIO, FLAGS, ASFF;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IncidentSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        locations = locations == null ? Map.of() : Map.copyOf(locations);
    }

    /** {@code line:column} of a field of the block, or empty when unknown. */
    public String where(String field) {
        return locations.getOrDefault(field, "");
    }

    /** This incident on another resource; {@code synthetic} when that resource was made up for the named service. */
    public IncidentSpec on(String newResource, String newService, boolean synthetic) {
        return new IncidentSpec(id, newResource, newService, layer, kind, summary, detectedBy, severity, origin, finding,
                synthetic, locations, component);
    }

    /** This incident with the given id, kind, layer, summary and detector (flags given on the command line). */
    public IncidentSpec with(String newId, String newKind, String newLayer, String newSummary, String newDetectedBy) {
        return new IncidentSpec(newId, resource, service, newLayer, newKind, newSummary, newDetectedBy, severity, origin,
                finding, syntheticResource, locations, component);
    }

    /** This incident in the named component (a flag given on the command line). */
    public IncidentSpec withComponent(String newComponent) {
        return new IncidentSpec(id, resource, service, layer, kind, summary, detectedBy, severity, origin, finding,
                syntheticResource, locations, newComponent);
    }
}
