package dev.srm.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.model.InputProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A YAML or JSON document read for the policy step (duplicate keys are errors), with the line:column of its pointers. */
record Documents(String name, byte[] bytes, JsonFactory factory, JsonNode root) {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Reads a file: JSON when it starts with '{' or '[', else YAML. */
    static Documents read(Path file, String expected) throws PolicyException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PolicyException(new InputProblem(name, "", "no such file; expected " + expected));
        } catch (IOException e) {
            throw new PolicyException(new InputProblem(name, "", "cannot be read (" + e.getMessage() + "); expected " + expected));
        }
        return read(name, bytes, expected);
    }

    /** Reads content held in memory, named {@code name} in messages: JSON when it starts with '{' or '[', else YAML. */
    static Documents read(String name, byte[] bytes, String expected) throws PolicyException {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        JsonFactory factory = text.startsWith("{") || text.startsWith("[") ? JSON : YAML;
        JsonNode root;
        try {
            // one document: a second after it (a stray bracket, a second YAML document) is refused, not dropped
            root = new ObjectMapper(factory).enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null || loc.getLineNr() <= 0 ? "" : loc.getLineNr() + ":" + loc.getColumnNr();
            String msg = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage().lines().findFirst().orElse("").trim();
            msg = msg.replaceAll("\\s*\\(start marker at.*$", "").replaceAll("\\s*\\[Source:.*$", "").trim();
            if (msg.startsWith("Trailing token")) {
                throw new PolicyException(new InputProblem(name, where, (factory == JSON ? "a second JSON value after the end of the"
                        + " first" : "a second YAML document (after ---)") + "; expected one document, " + expected));
            }
            throw new PolicyException(new InputProblem(name, where, "not valid " + (factory == JSON ? "JSON" : "YAML") + " (" + msg
                    + "); expected " + expected));
        } catch (IOException e) {
            throw new PolicyException(new InputProblem(name, "", "cannot be parsed (" + e.getMessage() + "); expected " + expected));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new PolicyException(new InputProblem(name, "", "the file is empty; expected " + expected));
        }
        Documents read = new Documents(name, bytes, factory, root);
        String binary = binary(root, "");
        if (binary != null) { // a YAML !!binary value: bytes where every field is text
            throw new PolicyException(new InputProblem(name, read.where(binary), binary
                    + ": a YAML !!binary value; expected text (write the value without the tag)"));
        }
        if (factory == YAML) {
            read.refuseTags(expected);
        }
        return read;
    }

    /**
     * Refuses the first YAML tag ({@code resource: !Ref orders-db}), at its place: Jackson reads the
     * text after any tag, so a tag would be dropped without a word; a policy file is data.
     */
    private void refuseTags(String expected) throws PolicyException {
        String core = "tag:yaml.org,2002:";
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || t == JsonToken.FIELD_NAME) {
                    continue; // on a key Jackson repeats its mapping's tag
                }
                Object tag = p.getTypeId();
                if (tag != null) {
                    // a struct's context is its own, one below its place
                    com.fasterxml.jackson.core.JsonStreamContext at = t.isStructStart() ? p.getParsingContext().getParent()
                            : p.getParsingContext();
                    String pointer = at == null ? "" : at.pathAsPointer().toString();
                    String text = tag.toString();
                    JsonLocation loc = p.currentTokenLocation();
                    throw new PolicyException(new InputProblem(name, loc.getLineNr() + ":" + loc.getColumnNr(), (pointer.isEmpty() ? "/"
                            : pointer) + ": a YAML tag (" + (text.startsWith(core) ? "!!" + text.substring(core.length()) : "!" + text)
                            + ") is not allowed in " + expected + "; write the value itself"));
                }
            }
        } catch (IOException e) {
            // parsed once already
        }
    }

    /** The pointer of the first binary value in the tree, or null. */
    private static String binary(JsonNode n, String pointer) {
        if (n.isBinary()) {
            return pointer;
        }
        if (n.isObject()) {
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String found = binary(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                if (found != null) {
                    return found;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String found = binary(n.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** line:column of the pointer (or of its nearest located ancestor), or "". */
    String where(String pointer) {
        Map<String, int[]> all = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                String at = p.getParsingContext().pathAsPointer().toString();
                if (!all.containsKey(at) && pointer.startsWith(at)) {
                    JsonLocation loc = p.currentTokenLocation();
                    all.put(at, new int[] {loc.getLineNr(), loc.getColumnNr()});
                }
            }
        } catch (IOException | RuntimeException e) {
            // parsed once already: a failure here only costs the place
        }
        String p = pointer;
        while (true) {
            int[] loc = all.get(p);
            if (loc != null) {
                return loc[0] + ":" + loc[1];
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return "";
            }
            p = p.substring(0, slash);
        }
    }

    /** A problem at a pointer: {@code file:line:column: /pointer: message}. */
    InputProblem problem(String pointer, String message) {
        return new InputProblem(name, where(pointer), (pointer.isEmpty() ? "/" : pointer) + ": " + message);
    }
}
