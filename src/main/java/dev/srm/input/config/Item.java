package dev.srm.input.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * One configuration item, whichever API or file it came from: snapshots write {@code awsAccountId}
 * and {@code ARN}, the APIs {@code accountId} and {@code arn}; the APIs hold {@code configuration}
 * and each supplementary configuration as JSON text, which is parsed here. {@code line} and
 * {@code pointer} say where the item is in its file.
 */
record Item(String account, String region, String type, String resourceId, String arn, String capture, String status,
            ObjectNode node, int line, String pointer) {
    /** Statuses of items that describe no resource that exists. */
    static final Set<String> GONE = Set.of("ResourceDeleted", "ResourceNotRecorded", "ResourceDeletedNotRecorded");

    /** The item of {@code node}, which starts at {@code line} (0: unknown) and {@code pointer} (null: none) of its file. */
    static Item of(ObjectNode node, ObjectMapper json, int line, String pointer) {
        parseText(node, "configuration", json);
        JsonNode sup = node.get("supplementaryConfiguration");
        if (sup != null && sup.isTextual()) {
            parseText(node, "supplementaryConfiguration", json);
            sup = node.get("supplementaryConfiguration");
        }
        if (sup instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                parseText(o, it.next().getKey(), json);
            }
        }
        return new Item(text(node, "awsAccountId", "accountId"), text(node, "awsRegion", "region"), text(node, "resourceType", null),
                text(node, "resourceId", null), text(node, "ARN", "arn"), text(node, "configurationItemCaptureTime", null),
                text(node, "configurationItemStatus", null), node, line, pointer);
    }

    /**
     * A JSON object or list held as text becomes the object or list. Some is text twice over: the
     * APIs give a bucket's AccessControlList as JSON text of JSON text ("\"{\\\"grantList\\\"...").
     */
    private static void parseText(ObjectNode parent, String field, ObjectMapper json) {
        JsonNode v = parent.get(field);
        for (int depth = 0; depth < 3 && v != null && v.isTextual(); depth++) {
            String t = v.textValue().trim();
            if (!(t.startsWith("{") || t.startsWith("[") || t.startsWith("\"") && t.endsWith("\"") && t.length() > 1)) {
                return;
            }
            try {
                v = json.readTree(t);
            } catch (java.io.IOException e) {
                return; // left as text: a mapping that needs an object finds none
            }
            if (v.isContainerNode()) {
                parent.set(field, v);
                return;
            }
        }
    }

    private static String text(JsonNode node, String a, String b) {
        JsonNode v = node.get(a);
        if ((v == null || v.isNull()) && b != null) {
            v = node.get(b);
        }
        return v == null || v.isNull() ? null : v.asText();
    }

    boolean gone() {
        return status != null && GONE.contains(status);
    }

    /** The srm id: the ARN, else type/resource id, with only the characters resource ids may hold. */
    String srmId() {
        String raw = arn != null && !arn.isBlank() ? arn : (type == null ? "item" : type.replace("::", "-")) + "/" + resourceId;
        String id = raw.replaceAll("[^A-Za-z0-9._:/-]", "_");
        return Character.isLetterOrDigit(id.charAt(0)) ? id : "r" + id;
    }
}
