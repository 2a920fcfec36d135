package dev.srm.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body that is one JSON object of known fields ({@code /v1/matrix}, {@code /v1/compare}),
 * read by hand rather than bound to a Java type: every value that is not what the route takes
 * (a body or an element that is {@code null}, a number for a name, an unknown field) is a 400
 * whose detail names its JSON pointer and what was expected, as the command line names a place
 * in a file, and never a Java type or a NullPointerException.
 */
final class JsonBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /** The body as an object with at most {@code fields}. */
    static JsonBody parse(byte[] body, List<String> fields) {
        JsonNode root;
        try (JsonParser parser = JSON.createParser(body)) {
            root = JSON.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw malformed(at.getLineNr() + ":" + at.getColumnNr() + ": more after the end of the object; send one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw malformed(why(e));
        } catch (IOException e) { // bytes in memory: only the parser's own errors above can happen
            throw malformed("it cannot be read");
        }
        String expected = "an object with the fields " + String.join(", ", fields) + " expected";
        if (root == null || root.isMissingNode()) {
            throw bad("/: the body is empty; " + expected);
        }
        if (!root.isObject()) {
            throw bad("/: " + kind(root) + " found, " + expected);
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw bad("the body has an unknown field '" + name + "'; expected " + String.join(", ", fields));
            }
        });
        return new JsonBody(root);
    }

    /** A text field, or null when it is absent or null; {@code what} says what it names. */
    String string(String field, String what) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw bad("/" + field + ": " + kind(v) + " found, a string expected (" + what + ")");
        }
        return v.asText();
    }

    /** A list of texts: empty when absent or null, one element when a single string is given; every element a string. */
    List<String> strings(String field, String what) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw bad("/" + field + ": " + kind(v) + " found, an array of strings expected (" + what + ")");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw bad("/" + field + "/" + i + ": " + kind(e) + " found, a string expected (" + what + ")");
            }
            out.add(e.asText());
        }
        return List.copyOf(out);
    }

    /** A JSON value's kind, in the words of the command line's messages ({@code integer found, array expected}). */
    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "boolean";
            case NUMBER -> v.isIntegralNumber() ? "integer" : "number";
            case STRING -> "string";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> "a value";
        };
    }

    /** Jackson's reason without its own places and source: line:column, then what the parser expected. */
    private static String why(JsonProcessingException e) {
        String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("").trim();
        msg = msg.replaceAll("\\s*\\(start marker at.*$", "").replaceAll("\\s*\\[Source:.*$", "").trim();
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? msg : at.getLineNr() + ":" + at.getColumnNr() + ": " + msg;
    }

    private static HttpError malformed(String why) {
        return HttpError.of(400, "malformed-body", "The body is not well-formed JSON", "the body is not well-formed JSON: " + why);
    }

    private static HttpError bad(String detail) {
        return HttpError.of(400, "bad-request", "Bad request", detail);
    }
}
