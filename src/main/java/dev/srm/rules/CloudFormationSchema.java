package dev.srm.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CloudFormation's resource types as the pack's data states them: property names, nesting and
 * defaults, read from {@code catalog/cloudformation/*.json} (generated from AWS's resource
 * schemas by {@code tools/cfn-spec}) and {@code catalog/cloudformation-defaults.yaml} (defaults
 * from the reference pages, with their source). Unknown-key warnings and absent-property
 * defaults both read it. Immutable once the pack is loaded.
 */
public final class CloudFormationSchema {
    /**
     * What CloudFormation does when a property is absent: {@code value} when a page or schema
     * states one, else {@code value} is null and {@code unknown} says why no single value can be
     * given. {@code pattern} is written as the controls write it ({@code A.B[*].C}).
     */
    public record PropertyDefault(String type, String pattern, String value, String unknown, String source) {
        public boolean known() {
            return value != null;
        }
    }

    /** A configuration key the schema does not know: where, which key, and the nearest known name (or null). */
    public record UnknownKey(String pointer, String key, String suggestion) {
    }

    private final Map<String, Map<String, JsonNode>> resourceTypes = new HashMap<>();
    private final Map<String, Map<String, Map<String, JsonNode>>> propertyTypes = new HashMap<>();
    private final Map<String, Map<String, PropertyDefault>> defaults = new HashMap<>();
    /** Per type, the top-level names of its read-only attributes (Fn::GetAtt's: Arn, Endpoint of Endpoint.Address). */
    private final Map<String, Set<String>> attributes = new HashMap<>();

    CloudFormationSchema() {
    }

    /** Reads what a data file holds for the schema: {@code resourceTypes} or {@code cloudformationDefaults}. */
    void add(JsonNode root, RuleFile file, List<String> problems) {
        root.path("resourceTypes").fields().forEachRemaining(e -> {
            String type = e.getKey();
            Map<String, JsonNode> props = new LinkedHashMap<>();
            e.getValue().path("properties").fields().forEachRemaining(p -> props.put(p.getKey(), p.getValue()));
            resourceTypes.put(key(type), props);
            Set<String> attrs = new HashSet<>();
            e.getValue().path("attributes").forEach(a -> attrs.add(a.asText().split("\\.", 2)[0]));
            attributes.put(key(type), attrs);
            Map<String, Map<String, JsonNode>> types = new HashMap<>();
            e.getValue().path("types").fields().forEachRemaining(t -> {
                Map<String, JsonNode> tp = new LinkedHashMap<>();
                t.getValue().path("properties").fields().forEachRemaining(p -> tp.put(p.getKey(), p.getValue()));
                types.put(t.getKey(), tp);
            });
            propertyTypes.put(key(type), types);
            collectSchemaDefaults(type, "", props, types, 0);
        });
        for (JsonNode d : root.path("cloudformationDefaults")) {
            String type = d.path("type").asText(null);
            String property = d.path("property").asText(null);
            if (type == null || property == null) {
                problems.add(file.origin() + ": a cloudformationDefaults entry needs type and property");
                continue;
            }
            JsonNode v = d.get("default");
            String value = v == null || v.isNull() ? null : v.asText();
            String unknown = d.path("unknown").asText(null);
            if (value == null && unknown == null) {
                problems.add(file.origin() + ": default of " + type + " " + property + " needs 'default' or 'unknown'");
                continue;
            }
            defaults.computeIfAbsent(key(type), k -> new LinkedHashMap<>())
                    .put(property, new PropertyDefault(type, property, value, unknown, d.path("source").asText("")));
        }
    }

    /** Schema-stated defaults ({@code "default"} keys), nested as deep as property types go. */
    private void collectSchemaDefaults(String type, String prefix, Map<String, JsonNode> props,
                                       Map<String, Map<String, JsonNode>> types, int depth) {
        if (depth > 4) {
            return;
        }
        props.forEach((name, shape) -> {
            String pattern = prefix + name;
            JsonNode d = shape.get("default");
            if (d != null && d.isValueNode() && !d.isNull()) {
                defaults.computeIfAbsent(key(type), k -> new LinkedHashMap<>()).putIfAbsent(pattern,
                        new PropertyDefault(type, pattern, d.asText(), null, "CloudFormation resource schema of " + type));
            }
            String nested = shape.path("type").asText(null);
            if (nested != null && types.containsKey(nested)) {
                collectSchemaDefaults(type, pattern + ".", types.get(nested), types, depth + 1);
            }
        });
    }

    private static String key(String type) {
        return type.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} is a read-only attribute of the type (Fn::GetAtt's {@code Arn}; {@code Endpoint} of Endpoint.Address). */
    public boolean isAttribute(String type, String name) {
        return type != null && attributes.getOrDefault(key(type), Set.of()).contains(name);
    }

    /** Whether the schema describes this resource type. */
    public boolean knows(String type) {
        return type != null && resourceTypes.containsKey(key(type));
    }

    /** The documented behaviour of an absent property, if the data states one. */
    public Optional<PropertyDefault> defaultOf(String type, String pattern) {
        return type == null ? Optional.empty()
                : Optional.ofNullable(defaults.getOrDefault(key(type), Map.of()).get(pattern));
    }

    /** Every documented default of a type. */
    public List<PropertyDefault> defaults(String type) {
        return type == null ? List.of() : List.copyOf(defaults.getOrDefault(key(type), Map.of()).values());
    }

    /**
     * The first key of a configuration path ({@code A.B[0].C}) that the type's schema does not
     * have, with a JSON pointer to it inside the resource's properties and the nearest known
     * name; empty when every key is known, or when the path enters free-form JSON or a map.
     */
    public Optional<UnknownKey> check(String type, String path) {
        Map<String, JsonNode> props = type == null ? null : resourceTypes.get(key(type));
        if (props == null) {
            return Optional.empty();
        }
        Map<String, Map<String, JsonNode>> types = propertyTypes.getOrDefault(key(type), Map.of());
        StringBuilder pointer = new StringBuilder();
        Map<String, JsonNode> current = props;
        for (Segment segment : segments(path)) {
            String name = segment.name();
            List<String> indexes = segment.indexes();
            pointer.append('/').append(escape(name));
            JsonNode shape = current.get(name);
            if (shape == null && current == props && isAttribute(type, name)) {
                return Optional.empty(); // a read-only attribute, as AWS Config and Cloud Control report it (Arn, CreationTime)
            }
            if (shape == null) {
                return Optional.of(new UnknownKey(pointer.toString(), name, nearest(name, current.keySet())));
            }
            for (String i : indexes) {
                if (!i.chars().allMatch(Character::isDigit)) {
                    return Optional.empty(); // a [Key=...] selector: the same element, checked by its index path
                }
                pointer.append('/').append(i);
                if (!shape.has("list")) {
                    return Optional.empty();
                }
                shape = shape.get("list");
            }
            if (shape.has("map") || shape.has("anyOf") || shape.has("list")) {
                return Optional.empty(); // a map's keys, a choice of shapes, or a list read as a whole: not checked
            }
            String nested = shape.path("type").asText(null);
            if (nested == null) {
                return Optional.empty(); // a primitive, Json included: nothing below it is checked
            }
            current = types.get(nested);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the type's schema gives the property at {@code path} (no list index on its last
     * segment) a list: {@code VPCZoneIdentifier}, {@code VpcConfig.SubnetIds}.
     */
    public boolean expectsList(String type, String path) {
        return end(type, path).filter(e -> !e.indexed() && e.shape().has("list")).isPresent();
    }

    /**
     * Where a setting's path or value does not have the shape the type's schema gives that
     * property (a list where an object is expected, a single value where a list is, an object
     * below a string): a JSON pointer and what was expected, or empty. CloudFormation rejects such
     * a template, and srm would read nothing there, so the reader says so rather than let a
     * control find the property absent. A value srm could not determine is not judged.
     */
    public Optional<String> misshapen(String type, String path, String value, boolean unknownValue) {
        Map<String, JsonNode> props = type == null ? null : resourceTypes.get(key(type));
        if (props == null || unknownValue) {
            return Optional.empty();
        }
        Map<String, Map<String, JsonNode>> types = propertyTypes.getOrDefault(key(type), Map.of());
        StringBuilder pointer = new StringBuilder();
        Map<String, JsonNode> current = props;
        List<Segment> segments = segments(path);
        for (int n = 0; n < segments.size(); n++) {
            boolean last = n == segments.size() - 1;
            String name = segments.get(n).name();
            List<String> indexes = segments.get(n).indexes();
            pointer.append('/').append(escape(name));
            JsonNode shape = current.get(name);
            if (shape == null || shape.has("map") || shape.has("anyOf")) {
                return Optional.empty(); // unknown keys are check()'s; maps and choices are not judged
            }
            for (String i : indexes) {
                if (!i.chars().allMatch(Character::isDigit)) {
                    return Optional.empty();
                }
                if (!shape.has("list")) {
                    return describe(shape).map(expected -> pointer + ": CloudFormation expects " + expected + ", found a list");
                }
                pointer.append('/').append(i);
                shape = shape.get("list");
            }
            if (shape.has("map") || shape.has("anyOf") || "Json".equals(shape.path("primitive").asText(null))) {
                return Optional.empty();
            }
            String found = !last ? "an object" : "{}".equals(value) ? "an object" : "[]".equals(value) ? "a list" : "a single value";
            if (shape.has("list")) {
                return "a list".equals(found) ? Optional.empty()
                        : describe(shape).map(expected -> pointer + ": CloudFormation expects " + expected + ", found " + found);
            }
            String nested = shape.path("type").asText(null);
            if (nested == null) { // a primitive
                return "a single value".equals(found) ? Optional.empty()
                        : describe(shape).map(expected -> pointer + ": CloudFormation expects " + expected + ", found " + found);
            }
            if (last && !"an object".equals(found)) {
                return describe(shape).map(expected -> pointer + ": CloudFormation expects " + expected + ", found " + found);
            }
            current = types.get(nested);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The JSON pointer of the property at {@code path} ({@code /PublicAccessBlockConfiguration/BlockPublicAcls})
     * and the primitive type the type's schema declares there ({@code Boolean}, {@code Integer},
     * {@code Double}, {@code String}...); empty when it declares another shape, or the path enters a
     * map, a choice of shapes or free-form JSON, or a key the schema does not have.
     */
    public Optional<Primitive> primitiveAt(String type, String path) {
        return end(type, path).filter(e -> e.shape().has("primitive"))
                .map(e -> new Primitive(e.pointer(), e.shape().get("primitive").asText()));
    }

    /** A property's JSON pointer and the primitive type the schema gives it. */
    public record Primitive(String pointer, String type) {
        /** Whether CloudFormation reads the property as a number. */
        public boolean numeric() {
            return type.equals("Integer") || type.equals("Long") || type.equals("Double");
        }
    }

    /** The shape at the end of a concrete path, with its JSON pointer and whether its last segment had list indexes. */
    private record End(JsonNode shape, String pointer, boolean indexed) {
    }

    /**
     * Walks {@code path} through the type's schema; empty when a key is not declared, an index
     * meets no list or is not a number, or the path goes through a map, a choice of shapes or a
     * primitive.
     */
    private Optional<End> end(String type, String path) {
        if (type == null) {
            return Optional.empty();
        }
        Map<String, JsonNode> current = resourceTypes.get(key(type));
        Map<String, Map<String, JsonNode>> types = propertyTypes.getOrDefault(key(type), Map.of());
        StringBuilder pointer = new StringBuilder();
        List<Segment> segments = segments(path);
        for (int n = 0; current != null && n < segments.size(); n++) {
            Segment segment = segments.get(n);
            pointer.append('/').append(escape(segment.name()));
            JsonNode shape = current.get(segment.name());
            if (shape == null || shape.has("map") || shape.has("anyOf")) {
                return Optional.empty();
            }
            for (String i : segment.indexes()) {
                if (!i.chars().allMatch(Character::isDigit) || !shape.has("list")) {
                    return Optional.empty();
                }
                pointer.append('/').append(i);
                shape = shape.get("list");
            }
            if (n == segments.size() - 1) {
                return Optional.of(new End(shape, pointer.toString(), !segment.indexes().isEmpty()));
            }
            String nested = shape.path("type").asText(null);
            current = nested == null ? null : types.get(nested);
        }
        return Optional.empty();
    }

    /** A schema shape in words: "a list of MethodSetting", "an object (AccessLogSetting)", "a String". */
    private static Optional<String> describe(JsonNode shape) {
        if (shape.has("list")) {
            JsonNode item = shape.get("list");
            String of = item.path("type").asText(item.path("primitive").asText(null));
            return Optional.of(of == null ? "a list" : "a list of " + of);
        }
        if (shape.has("type")) {
            return Optional.of("an object (" + shape.get("type").asText() + ")");
        }
        String primitive = shape.path("primitive").asText(null);
        return primitive == null ? Optional.empty() : Optional.of("a single " + primitive + " value");
    }

    /** One key of a path and the list indexes written after it: {@code B[0][1]} is B with 0 and 1. */
    private record Segment(String name, List<String> indexes) {
        static Segment of(String text) {
            int bracket = text.indexOf('[');
            return bracket < 0 ? new Segment(text, List.of()) : new Segment(text.substring(0, bracket),
                    List.of(text.substring(bracket + 1, text.length() - 1).split("\\]\\[")));
        }
    }

    /** A path split at the dots between keys. */
    private static List<Segment> segments(String path) {
        List<Segment> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                out.add(Segment.of(path.substring(start, i)));
                start = i + 1;
            }
        }
        out.add(Segment.of(path.substring(start)));
        return out;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The known name closest to a misspelt one (edit distance at most a third of its length), or null. */
    static String nearest(String name, java.util.Collection<String> known) {
        int limit = Math.max(1, name.length() / 3);
        return known.stream()
                .map(k -> Map.entry(k, LevenshteinDistance.getDefaultInstance().apply(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT))))
                .filter(e -> e.getValue() <= limit)
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
    }
}
