package dev.srm.input.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a {@link Mapping} to one source resource. Stateless and thread-safe; the reader
 * that calls it resolves references between resources through the {@link Resolver}.
 */
public final class Projector {
    /** Turns the value of a reference (a bucket name, a function ARN) into the srm id of the resource it names. */
    @FunctionalInterface
    public interface Resolver {
        /** The srm id of the resource of source type {@code targetType} that {@code value} names, or null when none does. */
        String resolve(String targetType, Scope scope, SourcePath path, JsonNode value);

        /**
         * The srm ids of every resource of {@code targetType} a list-valued attribute names, in order, when the
         * input shows that each element names one ({@code [aws_subnet.a.id, aws_subnet.b.id]}, known only after
         * apply); null when it does not.
         */
        default List<String> resolveAll(String targetType, Scope scope, SourcePath path, JsonNode value) {
            return null;
        }

        /**
         * A list each element of which may name a resource of {@code targetType} ({@code as: elements}: an association's
         * target instance ids): the list with each element that names one replaced by its srm id, the others as they are;
         * null when the reader resolves none this way.
         */
        default ArrayNode resolveElements(String targetType, Scope scope, SourcePath path, ArrayNode list) {
            return null;
        }

        Resolver NONE = (targetType, scope, path, value) -> null;
    }

