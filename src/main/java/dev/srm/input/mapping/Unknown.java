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

    /**
     * The value of a setting known only after apply that the configuration does not set (an
     * optional, computed attribute): it may stay unset, so it shows no presence
     * ({@link dev.srm.facts.Setting#mayBeAbsent}).
     */
    public static final String UNSET_MARKER = dev.srm.facts.Setting.unknownPresence(
            "known only after apply, and the configuration does not set it");

    private static final TextNode NODE = TextNode.valueOf(MARKER);
    private static final TextNode UNSET = TextNode.valueOf(UNSET_MARKER);

    private Unknown() {
    }

    public static JsonNode node() {
        return NODE;
    }

    /** The value of an unset attribute known only after apply (see {@link #UNSET_MARKER}). */
    public static JsonNode unsetNode() {
        return UNSET;
    }

    public static boolean is(JsonNode node) {
        return node != null && node.isTextual() && isText(node.textValue());
    }

    /** Whether a setting's value is one of the two markers. */
    public static boolean isText(String value) {
        return MARKER.equals(value) || UNSET_MARKER.equals(value);
    }
}
