package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A value the input cannot know (Terraform's "known after apply"): it becomes a setting whose
 * value is {@link #MARKER}, so that evidence read from it is UNKNOWN, never MET or MISSING.
 */
public final class Unknown {
    /** The value of a setting whose value the input cannot know. */
    public static final String MARKER = "${unknown}";

    private static final TextNode NODE = TextNode.valueOf(MARKER);

    private Unknown() {
    }

    public static JsonNode node() {
        return NODE;
    }

    public static boolean is(JsonNode node) {
        return node != null && node.isTextual() && MARKER.equals(node.textValue());
    }
}
