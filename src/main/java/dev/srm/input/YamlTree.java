package dev.srm.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YAML read as YAML defines it into Jackson trees: anchors ({@code &a}), aliases ({@code *a})
 * and merge keys ({@code <<: *a}, {@code <<: [*a, *b]}) are expanded, every document of a
 * stream is kept, and the expansion is bounded so that an alias bomb is refused with one line
 * instead of filling the memory. Jackson's own tree reading turns an alias into the string
 * of its name; this never does. Not thread-safe: one instance per parse.
 */
public final class YamlTree {
    /** The most values aliases may add to one document (an alias bomb needs billions). */
    public static final int MAX_ALIAS_VALUES = 1_000_000;

    /** The deepest nesting srm reads in a scenario, template or inventory (real ones stay under 30 levels). */
    public static final int MAX_DEPTH = 200;

    /** One document of a YAML stream and the line (1-based) its content starts on. */
    public record Document(JsonNode root, int line) {
    }

    private final String name;
    private final String what;
    private final JsonParser p;
    private final ObjectMapper scalars;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private long aliasValues;
    private int depth;

    private record Anchored(JsonNode node, long size) {
    }

    private YamlTree(String name, String what, JsonParser p, ObjectMapper scalars) {
        this.name = name;
        this.what = what;
        this.p = p;
        this.scalars = scalars;
    }

    /**
     * Every document of the parser's stream, in order. {@code scalars} turns one scalar token
     * into a node (so numbers and booleans read as the rest of srm reads them). Syntax errors
     * come out as Jackson's exceptions (the caller words them); alias problems and YAML tags as
     * one-line {@link InputException}s naming the place.
     */
    public static List<Document> read(String name, JsonParser parser, ObjectMapper scalars, int lineOffset)
            throws IOException, InputException {
        return read(name, "a scenario", parser, scalars, lineOffset);
    }

