package dev.srm.input.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;

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

    /**
     * The item of {@code node}, which starts at {@code line} (0: unknown) and {@code pointer} (null: none) of file {@code name}.
     * A configuration or supplementary configuration that is neither an object nor JSON text of one (a number, a list, text
     * cut short) is one problem at the item: read as no configuration, every control would be UNKNOWN without a word.
     */
    static Item of(String name, ObjectNode node, ObjectMapper json, int line, String pointer) throws InputException {
        String at = (pointer == null ? "" : pointer) + "/";
        String where = line > 0 ? Integer.toString(line) : "";
        expectObject(name, where, at + "configuration", parseText(node, "configuration", json), node.get("configuration"),
                " (the item's configuration)");
        String bad = parseText(node, "supplementaryConfiguration", json);
        JsonNode sup = node.get("supplementaryConfiguration");
        expectObject(name, where, at + "supplementaryConfiguration", bad, sup, " (the item's supplementary configuration)");
        if (sup instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                String field = it.next().getKey();
                String broken = parseText(o, field, json);
                if (broken != null) { // each supplementary configuration may be plain text ("false"), but not broken JSON text
                    throw InputFiles.problem(name, where, at + "supplementaryConfiguration/" + field.replace("~", "~0").replace("/", "~1")
                            + ": expected an object or JSON text of one, found " + broken);
                }
            }
        }
        return new Item(text(node, "awsAccountId", "accountId"), text(node, "awsRegion", "region"), text(node, "resourceType", null),
                text(node, "resourceId", null), text(node, "ARN", "arn"), text(node, "configurationItemCaptureTime", null),
                text(node, "configurationItemStatus", null), node, line, pointer);
    }

    /** Refuses a configuration that is there (not null) and no object, or JSON text that did not parse ({@code bad}). */
    private static void expectObject(String name, String where, String pointer, String bad, JsonNode v, String what)
            throws InputException {
        if (bad == null && (v == null || v.isNull() || v.isObject())) {
            return;
        }
        String found = bad != null ? bad : v.isTextual() ? "text that is not JSON" : InputFiles.kind(v);
        throw InputFiles.problem(name, where, pointer + ": expected an object or JSON text of one" + what + ", found " + found);
    }

    /**
     * A JSON object or list held as text becomes the object or list. Some is text twice over: the
     * APIs give a bucket's AccessControlList as JSON text of JSON text ("\"{\\\"grantList\\\"...").
     * Returns null, or what was found when the text looks like JSON (starts with { or [) but is not.
     */
    private static String parseText(ObjectNode parent, String field, ObjectMapper json) {
        JsonNode v = parent.get(field);
        for (int depth = 0; depth < 3 && v != null && v.isTextual(); depth++) {
            String t = v.textValue().trim();
            boolean container = t.startsWith("{") || t.startsWith("[");
            if (!(container || t.startsWith("\"") && t.endsWith("\"") && t.length() > 1)) {
                return null;
            }
            try {
                v = json.readTree(t);
            } catch (JsonProcessingException e) {
                // quoted text that is no JSON string is plain text; an object or list that does not parse is broken
                return container ? "JSON text that is not valid (" + InputFiles.syntax(e, Format.JSON) + ")" : null;
            }
            if (v.isContainerNode()) {
                parent.set(field, v);
                return null;
            }
        }
        return null;
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
