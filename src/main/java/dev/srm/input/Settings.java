package dev.srm.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.facts.Setting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a configuration tree into one {@link Setting} per scalar leaf, the form the rules match,
 * and settings back into the tree ({@link #tree}, {@link #put}: scenarios srm writes itself).
 */
public final class Settings {
    private static final List<String> DISCRIMINATORS = List.of("Key", "Name", "OptionName", "ParameterName", "ParameterKey");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** One step of a property path: a name and its list indexes, {@code Rules[0][1]}. */
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    /** The dots between steps (a selector's value may hold dots of its own). */
    private static final Pattern DOT = Pattern.compile("\\.(?![^\\[]*])");

    private Settings() {
    }

    /** [Key=k], [Name=n] or [OptionName=o]; Elastic Beanstalk options also as [Namespace=ns,OptionName=o]. */
    private static List<String> selectors(JsonNode element) {
        if (!element.isObject()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (String d : DISCRIMINATORS) {
            JsonNode v = element.get(d);
            if (v != null && v.isValueNode() && !v.isNull()) {
                out.add("[" + d + "=" + v.asText() + "]");
                JsonNode ns = element.get("Namespace");
                if ("OptionName".equals(d) && ns != null && ns.isValueNode()) {
                    out.add("[Namespace=" + ns.asText() + ",OptionName=" + v.asText() + "]");
                }
                break;
            }
        }
        return out;
    }

    /** One setting per scalar leaf (none for a null); an empty list or object is a leaf whose value is [] or {}. */
    public static void flatten(String resource, String path, String pattern, JsonNode node, List<Setting> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            if (node.isEmpty() && !path.isEmpty()) {
                out.add(new Setting(resource, path, pattern, "{}"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String q = pattern.isEmpty() ? e.getKey() : pattern + "." + e.getKey();
                flatten(resource, p, q, e.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.add(new Setting(resource, path, pattern, "[]"));
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                flatten(resource, path + "[" + i + "]", pattern + "[*]", element, out);
                // key/value lists (LoadBalancerAttributes, ClusterSettings, OptionSettings) are also
                // addressable by their key: LoadBalancerAttributes[Key=deletion_protection.enabled].Value
                for (String selector : selectors(element)) {
                    flatten(resource, path + selector, pattern + selector, element, out);
                }
            }
        } else if (!path.isEmpty() && !node.isNull()) {
            // a null says the property is not set: no setting, so that no requirement takes it for a value
            // (present, notContains and notEquals accepted a null; KmsKeyId: null passed "no AWS managed key")
            out.add(new Setting(resource, path, pattern, node.asText()));
        }
    }

    /** Whether {@code path} is a property path this class writes: {@code Name}, {@code Name.Sub}, {@code Name[0].Sub}. */
    public static boolean isPath(String path) {
        return steps(path) != null;
    }

    /**
     * The configuration the settings were flattened from. Settings addressed by a key selector
     * ({@code [Key=...]}) are the same leaves again under their index path: not a property path,
     * so not written twice.
     */
    public static ObjectNode tree(List<Setting> settings) {
        return tree(settings, s -> { });
    }

    /**
     * {@link #tree}, telling {@code notWritten} of every setting with a property path that
     * {@link #put} could not write (another shape there, or a list index far past the list's end).
     */
    public static ObjectNode tree(List<Setting> settings, Consumer<Setting> notWritten) {
        ObjectNode root = NODES.objectNode();
        for (Setting s : settings) {
            if (!put(root, s.path(), s.value()) && isPath(s.path())) {
                notWritten.accept(s);
            }
        }
        return root;
    }

    /**
     * Writes {@code value} (typed as {@link #value} says) at a property path, making the objects
     * and lists on the way; a list grows with nulls up to the index, by at most {@value #MAX_GAP}
     * (a flattened list never skips an element; a key that only looks like one must not fill the
     * memory). The same path written again takes the last value. False, and nothing written, when
     * {@code path} is not a property path (see {@link #isPath}), when it would skip more elements,
     * or when the tree has another shape there: a value where the path needs an object or a list
     * ({@code VpcConfig=none}, then {@code VpcConfig.SubnetIds[0]=...}), an object or a list where
     * the value would go, a list where the path names a property or the reverse.
     */
    public static boolean put(ObjectNode root, String path, String value) {
        List<Object> steps = steps(path);
        if (steps == null || !fits(root, steps)) {
            return false;
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            JsonNode fresh = last ? value(value) : steps.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
            if (steps.get(i) instanceof String name) {
                ObjectNode o = (ObjectNode) node;
                if (last || absent(o.get(name))) {
                    o.set(name, fresh);
                }
                node = o.get(name);
            } else {
                ArrayNode a = (ArrayNode) node;
                int index = (Integer) steps.get(i);
                while (a.size() <= index) {
                    a.addNull();
                }
                if (last || absent(a.get(index))) {
                    a.set(index, fresh);
                }
                node = a.get(index);
            }
        }
        return true;
    }

    /** Settings given by hand as {@code KEY=VALUE}, in order, and what is wrong with them (null: nothing). */
    public record Given(Map<String, String> settings, String problem) {
    }

    /**
     * The settings of a repeatable {@code KEY=VALUE} flag ({@code --config} of srm matrix, compare
     * and triage), keys and values trimmed, with the problem the caller words with its flag: an
     * entry that is not KEY=VALUE ({@code example} shows one), a key given twice with two values,
     * or what {@link #problem(Map)} finds. The same value twice is harmless.
     */
    public static Given given(List<String> keyValues, String example) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String kv : keyValues) {
            int eq = kv == null ? -1 : kv.indexOf('=');
            if (eq <= 0 || kv.substring(0, eq).isBlank()) {
                return new Given(out, "'" + kv + "' is not KEY=VALUE (for example " + example + ")");
            }
            String key = kv.substring(0, eq).trim();
            String value = kv.substring(eq + 1).trim();
            String before = out.put(key, value);
            if (before != null && !before.equals(value)) {
                return new Given(out, "'" + key + "' is given twice ('" + before + "' and '" + value + "'); give it once");
            }
        }
        return new Given(out, problem(out));
    }

    /** A configuration with these settings written in order ({@link #put}), settings {@link #problem(Map)} found nothing wrong with. */
    public static ObjectNode configuration(Map<String, String> settings) {
        ObjectNode configuration = NODES.objectNode();
        settings.forEach((k, v) -> put(configuration, k, v));
        return configuration;
    }

    /**
     * What is wrong with settings given by hand ({@code --config KEY=VALUE} of srm matrix, compare
     * and triage) as one configuration, or null: a key that names a list index above
     * {@value #MAX_GAP}, is not a property path, or clashes with an earlier key
     * ({@code VpcConfig=none} and {@code VpcConfig.SubnetIds[0]=...}). The message starts with the
     * key, quoted; no setting is dropped or moved without a word.
     */
    public static String problem(Map<String, String> settings) {
        ObjectNode tree = NODES.objectNode();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String key = e.getKey();
            Matcher index = INDEX.matcher(key);
            while (index.find()) {
                String digits = index.group(1).replaceFirst("^0+(?=\\d)", "");
                if (digits.length() > 4 || Integer.parseInt(digits) > MAX_GAP) {
                    return "'" + key + "': a list index above " + MAX_GAP;
                }
            }
            if (!isPath(key)) {
                return "'" + key + "' is not a property path (Name, Name.Sub, Name[0].Sub)";
            }
            if (!put(tree, key, e.getValue())) {
                return "'" + key + "' clashes with another setting: a value and the parts of the same property, or a list and an object";
            }
        }
        return null;
    }

    /** The most elements {@link #put} adds to a list before the one it writes. */
    static final int MAX_GAP = 1000;

    /** Whether the path can be written into the tree as it is (see {@link #put}). */
    private static boolean fits(ObjectNode root, List<Object> steps) {
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            boolean last = i == steps.size() - 1;
            JsonNode child;
            if (steps.get(i) instanceof String name && node instanceof ObjectNode o) {
                child = o.get(name);
            } else if (steps.get(i) instanceof Integer index && node instanceof ArrayNode a) {
                if (index > a.size() + MAX_GAP) {
                    return false;
                }
                child = index < a.size() ? a.get(index) : null;
            } else {
                return false;
            }
            if (absent(child)) {
                // from here on the path is new: its lists are empty
                return steps.subList(i + 1, steps.size()).stream().noneMatch(step -> step instanceof Integer n && n > MAX_GAP);
            }
            if (last ? child.isContainerNode() : !child.isContainerNode()) {
                return false;
            }
            node = child;
        }
        return true;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    /** The names and indexes of a property path, or null when it is not one. */
    private static List<Object> steps(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        for (String part : DOT.split(path, -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return null;
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                if (idx.group(1).length() > 9) {
                    return null; // no list of a billion elements: not an index of this world
                }
                steps.add(Integer.valueOf(idx.group(1)));
            }
        }
        return steps;
    }

    /**
     * A value as it was written: booleans and numbers back to their JSON type when their text is
     * theirs exactly, {@code {}} and {@code []} empty containers, anything else text.
     */
    public static JsonNode value(String value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value.equals("{}")) {
            return NODES.objectNode();
        }
        if (value.equals("[]")) {
            return NODES.arrayNode();
        }
        if (value.equals("true") || value.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (value.matches("-?(0|[1-9]\\d{0,17})(\\.\\d+)?")) {
            BigDecimal n = new BigDecimal(value);
            // a number only when reading it back gives the same text: "7.10" (an engine version) would come back as 7.1
            if (n.toString().equals(value) && (value.indexOf('.') < 0 || Double.toString(Double.parseDouble(value)).equals(value))) {
                return NODES.numberNode(n);
            }
        }
        return NODES.textNode(value);
    }
}
