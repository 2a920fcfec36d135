package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mappings of one input, read from the pack's {@code importers/<input>/*.yaml} files: under
 * a top-level key named like the input, each source type maps to one mapping, or to a list of
 * mappings of which the first whose {@code when} holds applies. Later files may redefine a type.
 */
public final class MappingSet {
    /** The folder under the pack's root that holds the mapping files of every input. */
    public static final String FOLDER = "importers/";

    private final String input;
    private final Map<String, List<Mapping>> bySource;

    private MappingSet(String input, Map<String, List<Mapping>> bySource) {
        this.input = input;
        this.bySource = java.util.Collections.unmodifiableMap(bySource);
    }

    /** The mappings of {@code input} (for example {@code terraform}) in srm's bundled pack. */
    public static MappingSet bundled(String input) {
        try {
            return load(RuleSources.bundled(), input);
        } catch (RulesException e) {
            throw new IllegalStateException("the bundled " + input + " mappings cannot be read: " + String.join("; ", e.problems()), e);
        }
    }

    /** The mappings of {@code input} among the files of a pack; a malformed file is a problem naming file and type. */
    public static MappingSet load(RuleSources sources, String input) throws RulesException {
        ObjectMapper tree = new ObjectMapper();
        Map<String, List<Mapping>> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (RuleFile f : sources.dataFiles()) {
            if (!f.relative().startsWith(FOLDER + input + "/")) {
                continue;
            }
            try {
                // SnakeYAML rather than Jackson's tree: it resolves anchors and aliases (&v4 ... *v4)
                Object parsed = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                        new org.yaml.snakeyaml.LoaderOptions())).load(f.content());
                JsonNode section = tree.valueToTree(parsed).path(input);
                for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    List<Mapping> variants = new ArrayList<>();
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> variants.add(mapping(e.getKey(), v, f.origin())));
                    } else {
                        variants.add(mapping(e.getKey(), e.getValue(), f.origin()));
                    }
                    out.put(e.getKey(), List.copyOf(variants));
                }
            } catch (RuntimeException ex) {
                problems.add(f.origin() + ": " + (ex.getMessage() == null ? "cannot be read" : ex.getMessage().lines().findFirst().orElse("")));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new MappingSet(input, out);
    }

    public String input() {
        return input;
    }

    /** Every source type with a mapping. */
    public java.util.Set<String> sources() {
        return bySource.keySet();
    }

    /** The mappings of a source type, in order (empty when it has none). */
    public List<Mapping> variants(String source) {
        return bySource.getOrDefault(source, List.of());
    }

    /** Whether the source type has a mapping at all. */
    public boolean maps(String source) {
        return bySource.containsKey(source);
    }

    /** The mapping that applies to a source resource: the first of its type whose conditions hold. */
    public Optional<Mapping> forResource(String source, JsonNode resource) {
        Scope root = Scope.root(resource);
        for (Mapping m : variants(source)) {
            if (m.when().holds(root)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- reading the files

    private static Mapping mapping(String source, JsonNode m, String origin) {
        String where = "'" + source + "'";
        if (!m.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping object");
        }
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!List.of("type", "into", "when", "copy", "properties", "account", "keys", "tags", "note").contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k
                        + "' (expected type, into, when, copy, properties, account, keys, tags, note)");
            }
        }
        List<Mapping.Fold> into = new ArrayList<>();
        if (m.has("into")) {
            // one {resource, by, append}, or a list of them: an attachment that names roles, users and groups folds into each
            JsonNode list = m.get("into").isArray() ? m.get("into") : tree(m.get("into"));
            for (JsonNode i : list) {
                if (!i.hasNonNull("resource") || !i.hasNonNull("by")) {
                    throw new IllegalArgumentException(where + ": 'into' needs resource and by");
                }
                List<String> same = new ArrayList<>();
                if (i.path("same").isArray()) {
                    i.get("same").forEach(a -> same.add(a.asText()));
                } else if (i.has("same")) {
                    same.add(i.get("same").asText());
                }
                into.add(new Mapping.Fold(i.get("resource").asText(), SourcePath.parse(i.get("by").asText()), i.path("append").asBoolean(false), same));
            }
            if (into.isEmpty()) {
                throw new IllegalArgumentException(where + ": 'into' needs resource and by");
            }
        }
        String type = m.hasNonNull("type") ? m.get("type").asText() : null;
        if (type != null && !type.matches("[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+")) {
            throw new IllegalArgumentException(where + ": type '" + type + "' is not a CloudFormation type (AWS::Service::Resource)");
        }
        if (type == null && into.isEmpty() && !m.has("account")) {
            throw new IllegalArgumentException(where + ": a mapping needs a type, into or account");
        }
        List<String> keys = new ArrayList<>();
        m.path("keys").forEach(k -> keys.add(k.asText()));
        return new Mapping(source, type, into, when(m.get("when"), where),
                m.hasNonNull("copy") ? SourcePath.parse(m.get("copy").asText()) : null,
                specs(m.path("properties"), where), specs(m.path("account"), where), keys,
                m.hasNonNull("tags") ? SourcePath.parse(m.get("tags").asText()) : null, origin);
    }

    private static JsonNode tree(JsonNode one) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(one);
    }

    private static Map<String, Spec> specs(JsonNode node, String where) {
        Map<String, Spec> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[A-Za-z0-9_:\"-]+(\\.[A-Za-z0-9_:\"-]+)*(#[A-Za-z0-9_-]+)?")) {
                throw new IllegalArgumentException(where + ": target '" + e.getKey() + "' must be property names joined by dots");
            }
            out.put(e.getKey(), spec(e.getValue(), where + " " + e.getKey()));
        }
        return out;
    }

    private static Spec spec(JsonNode s, String where) {
        if (s.isTextual()) {
            return new Spec.Copy(SourcePath.parse(s.asText()), Spec.Conversion.NONE, Map.of(), null, Spec.When.ALWAYS);
        }
        if (!s.isObject()) {
            return new Spec.Const(s, Spec.When.ALWAYS);
        }
        Spec.When when = when(s.get("when"), where);
        if (s.has("each")) {
            Spec value = s.has("value") ? spec(s.get("value"), where) : null;
            List<SourcePath> over = new ArrayList<>();
            if (s.get("each").isArray()) {
                s.get("each").forEach(e -> over.add(SourcePath.parse(e.asText())));
            } else {
                over.add(SourcePath.parse(s.get("each").asText()));
            }
            return new Spec.Each(over, conversion(s, where), specs(s.path("properties"), where), value, when, s.path("whole").asBoolean(false),
                    unsetAbsent(s, where));
        }
        if (s.has("from")) {
            Spec.Conversion as = conversion(s, where);
            if (as == Spec.Conversion.ELEMENTS) {
                throw new IllegalArgumentException(where + ": 'as: elements' converts a reference (ref), not a copy");
            }
            Map<String, JsonNode> map = new LinkedHashMap<>();
            s.path("map").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
            return new Spec.Copy(SourcePath.parse(s.get("from").asText()), as, map, s.get("default"), when, unsetAbsent(s, where));
        }
        if (s.has("ref")) {
            Spec.Conversion as = conversion(s, where);
            if (as != Spec.Conversion.NONE && as != Spec.Conversion.LIST && as != Spec.Conversion.ELEMENTS) {
                throw new IllegalArgumentException(where + ": a reference converts only 'as: list' or 'as: elements'");
            }
            return new Spec.Ref(SourcePath.parse(s.get("ref").asText()), s.path("to").asText(null), when, unsetAbsent(s, where),
                    as == Spec.Conversion.LIST, as == Spec.Conversion.ELEMENTS);
        }
        if (s.has("value")) {
            return new Spec.Const(s.get("value"), when);
        }
        throw new IllegalArgumentException(where + ": expected a source path, or an object with from, each, ref or value");
    }

    /** {@code unset: absent}: the only value {@code unset} takes (see {@link Spec.Copy}). */
    private static boolean unsetAbsent(JsonNode s, String where) {
        if (!s.has("unset")) {
            return false;
        }
        if (!"absent".equals(s.get("unset").asText())) {
            throw new IllegalArgumentException(where + ": unset may only be 'absent'");
        }
        return true;
    }

    private static Spec.Conversion conversion(JsonNode s, String where) {
        if (!s.has("as")) {
            return Spec.Conversion.NONE;
        }
        try {
            return Spec.Conversion.valueOf(s.get("as").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown conversion '" + s.get("as").asText() + "'");
        }
    }

    private static Spec.When when(JsonNode w, String where) {
        if (w == null || w.isNull()) {
            return Spec.When.ALWAYS;
        }
        if (!w.isObject()) {
            throw new IllegalArgumentException(where + ": 'when' must map source paths to values");
        }
        Map<SourcePath, List<String>> conditions = new LinkedHashMap<>();
        w.fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.isNull() ? null : v.asText()));
            } else {
                values.add(e.getValue().isNull() ? null : e.getValue().asText());
            }
            conditions.put(SourcePath.parse(e.getKey()), values);
        });
        return new Spec.When(conditions);
    }
}
