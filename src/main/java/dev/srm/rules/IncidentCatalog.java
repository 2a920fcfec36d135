package dev.srm.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names triage needs, read from the data files of a rule pack beside the service
 * catalogue: the incident taxonomy ({@code incidentKinds:}, e.g. {@code catalog/incident-kinds.yaml})
 * and which service each AWS Security Finding Format resource type means
 * ({@code asffResourceTypes:}, e.g. {@code catalog/asff.yaml}). Later files add to (and may
 * redefine) earlier ones. It decides nothing; the DRL rules under {@code triage/} do.
 */
public final class IncidentCatalog {
    /**
     * A kind of incident: id, title, the layer it usually sits on ({@code defaultLayer} in the
     * file), and what it covers; {@code origin} is the file that defines it.
     */
    public record Kind(String id, String title, String layer, String description, String origin, String duty,
                       boolean componentDecides) {
    }

    /** What an unpatched vulnerability or malware can sit in, the duty that patching it is, and how to tell. */
    public record Component(String id, String title, String duty, String howToTell) {
    }

    /** What an ASFF resource type means: a catalogued service and, when known, its CloudFormation type. */
    public record AsffType(String asff, String service, String type) {
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, AsffType> asffTypes = new LinkedHashMap<>();

    private IncidentCatalog() {
    }

    /** Reads every data file of the pack; a kind without id or layer is a problem. */
    public static IncidentCatalog load(RuleSources sources) throws RulesException {
        IncidentCatalog catalog = new IncidentCatalog();
        List<String> problems = new ArrayList<>();
        for (RuleSources.DataTree t : sources.catalogTrees(problems)) {
            if (t.root().isObject()) {
                catalog.add(t.root(), t.file(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return catalog;
    }

    private void add(JsonNode root, RuleFile f, List<String> problems) {
        int i = 0;
        for (JsonNode k : root.path("incidentKinds")) {
            String id = k.path("id").asText("").trim();
            String layer = k.path("defaultLayer").asText("").trim();
            if (id.isEmpty() || layer.isEmpty()) {
                problems.add(f.origin() + ": incidentKinds[" + i + "]: a kind needs an id and a defaultLayer");
            } else if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(f.origin() + ": incidentKinds[" + i + "]: kind id '" + id + "' must be lower-case letters, digits and dashes");
            } else {
                kinds.put(id, new Kind(id, k.path("title").asText(id), layer, k.path("description").asText(""), f.origin(),
                    k.hasNonNull("duty") ? k.get("duty").asText() : null, k.path("componentDecides").asBoolean(false)));
            }
            i++;
        }
        i = 0;
        for (JsonNode c : root.path("incidentComponents")) {
            String id = c.path("id").asText("").trim();
            String duty = c.path("duty").asText("").trim();
            if (id.isEmpty() || duty.isEmpty()) {
                problems.add(f.origin() + ": incidentComponents[" + i + "]: a component needs an id and a duty");
            } else if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                problems.add(f.origin() + ": incidentComponents[" + i + "]: component id '" + id + "' must be lower-case letters, digits and dashes");
            } else {
                components.put(id, new Component(id, c.path("title").asText(id), duty, c.path("howToTell").asText("")));
            }
            i++;
        }
        for (JsonNode t : root.path("asffResourceTypes")) {
            String asff = t.path("asff").asText("").trim();
            if (!asff.isEmpty()) {
                asffTypes.put(asff, new AsffType(asff, t.path("service").asText(null), t.path("type").asText(null)));
            }
        }
    }

    /** Every kind, in the order the files define them. */
    public List<Kind> kinds() {
        return List.copyOf(kinds.values());
    }

    public Optional<Kind> kind(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(kinds.get(id));
    }

    /** The ids of every kind, comma-separated, for messages that list them. */
    public String kindIds() {
        return String.join(", ", kinds.keySet());
    }

    /** Every component an incident can name, in the order the files define them. */
    public List<Component> components() {
        return List.copyOf(components.values());
    }

    public Optional<Component> component(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(components.get(id));
    }

    /** The ids of every component, comma-separated, for messages that list them. */
    public String componentIds() {
        return String.join(", ", components.keySet());
    }

    public Optional<AsffType> asffType(String asffResourceType) {
        return asffResourceType == null ? Optional.empty() : Optional.ofNullable(asffTypes.get(asffResourceType));
    }
}