    /** As {@link #read(String, JsonParser, ObjectMapper, int)} for an input that is {@code what} ("a parameter file"). */
    private static List<Document> read(String name, String what, JsonParser parser, ObjectMapper scalars, int lineOffset)
            throws IOException, InputException {
        List<Document> out = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != null) {
            YamlTree tree = new YamlTree(name, what, parser, scalars); // anchors are per document
            int line = parser.currentTokenLocation().getLineNr();
            out.add(new Document(tree.value(t, "", lineOffset).node, line));
        }
        return out;
    }

    /**
     * The one document of a YAML or JSON input read by {@code mapper}, YAML aliases and merge
     * keys expanded; an input of several YAML documents is refused with one line.
     */
    public static JsonNode single(String name, ObjectMapper mapper, byte[] bytes, dev.srm.input.Format format) throws InputException {
        try (JsonParser p = mapper.getFactory().createParser(bytes)) {
            try {
                if (!(p instanceof YAMLParser)) {
                    JsonNode root = mapper.readTree(p);
                    if (p.nextToken() != null) { // what Jackson's FAIL_ON_TRAILING_TOKENS would refuse, at its place
                        throw InputFiles.problem(name, InputFiles.where(p.currentTokenLocation(), 0), InputFiles.SECOND_VALUE);
                    }
                    return root;
                }
                List<Document> docs = read(name, "a parameter file", p, mapper, 0);
                if (docs.size() > 1) {
                    throw InputFiles.problem(name, docs.get(1).line() + ":1", docs.size()
                            + " YAML documents (separated by ---); this input is one document");
                }
                return docs.isEmpty() ? null : docs.get(0).root();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw InputFiles.parseProblem(name, e, p, format, 0);
            }
        } catch (IOException e) {
            throw InputFiles.problem(name, "", "cannot be parsed: " + e.getMessage());
        }
    }

    private boolean isAlias() {
        return p instanceof YAMLParser y && y.isCurrentAlias();
    }

    /**
     * The YAML event behind the current token. Jackson reports the anchor of a mapping or a
     * sequence but drops a scalar's ({@code &on true}); the event keeps both.
     */
    private static final java.lang.reflect.Field LAST_EVENT = lastEventField();

    private static java.lang.reflect.Field lastEventField() {
        try {
            java.lang.reflect.Field f = YAMLParser.class.getDeclaredField("_lastEvent");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // then scalar anchors are not seen, and an alias to one is refused with its line: never misread
        }
    }

    private Object event() {
        try {
            return LAST_EVENT == null ? null : LAST_EVENT.get(p);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private String anchor() throws IOException {
        if (event() instanceof NodeEvent n && !(n instanceof AliasEvent)) {
            return n.getAnchor();
        }
        Object id = p.getObjectId();
        return id == null ? null : id.toString();
    }

    /** A key written {@code <<} without quotes: a quoted one is an ordinary key, as YAML says. */
    private boolean isMergeKey(String key) {
        return "<<".equals(key) && !(event() instanceof ScalarEvent s && s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN);
    }

    private Anchored value(JsonToken t, String pointer, int lineOffset) throws IOException, InputException {
        JsonLocation start = p.currentTokenLocation();
        if (isAlias()) {
            String alias = p.getText();
            Anchored a = anchors.get(alias);
            if (a == null) {
                String why = open.contains(alias) ? "is used inside the value it names (a YAML alias cannot contain itself)"
                        : "names no anchor &" + alias + " defined before it in this document";
                throw InputFiles.problem(name, InputFiles.where(start, lineOffset), at(pointer) + "YAML alias *" + alias + " " + why);
            }
            aliasValues += a.size;
            if (aliasValues > MAX_ALIAS_VALUES) {
                throw InputFiles.problem(name, InputFiles.where(start, lineOffset), at(pointer) + "YAML aliases expand to more than "
                        + MAX_ALIAS_VALUES + " values, srm's limit (an alias bomb?); write the values out or use fewer aliases");
            }
            return a;
        }
        String anchor = anchor();
        if (anchor != null) {
            open.add(anchor);
        }
        if (t.isStructStart() && ++depth > MAX_DEPTH) {
            throw InputFiles.problem(name, InputFiles.where(start, lineOffset), "nested more than " + MAX_DEPTH
                    + " levels deep, srm's limit; flatten the structure");
        }
        if (t == JsonToken.VALUE_EMBEDDED_OBJECT) { // !!binary: bytes, where every value srm reads is text, a number or a boolean
            throw InputFiles.problem(name, InputFiles.where(start, lineOffset), at(pointer)
                    + "a YAML !!binary value; expected text, a number or a boolean (write the value without the tag)");
        }
        String tag = p instanceof YAMLParser y ? y.getTypeId() : null;
        if (tag != null) { // Jackson reads the text after any tag (!Ref Enabled is "Enabled"): refused, never misread
            throw tagged(tag, !t.isStructStart(), start, pointer, lineOffset);
        }
        Anchored built = switch (t) {
            case START_OBJECT -> object(pointer, lineOffset);
            case START_ARRAY -> array(pointer, lineOffset);
            default -> new Anchored(scalars.readTree(p), 1);
        };
        if (t.isStructStart()) {
            depth--;
        }
        if (anchor != null) {
            open.remove(anchor);
            anchors.put(anchor, built); // a later anchor of the same name replaces it, as YAML says
        }
        return built;
    }

    private Anchored object(String pointer, int lineOffset) throws IOException, InputException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        long size = 1;
        List<ObjectNode> merged = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            boolean merge = isMergeKey(key);
            JsonLocation keyAt = p.currentTokenLocation();
            String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            if (event() instanceof ScalarEvent k && k.getTag() != null) { // a key's tag, which Jackson does not report
                throw tagged(k.getTag(), true, keyAt, child, lineOffset);
            }
            JsonToken vt = p.nextToken();
            Anchored v = value(vt, child, lineOffset);
            if (merge) {
                merges(v.node, merged, child, keyAt, lineOffset);
            } else {
                node.set(key, v.node);
            }
            size += v.size;
        }
        if (t != JsonToken.END_OBJECT) {
            throw InputFiles.problem(name, InputFiles.where(p.currentTokenLocation(), lineOffset), at(pointer) + "unexpected " + t);
        }
        for (ObjectNode m : merged) { // explicit keys win, then the merged maps in the order given
            Iterator<Map.Entry<String, JsonNode>> it = m.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!node.has(e.getKey())) {
                    node.set(e.getKey(), e.getValue());
                }
            }
        }
        return new Anchored(node, size);
    }

    private void merges(JsonNode value, List<ObjectNode> into, String pointer, JsonLocation at, int lineOffset) throws InputException {
        if (value instanceof ObjectNode o) {
            into.add(o);
            return;
        }
        if (value.isArray()) {
            boolean all = true;
            for (JsonNode e : value) {
                all &= e.isObject();
            }
            if (all) {
                value.forEach(e -> into.add((ObjectNode) e));
                return;
            }
        }
        throw InputFiles.problem(name, InputFiles.where(at, lineOffset), at(pointer) + "a YAML merge key (<<) takes a mapping "
                + "or a list of mappings (usually an alias such as *defaults), not " + Kinds.of(value));
    }

    private Anchored array(String pointer, int lineOffset) throws IOException, InputException {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        long size = 1;
        JsonToken t;
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            Anchored v = value(t, pointer + "/" + i++, lineOffset);
            node.add(v.node);
            size += v.size;
        }
        return new Anchored(node, size);
    }

    /** The one line for a YAML tag: srm's inputs are data, so a tag neither picks a type nor calls a function. */
    private InputException tagged(String tag, boolean scalar, JsonLocation start, String pointer, int lineOffset) {
        String core = "tag:yaml.org,2002:";
        String shown = tag.startsWith(core) ? "!!" + tag.substring(core.length()) : tag.startsWith("!") ? tag : "!" + tag;
        return InputFiles.problem(name, InputFiles.where(start, lineOffset), at(pointer) + "a YAML tag (" + shown + ") is not allowed in "
                + what + "; write the value itself" + (!tag.startsWith(core) ? " (CloudFormation's intrinsic functions, such as !Ref,"
                + " belong in templates)" : scalar ? " (quote it to make it text)" : ""));
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "" : pointer + ": ";
    }

    /** The kind of a value in the words of srm's messages. */
    static final class Kinds {
        private Kinds() {
        }

        static String of(JsonNode n) {
            if (n.isTextual()) {
                return "a string";
            }
            if (n.isNumber()) {
                return "a number";
            }
            if (n.isBoolean()) {
                return "a boolean";
            }
            if (n.isNull()) {
                return "null";
            }
            return n.isArray() ? "a list of other values" : "a value of another kind";
        }
    }
}
