package dev.srm.input.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Properties of CloudFormation type {@code Json} that a template writes as a JSON string: an
 * EMR security configuration or a policy document given as {@code !Sub '{"Statement": ...}'}.
 * CloudFormation accepts either form and deploys the same document, so srm reads the string as
 * the object it holds; a string that is no JSON object stays as it is (data only: no
 * expressions, no types).
 */
final class JsonProperties {
    /** Names of Json-typed properties whose documents srm's rules read (policies, EMR's security configuration). */
    private static final Set<String> NAMES = Set.of("PolicyDocument", "AssumeRolePolicyDocument", "Policy", "KeyPolicy",
            "ResourcePolicy", "AccessPolicies", "AccessPolicy", "RepositoryPolicyText", "FileSystemPolicy", "PolicyText",
            "InlinePolicy", "SecurityConfiguration", "RedrivePolicy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonProperties() {
    }

    /** The names of the properties read so (for a note), after replacing them in {@code configuration}. */
    static List<String> parseStrings(JsonNode configuration) {
        List<String> parsed = new ArrayList<>();
        walk(configuration, "", parsed);
        return parsed;
    }

    private static void walk(JsonNode node, String path, List<String> parsed) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                String here = path.isEmpty() ? name : path + "." + name;
                JsonNode doc = NAMES.contains(name) ? document(v) : null;
                if (doc != null) {
                    o.set(name, doc);
                    parsed.add(here);
                } else {
                    walk(v, here, parsed);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.get(i), path + "[" + i + "]", parsed);
            }
        }
    }

    /** The object a string holds, or null when it holds none. */
    private static JsonNode document(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return null;
        }
        String text = v.textValue().trim();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return null;
        }
        try {
            JsonNode doc = JSON.readTree(text);
            return doc != null && doc.isObject() ? doc : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
