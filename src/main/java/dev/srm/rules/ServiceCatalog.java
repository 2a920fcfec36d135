package dev.srm.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names of things, read from the data files of a rule pack ({@code catalog/*.yaml}):
 * which service a name or CloudFormation type means, which configuration keys a type has,
 * which srm keys exist, and what each integration is for. It decides no responsibility;
 * the DRL rules do.
 */
public final class ServiceCatalog {
    /** A catalogued service: canonical name, aliases, CloudFormation types, known keys per type. */
    public record Service(String name, List<String> aliases, List<String> types, Map<String, Set<String>> properties) {
        public String primaryType() {
            return types.isEmpty() ? null : types.get(0);
        }
    }

    /**
     * A CloudFormation type of a catalogued service that srm deliberately does not classify
     * ({@code catalog/not-classified.yaml}), with the reason and where it is listed.
     */
    public record NotClassified(String type, String reason, String where) {
    }

    /** An AWS integration srm names in its output. */
    public record Integration(String name, String why) {
    }

    private final Map<String, Service> byKey = new HashMap<>();
    private final Map<String, Service> byType = new HashMap<>();
    private final Map<String, Service> byName = new LinkedHashMap<>();
    private final Map<String, NotClassified> notClassified = new java.util.TreeMap<>();
    private final Map<String, Integration> integrations = new LinkedHashMap<>();
    private final Set<String> srmKeys = new LinkedHashSet<>();
    private final Map<String, Framework> frameworks = new java.util.TreeMap<>();
    private final CloudFormationSchema schema = new CloudFormationSchema();

    /** A compliance framework and the requirement ids each control maps to (from {@code rules/frameworks/*.yaml}). */
    public record Framework(String id, String name, String source, Map<String, List<String>> controls) {
        public Framework {
            controls = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(controls));
        }
    }

    private ServiceCatalog() {
    }

    /** Reads every data file of the pack; later files add to (and may redefine) earlier ones. */
    public static ServiceCatalog load(RuleSources sources) throws RulesException {
        ServiceCatalog catalog = new ServiceCatalog();
        List<String> problems = new ArrayList<>();
        for (RuleSources.DataTree t : sources.catalogTrees(problems)) {
            catalog.add(t.root(), t.file(), problems);
        }
        ObjectMapper json = new ObjectMapper();
        for (RuleFile f : sources.schemaFiles()) {
            try {
                catalog.schema.add(json.readTree(f.content()), f, problems);
            } catch (IOException e) {
                problems.add(f.origin() + ": " + firstLine(e.getMessage()));
            }
        }
        catalog.notClassified.values().forEach(n -> catalog.byType(n.type()).ifPresent(s -> problems.add(
                n.where() + ": type '" + n.type() + "' is listed as not classified but is classified as " + s.name())));
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return catalog;
    }

    private static String firstLine(String s) {
        return s == null ? "cannot be read" : s.lines().findFirst().orElse(s);
    }

    private void add(JsonNode root, RuleFile f, List<String> problems) {
        schema.add(root, f, problems);
        for (JsonNode s : root.path("services")) {
            String name = s.path("name").asText(null);
            if (name == null || name.isBlank()) {
                problems.add(f.origin() + ": a service without a name");
                continue;
            }
            List<String> aliases = texts(s.path("aliases"));
            List<String> types = texts(s.path("types"));
            Map<String, Set<String>> props = new LinkedHashMap<>();
            s.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), new LinkedHashSet<>(texts(e.getValue()))));
            Service service = new Service(name, aliases, types, props);
            byName.put(name, service);
            byKey.put(key(name), service);
            aliases.forEach(a -> byKey.put(key(a), service));
            types.forEach(t -> byType.put(t.toLowerCase(Locale.ROOT), service));
        }
        addNotClassified(root.path("notClassified"), f, problems);
        for (JsonNode i : root.path("integrations")) {
            String name = i.path("name").asText(null);
            if (name != null) {
                integrations.put(name, new Integration(name, i.path("why").asText("")));
            }
        }
        srmKeys.addAll(texts(root.path("srmKeys")));
        JsonNode fw = root.path("framework");
        if (fw.isObject()) {
            String id = fw.path("id").asText(null);
            if (id == null || id.isBlank()) {
                problems.add(f.origin() + ": a framework without an id");
                return;
            }
            Map<String, List<String>> controls = new LinkedHashMap<>();
            Framework before = frameworks.get(id);
            if (before != null) {
                controls.putAll(before.controls());
            }
            root.path("controls").fields().forEachRemaining(e -> controls.put(e.getKey(), texts(e.getValue())));
            frameworks.put(id, new Framework(id, fw.path("name").asText(id), fw.path("source").asText(""), controls));
        }
    }

    /**
     * Reads {@code notClassified:} entries, each {@code {type: X, reason: ...}} or
     * {@code {types: [X, Y], reason: ...}}; a type without a reason or listed twice is a problem.
     */
    private void addNotClassified(JsonNode entries, RuleFile f, List<String> problems) {
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            String where = f.origin() + ": /notClassified/" + i;
            List<String> types = new ArrayList<>(texts(e.path("types")));
            if (e.hasNonNull("type")) {
                types.add(0, e.path("type").asText());
            }
            String reason = e.path("reason").asText("").strip();
            if (types.isEmpty()) {
                problems.add(where + ": expected 'type' or 'types'");
                continue;
            }
            if (reason.isEmpty()) {
                problems.add(where + ": expected a 'reason' for " + types.get(0));
                continue;
            }
            for (String type : types) {
                NotClassified before = notClassified.get(type.toLowerCase(Locale.ROOT));
                if (before != null) {
                    problems.add(where + ": type '" + type + "' is already listed at " + before.where());
                    continue;
                }
                notClassified.put(type.toLowerCase(Locale.ROOT), new NotClassified(type, reason, where));
            }
        }
    }

    /** Every framework mapping of the pack, by id. */
    public Map<String, Framework> frameworks() {
        return java.util.Collections.unmodifiableMap(frameworks);
    }

    /** The requirement ids a control maps to, per framework id (frameworks without a mapping left out). */
    public Map<String, List<String>> frameworkRefs(String control) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        frameworks.forEach((id, f) -> {
            List<String> refs = f.controls().get(control);
            if (refs != null && !refs.isEmpty()) {
                out.put(id, refs);
            }
        });
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Folds a service name for lookup: case, spaces, punctuation and an Amazon/AWS prefix do not matter. */
    static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (k.startsWith("amazon") && k.length() > 6) {
            k = k.substring(6);
        } else if (k.startsWith("aws") && k.length() > 3) {
            k = k.substring(3);
        }
        return k;
    }

    public Optional<Service> byServiceName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    public Optional<Service> byType(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type.toLowerCase(Locale.ROOT)));
    }

    /** Why srm deliberately does not classify a type of a catalogued service, if it is listed. */
    public Optional<NotClassified> notClassified(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(notClassified.get(type.toLowerCase(Locale.ROOT)));
    }

    /** Every type listed as deliberately not classified, sorted by type. */
    public List<NotClassified> notClassifiedTypes() {
        return notClassified.values().stream().sorted(java.util.Comparator.comparing(NotClassified::type)).toList();
    }

    /** The canonical spelling of a known type (as the catalogue writes it). */
    public String canonicalType(String type) {
        return byType(type).flatMap(s -> s.types().stream().filter(t -> t.equalsIgnoreCase(type)).findFirst()).orElse(type);
    }

    public List<Service> services() {
        return List.copyOf(byName.values());
    }

    public Optional<Integration> integration(String name) {
        return Optional.ofNullable(integrations.get(name));
    }

    /** CloudFormation's resource types and documented defaults, as the pack's data states them. */
    public CloudFormationSchema schema() {
        return schema;
    }

    public boolean isSrmKey(String key) {
        return srmKeys.contains(key);
    }
}
