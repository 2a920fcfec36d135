package dev.srm.input.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a template (JSON, or YAML with CloudFormation's short forms) into {@link Node}s with
 * the line and column of every value. YAML is read as a stream of events: a tag is only a
 * name, so {@code !Ref X} becomes {@code {Ref: X}} and no tag ever chooses a Java type; a tag
 * that is not one of CloudFormation's short forms or YAML's core types is an error, as are
 * aliases (CloudFormation does not support them) and duplicate keys. Thread-safe.
 */
final class TemplateParser {
    /** CloudFormation's limit for a template stored in S3 (1 MB); srm refuses larger inputs. */
    static final int MAX_BYTES = 1024 * 1024;

    /** The short forms CloudFormation documents, by tag name, with the long form each stands for. */
    static final Map<String, String> SHORT_FORMS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Ref", "Ref");
        m.put("Condition", "Condition");
        for (String f : List.of("GetAtt", "Sub", "If", "Join", "Select", "Equals", "FindInMap", "ImportValue", "Base64", "Split",
                "GetAZs", "And", "Or", "Not", "Cidr", "Transform", "ToJsonString", "Length", "Contains", "EachMemberEquals",
                "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll")) {
            m.put(f, "Fn::" + f);
        }
        SHORT_FORMS = java.util.Collections.unmodifiableMap(m);
    }

    private static final String YAML_CORE = "tag:yaml.org,2002:";
    private static final Set<String> CORE_TAGS = Set.of("str", "int", "float", "bool", "null", "map", "seq");
    private static final Map<String, String> CORE_KINDS = Map.of("str", "a scalar", "int", "an integer", "float",
            "a floating-point number", "bool", "a boolean", "null", "null", "map", "a mapping", "seq", "a sequence");
    /** YAML 1.1's integers (decimal, octal, hexadecimal, binary; underscores between digits) and floats. */
    private static final java.util.regex.Pattern INT = java.util.regex.Pattern.compile(
            "[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|0o[0-7_]+)");
    private static final java.util.regex.Pattern FLOAT = java.util.regex.Pattern.compile(
            "[-+]?(?=\\.?[0-9])([0-9][0-9_]*)?(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    /** YAML 1.1's booleans, as CloudFormation's YAML reads them. */
    private static final Map<String, String> BOOL = Map.of("true", "true", "yes", "true", "y", "true", "on", "true",
            "false", "false", "no", "false", "n", "false", "off", "false");

    private final JsonFactory json;
    private final YAMLFactory yaml;

    TemplateParser() {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(200).build();
        json = JsonFactory.builder().streamReadConstraints(limits).build();
        LoaderOptions loader = new LoaderOptions();
        loader.setAllowDuplicateKeys(true); // reported below, with both places
        // An empty plain value (`Properties:`, `KmsKeyId:`) is YAML's null, as `~` and `null` are and as
        // JSON's null is; a quoted '' or "" stays an empty string.
        yaml = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(limits)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build();
    }

    /** JSON when the first character that is not white space is a brace, YAML otherwise. */
    static Format formatOf(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{' ? Format.JSON : Format.YAML;
            }
        }
        return Format.YAML;
    }

    /** The document's root value; every problem is one line with the place. */
    Node parse(String name, byte[] bytes) throws InputException {
        return parse(name, bytes, true);
    }

    /** As {@link #parse(String, byte[])}; {@code limited} false parses a template over the size limit (to recognise it). */
    Node parse(String name, byte[] bytes, boolean limited) throws InputException {
        if (limited && bytes.length > MAX_BYTES) {
            throw InputFiles.problem(name, "", "the template is " + bytes.length + " bytes, over the " + MAX_BYTES
                    + "-byte limit CloudFormation sets for a template (1 MB); split it into nested stacks");
        }
        InputFiles.checkUtf8(name, bytes);
        if (InputFiles.isBlank(bytes)) {
            throw InputFiles.problem(name, "", "the file is empty; expected a CloudFormation template with Resources");
        }
        Format format = formatOf(bytes);
        try (JsonParser p = format == Format.JSON ? json.createParser(bytes) : yaml.createParser(bytes)) {
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw InputFiles.problem(name, "", "the file is empty; expected a CloudFormation template with Resources");
                }
                Node root = new Builder(name, p, p instanceof YAMLParser).value(first, "");
                JsonToken more = p.nextToken();
                if (more != null) {
                    throw InputFiles.problem(name, InputFiles.where(p.currentTokenLocation(), 0), format == Format.JSON
                            ? "unexpected content after the template's closing brace"
                            : "a second YAML document; a template is one document");
                }
                return root;
            } catch (JsonProcessingException e) { // parser limits (nesting, ...) in srm's words, at the place the parser stopped
                throw InputFiles.parseProblem(name, e, p, format, 0);
            }
        } catch (JsonProcessingException e) {
            throw InputFiles.problem(name, InputFiles.where(e.getLocation(), 0), InputFiles.syntax(e, format));
        } catch (IOException e) {
            throw InputFiles.problem(name, "", "cannot be parsed: " + e.getMessage());
        }
    }

    /** Builds the tree from the token stream of one document. */
    private record Builder(String name, JsonParser p, boolean yaml) {
        Node value(JsonToken t, String pointer) throws IOException, InputException {
            Node.Pos pos = pos(p.currentTokenLocation());
            String tag = yaml ? (String) p.getTypeId() : null; // read here: on a field name Jackson repeats the map's tag
            if (yaml && ((YAMLParser) p).isCurrentAlias()) {
                throw InputFiles.problem(name, pos.toString(), pointerText(pointer) + "YAML alias *" + p.getText()
                        + ": CloudFormation does not support aliases; write the value out");
            }
            Node plain = switch (t) {
                case START_OBJECT -> object(pointer, pos);
                case START_ARRAY -> array(pointer, pos);
                // A short form with nothing after it (`!GetAZs`) takes the empty string, as CloudFormation reads it.
                // !!null keeps its text for core() to check (!!null Enabled is no null)
                case VALUE_NULL -> new Node.Scalar(tag == null ? null : tag.equals(YAML_CORE + "null") ? p.getText()
                        : p.getText().isEmpty() ? "" : null, pos);
                case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(bool(p.getText(), t), pos);
                default -> new Node.Scalar(p.getText(), pos);
            };
            return tag == null ? plain : tagged(tag, plain, pointer, pos);
        }

        private static String bool(String text, JsonToken t) {
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? text.toLowerCase(Locale.ROOT)
                    : t == JsonToken.VALUE_TRUE && text.isEmpty() ? "true" : text;
        }

        private Node object(String pointer, Node.Pos pos) throws IOException, InputException {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Node.Pos> keys = new LinkedHashMap<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                String key = p.currentName();
                Node.Pos keyPos = pos(p.currentTokenLocation());
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                if (entries.containsKey(key)) {
                    throw InputFiles.problem(name, keyPos.toString(), child + ": duplicate key '" + key + "' (first at line "
                            + keys.get(key).line() + "); each key may appear once");
                }
                keys.put(key, keyPos);
                entries.put(key, value(p.nextToken(), child));
            }
            if (entries.size() == 1) {
                String only = entries.keySet().iterator().next();
                if (only.startsWith("Rain::")) { // the long form of !Rain::Embed, as a JSON template writes it
                    throw InputFiles.problem(name, pos.toString(), pointerText(pointer) + only
                            + " is a directive of the rain CLI, " + Template.RAIN_PKG);
                }
            }
            return new Node.Obj(entries, keys, pos);
        }

        private Node array(String pointer, Node.Pos pos) throws IOException, InputException {
            List<Node> items = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                items.add(value(t, pointer + "/" + items.size()));
            }
            return new Node.Seq(items, pos);
        }

        /** A YAML tag: a short form becomes its long form; core types keep the value; anything else is refused. */
        private Node tagged(String tag, Node value, String pointer, Node.Pos pos) throws InputException {
            if (tag.startsWith(YAML_CORE)) {
                String core = tag.substring(YAML_CORE.length());
                if (CORE_TAGS.contains(core)) {
                    return core(core, value, pointer, pos);
                }
                throw InputFiles.problem(name, pos.toString(), pointerText(pointer) + "unsupported YAML tag !!" + core
                        + "; a template may use YAML's core types and CloudFormation's short forms (!Ref, !Sub, ...) only");
            }
            String function = SHORT_FORMS.get(tag);
            if (function == null && tag.startsWith("Rain::")) {
                throw InputFiles.problem(name, pos.toString(), pointerText(pointer) + "!" + tag + " is a directive of the rain CLI, "
                        + Template.RAIN_PKG);
            }
            if (function == null) {
                throw InputFiles.problem(name, pos.toString(), pointerText(pointer) + "unknown tag !" + tag
                        + "; CloudFormation's short forms are !" + String.join(", !", SHORT_FORMS.keySet()));
            }
            Node argument = value;
            if (function.equals("Fn::GetAtt") && value instanceof Node.Scalar s && s.text() != null) {
                int dot = s.text().indexOf('.');
                argument = dot < 0 ? value : new Node.Seq(List.of(new Node.Scalar(s.text().substring(0, dot), s.pos()),
                        new Node.Scalar(s.text().substring(dot + 1), s.pos())), s.pos());
            }
            return new Node.Obj(Map.of(function, argument), Map.of(function, pos), pos);
        }

        /**
         * A value with a core tag, checked against it: {@code !!int Enabled} is no integer (a YAML
         * loader refuses it, as CloudFormation does), so it is refused here rather than read as the
         * text "Enabled"; {@code !!bool yes} is true in YAML 1.1, CloudFormation's YAML.
         */
        private Node core(String core, Node value, String pointer, Node.Pos pos) throws InputException {
            String text = value instanceof Node.Scalar s ? s.text() : null;
            boolean fits = switch (core) {
                case "map" -> value instanceof Node.Obj;
                case "seq" -> value instanceof Node.Seq;
                case "str" -> value instanceof Node.Scalar;
                case "null" -> value instanceof Node.Scalar && (text == null || text.isEmpty() || text.equals("~")
                        || text.equalsIgnoreCase("null"));
                case "int" -> text != null && INT.matcher(text).matches();
                case "float" -> text != null && FLOAT.matcher(text).matches();
                case "bool" -> text != null && BOOL.containsKey(text.toLowerCase(Locale.ROOT));
                default -> true;
            };
            if (!fits) {
                String found = text != null ? "'" + text + "'" : value instanceof Node.Obj ? "a mapping"
                        : value instanceof Node.Seq ? "a sequence" : "an empty value";
                throw InputFiles.problem(name, pos.toString(), pointerText(pointer) + "YAML tag !!" + core + " on " + found
                        + ", which is not " + CORE_KINDS.get(core) + "; write the value without the tag, or one that fits it");
            }
            if (core.equals("bool")) {
                return new Node.Scalar(BOOL.get(text.toLowerCase(Locale.ROOT)), pos);
            }
            return core.equals("null") ? new Node.Scalar(null, pos) : value;
        }

        private static Node.Pos pos(JsonLocation loc) {
            return loc == null || loc.getLineNr() <= 0 ? Node.Pos.NONE : new Node.Pos(loc.getLineNr(), loc.getColumnNr());
        }

        private static String pointerText(String pointer) {
            return pointer.isEmpty() ? "" : pointer + ": ";
        }
    }
}