    /**
     * What a mapping made of a source resource: its configuration, account keys and tags, and the
     * configuration paths whose value or absence the source states ({@code stated}: patterns such
     * as {@code KmsKeyId} or {@code Rules[*].Status}, each covering what lies beneath it).
     */
    public record Projection(ObjectNode configuration, ObjectNode account, Map<String, String> tags, Set<String> stated) {
        public Projection {
            tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
            stated = java.util.Collections.unmodifiableSet(new TreeSet<>(stated));
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper json = new ObjectMapper();

    /** Applies the mapping to a source resource. */
    public Projection project(Mapping mapping, JsonNode source, Resolver resolver) {
        Scope root = Scope.root(source);
        ObjectNode configuration = NODES.objectNode();
        if (mapping.copy() != null) {
            List<SourcePath.Match> base = mapping.copy().select(root);
            if (!base.isEmpty() && base.get(0).node().isObject()) {
                configuration.setAll((ObjectNode) base.get(0).node().deepCopy());
            }
        }
        fill(configuration, mapping.properties(), root, resolver);
        ObjectNode account = NODES.objectNode();
        fill(account, mapping.account(), root, resolver);
        return new Projection(configuration, account, tags(mapping.tags(), root), stated(mapping.properties(), root, ""));
    }

    /**
     * The target paths, under {@code prefix}, whose value or absence the source states: a path
     * several entries build ({@code Key} and {@code Key#more}) only when each of them that applies
     * (its {@code when} holds) states it whole; a list built per element states what every
     * element states. A path no entry applies to is not stated.
     */
    private Set<String> stated(Map<String, Spec> properties, Scope scope, String prefix) {
        // per target path, what each entry that applies states: null for the whole value, else the paths beneath it
        Map<String, List<Set<String>>> byPath = new LinkedHashMap<>();
        for (Map.Entry<String, Spec> p : properties.entrySet()) {
            int hash = p.getKey().indexOf('#');
            String path = prefix + (hash < 0 ? p.getKey() : p.getKey().substring(0, hash));
            if (!p.getValue().when().unknown(scope) && !p.getValue().when().holds(scope)) {
                continue; // gives nothing here: neither states the path nor keeps another entry from stating it
            }
            Set<String> beneath = new TreeSet<>();
            byPath.computeIfAbsent(path, k -> new java.util.ArrayList<>()).add(stated(path, p.getValue(), scope, beneath) ? null : beneath);
        }
        Set<String> out = new TreeSet<>();
        byPath.forEach((path, entries) -> {
            List<Set<String>> partial = entries.stream().filter(java.util.Objects::nonNull).toList();
            if (partial.isEmpty()) {
                out.add(path);
                return;
            }
            out.addAll(common(partial)); // an entry stating the whole value states all of it
        });
        return out;
    }

    /** The paths every one of {@code sets} states (itself or one above it). */
    private static Set<String> common(List<Set<String>> sets) {
        Set<String> out = new TreeSet<>();
        sets.stream().flatMap(Set::stream).filter(candidate -> sets.stream().allMatch(set -> dev.srm.facts.StatedPaths.cover(set, candidate))).forEach(out::add);
        return out;
    }

    /**
     * Whether a spec states the whole value at {@code path} (a copy, a reference or a constant the
     * source decides, or a list with no element); a list with elements adds to {@code beneath}
     * the element paths ({@code path[*].Name}) that every element states.
     */
    private boolean stated(String path, Spec spec, Scope scope, Set<String> beneath) {
        if (spec.when().unknown(scope) || !spec.when().holds(scope)) {
            return false;
        }
        if (spec instanceof Spec.Const) {
            return true;
        }
        if (spec instanceof Spec.Copy c) {
            return c.otherwise() != null || c.as() == Spec.Conversion.PRESENT || c.as() == Spec.Conversion.COUNT || c.from().states(scope)
                    || c.unsetAbsent() && unset(c.from(), scope);
        }
        if (spec instanceof Spec.Ref r) {
            return r.from().states(scope) || r.unsetAbsent() && unset(r.from(), scope);
        }
        Spec.Each e = (Spec.Each) spec;
        // several paths are the places different shapes keep the list (a role's, a user's, a group's inline policies):
        // the one the source holds states it
        if (e.over().stream().noneMatch(over -> over.states(scope))) {
            return false;
        }
        Elements built = elements(e, scope);
        if (built.unknown() != null) {
            return e.unsetAbsent() && isUnset(built.unknown());
        }
        List<SourcePath.Match> elements = built.found();
        if (elements.isEmpty() || e.whole()) {
            return true;
        }
        List<Set<String>> each = new java.util.ArrayList<>();
        for (SourcePath.Match m : elements) {
            Scope element = new Scope(m.node(), m.scope());
            Set<String> here;
            if (e.value() != null) {
                here = new TreeSet<>();
                if (stated(path + "[*]", e.value(), element, here)) {
                    here.add(path + "[*]");
                }
            } else {
                here = stated(e.properties(), element, path + "[*].");
            }
            each.add(here);
        }
        beneath.addAll(common(each));
        return false;
    }

    /** The nodes a list spec builds one element from each (nulls left out), or the unknown value a list is. */
    private record Elements(List<SourcePath.Match> found, JsonNode unknown) {
    }

    private Elements elements(Spec.Each e, Scope scope) {
        List<SourcePath.Match> found = new java.util.ArrayList<>();
        for (SourcePath over : e.over()) {
            for (SourcePath.Match m : over.select(scope)) {
                JsonNode n = convert(m.node(), e.as());
                if (Unknown.is(n)) {
                    return new Elements(List.of(), n);
                }
                if (n != null && n.isArray()) {
                    n.forEach(el -> found.add(new SourcePath.Match(el, m.scope())));
                } else if (n != null) {
                    found.add(new SourcePath.Match(n, m.scope()));
                }
            }
        }
        found.removeIf(m -> m.node().isNull());
        return new Elements(found, null);
    }

    private void fill(ObjectNode target, Map<String, Spec> properties, Scope scope, Resolver resolver) {
        for (Map.Entry<String, Spec> p : properties.entrySet()) {
            JsonNode value = value(p.getValue(), scope, resolver);
            if (value != null) {
                String key = p.getKey();
                int hash = key.indexOf('#'); // a second source for the same target: its list adds to the first's
                put(target, hash < 0 ? key : key.substring(0, hash), value);
            }
        }
    }

    /** The value a spec gives in a scope, or null when it gives none. */
    private JsonNode value(Spec spec, Scope scope, Resolver resolver) {
        if (spec.when().unknown(scope)) {
            return Unknown.node();
        }
        if (!spec.when().holds(scope)) {
            return null;
        }
        if (spec instanceof Spec.Const c) {
            return c.value();
        }
        if (spec instanceof Spec.Copy c) {
            List<SourcePath.Match> found = c.from().select(scope);
            if (c.as() == Spec.Conversion.COUNT) {
                JsonNode n = found.isEmpty() ? null : found.get(0).node();
                return n == null ? IntNode.valueOf(0) : Unknown.is(n) ? n : IntNode.valueOf(n.isArray() ? n.size() : 1);
            }
            if (found.isEmpty()) {
                if (c.as() != Spec.Conversion.PRESENT) {
                    return c.otherwise();
                }
                // "not present" goes through the table as any other value: {"false": null} means not set
                JsonNode mapped = c.map().get("false");
                return mapped == null ? BooleanNode.FALSE : mapped.isNull() ? c.otherwise() : mapped;
            }
            if (c.unsetAbsent() && isUnset(found.get(0).node())) {
                return c.otherwise(); // AWS's choice for a property left out: as CloudFormation's absent property
            }
            JsonNode converted = convert(found.get(0).node(), c.as());
            if (converted == null || isEmpty(converted)) {
                return c.otherwise();
            }
            JsonNode mapped = converted.isValueNode() ? c.map().get(converted.asText()) : null;
            if (mapped != null && mapped.isNull()) {
                return c.otherwise(); // the table says this value means "not set"
            }
            return mapped != null ? mapped : converted;
        }
        if (spec instanceof Spec.Ref r) {
            List<SourcePath.Match> found = r.from().select(scope);
            JsonNode v = found.isEmpty() ? null : found.get(0).node();
            if (r.unsetAbsent() && isUnset(v)) {
                return null;
            }
            if (r.elements()) {
                if (v == null || Unknown.is(v) || isEmpty(v)) {
                    return v == null || isEmpty(v) ? null : v; // a list known only after apply as a whole stays unknown
                }
                ArrayNode list = v.isArray() ? (ArrayNode) v : NODES.arrayNode().add(v);
                ArrayNode resolved = resolver.resolveElements(r.to(), scope, r.from(), list);
                return resolved != null ? resolved : list;
            }
            if (r.asList() && (v == null || v.isArray() || Unknown.is(v))) {
                List<String> ids = resolver.resolveAll(r.to(), scope, r.from(), v);
                if (ids != null && !ids.isEmpty()) {
                    ArrayNode all = NODES.arrayNode();
                    ids.forEach(all::add);
                    return all;
                }
            }
            String id = resolver.resolve(r.to(), scope, r.from(), v);
            JsonNode out = id != null ? TextNode.valueOf(id) : v == null || isEmpty(v) ? null : v; // "" is not set, as for a copy
            return r.asList() && out != null && !out.isArray() && !Unknown.is(out) ? NODES.arrayNode().add(out) : out;
        }
        Spec.Each e = (Spec.Each) spec;
        Elements found = elements(e, scope);
        if (found.unknown() != null) {
            return e.unsetAbsent() && isUnset(found.unknown()) ? null : found.unknown(); // unset: absent, as for a copy
        }
        ArrayNode out = NODES.arrayNode();
        for (SourcePath.Match m : found.found()) {
            Scope element = new Scope(m.node(), m.scope());
            JsonNode built;
            if (e.value() != null) {
                built = value(e.value(), element, resolver);
            } else {
                ObjectNode o = NODES.objectNode();
                fill(o, e.properties(), element, resolver);
                built = o.isEmpty() ? null : o;
            }
            if (built != null) {
                out.add(built);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /** Whether a node is the value of an attribute known only after apply that the configuration does not set. */
    private static boolean isUnset(JsonNode n) {
        return n != null && n.isTextual() && Unknown.UNSET_MARKER.equals(n.textValue());
    }

    /** Whether the first value a path selects is such an unset attribute. */
    private static boolean unset(SourcePath path, Scope scope) {
        List<SourcePath.Match> found = path.select(scope);
        return !found.isEmpty() && isUnset(found.get(0).node());
    }

    /** An empty text, list or object says nothing: Terraform and AWS Config write them for "not set". */
    private static boolean isEmpty(JsonNode n) {
        return n.isTextual() && n.textValue().isEmpty() || n.isContainerNode() && n.isEmpty();
    }

    private JsonNode convert(JsonNode n, Spec.Conversion as) {
        if (Unknown.is(n)) {
            return n;
        }
        switch (as) {
            case JSON:
                if (n.isTextual()) {
                    String text = n.textValue().trim();
                    if (text.isEmpty()) {
                        return null;
                    }
                    if (!text.startsWith("{") && !text.startsWith("[") && text.contains("%")) {
                        // IAM gives policy documents URL-encoded, sometimes with an encoded line break first (%0A%7B)
                        try {
                            String decoded = java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8).trim();
                            if (decoded.startsWith("{")) {
                                text = decoded;
                            }
                        } catch (IllegalArgumentException ex) {
                            return n; // not URL-encoding after all: the text as it is
                        }
                    }
                    try {
                        return json.readTree(text);
                    } catch (JsonProcessingException ex) {
                        return n;
                    }
                }
                return n;
            case BOOL:
                if (n.isTextual() && (n.textValue().equalsIgnoreCase("true") || n.textValue().equalsIgnoreCase("false"))) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(n.textValue().toLowerCase(java.util.Locale.ROOT)));
                }
                return n;
            case NOT:
                if (n.isBoolean() || n.isTextual() && (n.textValue().equalsIgnoreCase("true") || n.textValue().equalsIgnoreCase("false"))) {
                    return BooleanNode.valueOf(!n.asBoolean());
                }
                return n;
            case NUMBER:
                if (n.isTextual()) {
                    try {
                        return NODES.numberNode(new java.math.BigDecimal(n.textValue().trim()));
                    } catch (NumberFormatException ex) {
                        return n;
                    }
                }
                return n;
            case STRING:
                return n.isValueNode() ? TextNode.valueOf(n.asText()) : n;
            case LIST:
                return n.isArray() ? n : NODES.arrayNode().add(n);
            case CSV:
                if (n.isTextual()) {
                    ArrayNode parts = NODES.arrayNode();
                    for (String part : n.textValue().split(",")) {
                        if (!part.isBlank()) {
                            parts.add(part.strip());
                        }
                    }
                    return parts;
                }
                return n.isArray() ? n : NODES.arrayNode().add(n);
            case TAGS:
                return cfnTags(n);
            case PRESENT:
                return BooleanNode.valueOf(!(n.isTextual() && n.textValue().isEmpty()) && !(n.isContainerNode() && n.isEmpty()));
            case HOLDER:
                return holder(n);
            case METHOD_RESOURCE_PATH:
                return methodPath(n, true);
            case METHOD_HTTP_METHOD:
                return methodPath(n, false);
            default:
                return n;
        }
    }

    /**
     * {@link Spec.Conversion#METHOD_RESOURCE_PATH} and {@link Spec.Conversion#METHOD_HTTP_METHOD}: the
     * two parts of {@code <resource path>/<method>}, the resource path in CloudFormation's form
     * ({@code /} for the root, {@code /*} for every resource, inner slashes as {@code ~1}), or nothing.
     */
    private static JsonNode methodPath(JsonNode n, boolean resource) {
        String path = n.isTextual() ? n.textValue().trim() : "";
        int slash = path.lastIndexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            return null;
        }
        if (!resource) {
            return TextNode.valueOf(path.substring(slash + 1));
        }
        String res = path.substring(0, slash);
        while (res.startsWith("/")) {
            res = res.substring(1);
        }
        if (res.equals("*")) {
            return TextNode.valueOf("/*");
        }
        return TextNode.valueOf(res.isEmpty() ? "/" : "/" + res.replace("~", "~0").replace("/", "~1"));
    }

