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

    /** One setting per scalar leaf; an empty list or object is a leaf whose value is [] or {}. */
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
        } else if (!path.isEmpty()) {
            out.add(new Setting(resource, path, pattern, node.isNull() ? null : node.asText()));
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
        ObjectNode root = NODES.objectNode();
        for (Setting s : settings) {
            put(root, s.path(), s.value());
        }
        return root;
    }

    /**
     * Writes {@code value} (typed as {@link #value} says) at a property path, making the objects
     * and lists on the way (a list grows with nulls up to the index). A value never replaces an
     * object or a list already there. False, and nothing written, when {@code path} is not a
     * property path (see {@link #isPath}).
     */
    public static boolean put(ObjectNode root, String path, String value) {
        List<Object> steps = steps(path);
        if (steps == null) {
            return false;
        }
        JsonNode leaf = value(value);
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            JsonNode child;
            if (step instanceof String name && node instanceof ObjectNode o) {
                child = o.get(name);
                if (last) {
                    if (child == null || !child.isContainerNode()) {
                        o.set(name, leaf);
                    }
                    return true;
                }
                if (child == null || !child.isContainerNode()) {
                    child = steps.get(i + 1) instanceof Integer ? o.putArray(name) : o.putObject(name);
                }
            } else if (step instanceof Integer index && node instanceof ArrayNode a) {
                while (a.size() <= index) {
                    a.addNull();
                }
                child = a.get(index);
                if (last) {
                    if (!child.isContainerNode()) {
                        a.set(index, leaf);
                    }
                    return true;
                }
                if (!child.isContainerNode()) {
                    child = steps.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                    a.set(index, child);
                }
            } else {
                return true; // a name where the tree has a list, or an index where it has an object: the first shape stays
            }
            node = child;
        }
        return true;
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
