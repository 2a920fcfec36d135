package dev.srm.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What srm promises for any input, checked on one run of the command line:
 * <ul>
 *   <li>never exit 1 (an internal error) and never Java's words (a stack trace, an exception's name);</li>
 *   <li>every line on stderr is an {@code srm: } error or a {@code warning: }; an error is one line
 *       naming the file and the place in it (line:column or a JSON pointer);</li>
 *   <li>no control character, ANSI escape or bidi override reaches the terminal raw;</li>
 *   <li>the same input gives the same bytes ({@link #sameBytes}).</li>
 * </ul>
 */
final class Contract {
    private static final Pattern RAW_CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f\\x80-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");
    private static final Pattern JSON_CONTROL = Pattern.compile("[\\x00-\\x08\\x0b-\\x1f]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Contract() {
    }

    /** The run kept srm's promises for {@code file}, ending with one of {@code codes}. */
    static void kept(Cli.Outcome o, Path file, Set<Integer> codes) {
        assertThat(o.code()).as("exit code, not 1 (internal error)\n%s", o).isIn(codes);
        assertThat(Cli.INTERNALS.matcher(o.err()).find()).as("Java's words on stderr\n%s", o).isFalse();
        assertThat(Cli.INTERNALS.matcher(o.out()).find()).as("Java's words on stdout\n%s", o).isFalse();
        assertThat(RAW_CONTROL.matcher(o.err()).find()).as("a raw control or bidi character on stderr\n%s", o).isFalse();
        assertThat(JSON_CONTROL.matcher(o.out()).find()).as("a raw control character in the report\n%s", o).isFalse();
        for (String line : o.errLines()) {
            assertThat(line.startsWith("srm: ") || line.startsWith("warning: "))
                    .as("every stderr line is an srm: error or a warning: (one line each)\n%s", o).isTrue();
        }
        List<String> errors = o.errLines().stream().filter(l -> l.startsWith("srm: ")).toList();
        if (o.code() == 3) {
            assertThat(errors).as("an input error says what is wrong\n%s", o).isNotEmpty();
        }
        for (String e : errors) {
            assertThat(e).as("an error names the file\n%s", o).startsWith("srm: " + file);
            assertThat(hasPlace(e.substring(("srm: " + file).length())))
                    .as("an error says where in the file (line:column or a JSON pointer)\n%s", o).isTrue();
        }
    }

    /**
     * After the file's name: {@code :line[:column]: }, {@code : /pointer: }, a YAML document's
     * number, or a problem of the file as a whole (it is empty).
     */
    static boolean hasPlace(String rest) {
        return rest.matches("^:\\d+(:\\d+)?: .*") || rest.matches("^: /\\S*: .*") || rest.matches("^: YAML document \\d+ of \\d+.*")
                || rest.matches("^:\\d+(:\\d+)?: /\\S*: .*") || rest.startsWith(": the file is empty");
    }

    /** The first place where two JSON trees differ, as a pointer and both values (for a readable failure). */
    static String firstDifference(JsonNode a, JsonNode b, String at) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType() || a.isValueNode() && !a.equals(b)) {
            return at + ": " + a + " vs " + b;
        }
        if (a.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = firstDifference(a.get(n), b.get(n), at + "/" + n);
                if (d != null) {
                    return d;
                }
            }
        } else if (a.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                String d = firstDifference(a.get(i), b.get(i), at + "/" + i);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Two reports give the same answers; on failure, says where they differ first. */
    static void sameAnswers(String what, Cli.Outcome a, Path fileA, Cli.Outcome b, Path fileB) {
        JsonNode x = answers(a.out(), fileA);
        JsonNode y = answers(b.out(), fileB);
        assertThat(firstDifference(x, y, "")).as(what).isNull();
    }

    /** Two runs of the same input printed the same bytes and ended the same way. */
    static void sameBytes(Cli.Outcome first, Cli.Outcome second) {
        assertThat(second.code()).as("the same exit code on the same input").isEqualTo(first.code());
        assertThat(second.err()).as("the same stderr on the same input").isEqualTo(first.err());
        assertThat(second.out()).as("the same report on the same input").isEqualTo(first.out());
    }

    /**
     * What a JSON report answers, without how the input was spelled: the input's name, the lines
     * warnings point at (YAML and JSON put a key on different lines) and the order of warnings,
     * resources and findings (they follow the input's order, and a template's resources are
     * the keys of a map) are taken out.
     */
    static JsonNode answers(String report, Path file) {
        try {
            JsonNode tree = JSON.readTree(Cli.anonymous(report, file));
            normalise(tree);
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void normalise(JsonNode node) {
        if (node instanceof ObjectNode o) {
            // where a resource is written (its origin's line and pointer) depends on the spelling and key order: not an answer
            if (o.get("origin") instanceof ObjectNode origin) {
                origin.remove(List.of("line", "pointer"));
            }
            JsonNode warnings = o.get("warnings");
            if (warnings instanceof ArrayNode a) {
                List<String> texts = new ArrayList<>();
                a.forEach(w -> texts.add(w.asText().replaceAll("INPUT:\\d+(:\\d+)?", "INPUT:L")));
                texts.sort(null);
                a.removeAll();
                texts.forEach(t -> a.add(TextNode.valueOf(t)));
            }
            o.fields().forEachRemaining(e -> normalise(e.getValue()));
            for (String listed : List.of("resources", "findings")) { // a template's Resources is a map: its order is the report's
                if (o.get(listed) instanceof ArrayNode a) {
                    List<JsonNode> items = new ArrayList<>();
                    a.forEach(items::add);
                    items.sort(java.util.Comparator.comparing(JsonNode::toString));
                    a.removeAll();
                    a.addAll(items);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(Contract::normalise);
        }
    }
}