    /** {@link Spec.Conversion#HOLDER}: an ARN less its last two path segments, or nothing. */
    private static JsonNode holder(JsonNode n) {
        String arn = n.isTextual() ? n.textValue() : "";
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return null;
        }
        int resource = arn.length() - parts[5].length();
        int name = arn.lastIndexOf('/');
        int kind = name > resource ? arn.lastIndexOf('/', name - 1) : -1;
        // something must hold it: a path segment before the kind, and a kind and a name that are not empty
        if (kind <= arn.indexOf('/', resource) || name == arn.length() - 1 || kind == name - 1) {
            return null;
        }
        return TextNode.valueOf(arn.substring(0, kind));
    }

    private static JsonNode cfnTags(JsonNode n) {
        ArrayNode out = NODES.arrayNode();
        tagMap(n).forEach((k, v) -> out.add(NODES.objectNode().put("Key", k).put("Value", v)));
        return out;
    }

    /** Tags as a map, from {k: v}, [{key, value}] or [{Key, Value}]. */
    public static Map<String, String> tagMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || Unknown.is(n)) {
            return out;
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
        } else if (n.isArray()) {
            for (JsonNode t : n) {
                JsonNode k = t.has("key") ? t.get("key") : t.get("Key");
                JsonNode v = t.has("value") ? t.get("value") : t.get("Value");
                if (k != null && k.isValueNode()) {
                    out.put(k.asText(), v == null || v.isNull() ? "" : v.asText());
                }
            }
        }
        return out;
    }

    private static Map<String, String> tags(SourcePath path, Scope root) {
        if (path == null) {
            return Map.of();
        }
        List<SourcePath.Match> found = path.select(root);
        return found.isEmpty() ? Map.of() : tagMap(found.get(0).node());
    }

    /** Sets a dotted path in an object, creating the objects on the way; an unknown parent swallows the value. */
    public static void put(ObjectNode target, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode o = target;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = o.get(parts[i]);
            if (next == null || !next.isObject()) {
                if (next != null && Unknown.is(next)) {
                    return;
                }
                next = o.putObject(parts[i]);
            }
            o = (ObjectNode) next;
        }
        JsonNode before = o.get(parts[parts.length - 1]);
        if (before != null && before.isObject() && value.isObject()) {
            merge((ObjectNode) before, (ObjectNode) value);
        } else if (before != null && before.isArray() && value.isArray()) {
            ((ArrayNode) before).addAll((ArrayNode) value);
        } else {
            o.set(parts[parts.length - 1], value);
        }
    }

    /** Adds {@code addition} to {@code target}: objects merge, lists append, a scalar of the addition wins. */
    public static void merge(ObjectNode target, ObjectNode addition) {
        merge(target, addition, true);
    }

    /** Adds {@code addition} to {@code target}: objects merge, lists append (or are replaced), a scalar of the addition wins. */
    public static void merge(ObjectNode target, ObjectNode addition, boolean appendLists) {
        for (Iterator<Map.Entry<String, JsonNode>> it = addition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode before = target.get(e.getKey());
            JsonNode add = e.getValue();
            if (before != null && before.isObject() && add.isObject()) {
                merge((ObjectNode) before, (ObjectNode) add, appendLists);
            } else if (appendLists && before != null && before.isArray() && add.isArray()) {
                ((ArrayNode) before).addAll((ArrayNode) add.deepCopy());
            } else {
                target.set(e.getKey(), add.deepCopy());
            }
        }
    }
}
