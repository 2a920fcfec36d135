package dev.srm.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.srm.facts.Setting;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Turns a configuration tree into one {@link Setting} per scalar leaf, the form the rules match. */
public final class Settings {
    private static final List<String> DISCRIMINATORS = List.of("Key", "Name", "OptionName", "ParameterName", "ParameterKey");

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
}
