package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a source resource: names separated by dots, {@code [n]} indexes, {@code [*]}
 * for every element and {@code [key=value]} for the elements whose {@code key} has that
 * value (a value may hold dots: {@code parameter[name=rds.force_ssl].value}); {@code .} alone
 * is the current node, and each leading {@code ^} climbs from a list element to the object that
 * holds its list. A name applied to a list applies to
 * every element, so Terraform's one-element blocks read as objects ({@code versioning.enabled}).
 */
public record SourcePath(String text, int up, List<Object> segments) {
    private static final Object ALL = new Object() {
        @Override
        public String toString() {
            return "[*]";
        }
    };

    public SourcePath {
        segments = List.copyOf(segments);
    }

    /** Parses a path; throws IllegalArgumentException with the reason when it is malformed. */
    public static SourcePath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty source path");
        }
        int up = 0;
        while (up < text.length() && text.charAt(up) == '^') {
            up++;
        }
        String rest = text.substring(up);
        List<Object> segments = new ArrayList<>();
        if (!rest.equals(".") && !rest.isEmpty()) {
            for (String part : rest.split("\\.(?![^\\[]*])", -1)) { // a [key=value]'s value may hold dots (rds.force_ssl)
                int bracket = part.indexOf('[');
                String name = bracket < 0 ? part : part.substring(0, bracket);
                if (!name.isEmpty()) {
                    segments.add(name);
                } else if (bracket != 0) {
                    throw new IllegalArgumentException("an empty name in source path '" + text + "'");
                }
                while (bracket >= 0) {
                    int close = part.indexOf(']', bracket);
                    if (close < 0) {
                        throw new IllegalArgumentException("an unclosed [ in source path '" + text + "'");
                    }
                    String inside = part.substring(bracket + 1, close);
                    if (inside.equals("*")) {
                        segments.add(ALL);
                    } else if (inside.matches("\\d+")) {
                        segments.add(Integer.valueOf(inside));
                    } else if (inside.matches("[A-Za-z0-9_]+=[^\\]]*")) {
                        int eq = inside.indexOf('=');
                        segments.add(new Filter(inside.substring(0, eq), inside.substring(eq + 1)));
                    } else {
                        throw new IllegalArgumentException("'[" + inside + "]' in source path '" + text
                                + "': expected a number, * or key=value");
                    }
                    bracket = part.indexOf('[', close);
                    if (bracket < 0 && close != part.length() - 1) {
                        throw new IllegalArgumentException("text after ] in source path '" + text + "'");
                    }
                }
            }
        }
        return new SourcePath(text, up, segments);
    }

    /** Elements of a list whose {@code key} has the text {@code value}. */
    private record Filter(String key, String value) {
        @Override
        public String toString() {
            return "[" + key + "=" + value + "]";
        }
    }

    /** Where a value was found: the node, and the scope of the object that holds it. */
    public record Match(JsonNode node, Scope scope) {
    }

    /** The nodes this path selects from a scope; an unknown value on the way is selected as the unknown marker. */
    public List<Match> select(Scope from) {
        Scope start = from;
        for (int i = 0; i < up && start.parent() != null; i++) {
            start = start.parent();
        }
        List<Match> current = List.of(new Match(start.node(), start.parent()));
        for (Object segment : segments) {
            List<Match> next = new ArrayList<>();
            for (Match m : current) {
                step(m, segment, next);
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    /**
     * Whether the source states what this path holds, a value or its absence: every object on the
     * way has the next name as a key (a null there states that nothing is set), every list on the
     * way states it for each of its elements (an empty list for none). A name an object lacks, a
     * value of another shape, or a value known only after apply states nothing: a source that
     * leaves a key out may have left it out of its output, not out of the resource.
     */
    public boolean states(Scope from) {
        Scope start = from;
        for (int i = 0; i < up && start.parent() != null; i++) {
            start = start.parent();
        }
        return states(start.node(), 0);
    }

    private boolean states(JsonNode n, int i) {
        if (n == null || Unknown.is(n)) {
            return false;
        }
        if (n.isNull() || i == segments.size()) {
            return true;
        }
        Object segment = segments.get(i);
        if (segment instanceof String name) {
            if (n.isObject()) {
                JsonNode child = n.get(name);
                return child != null && states(child, i + 1);
            }
            return n.isArray() && every(n, e -> states(e, i));
        }
        if (!n.isArray() && !(segment == ALL && n.isObject())) {
            return false;
        }
        if (segment instanceof Filter f) {
            return every(n, e -> {
                if (Unknown.is(e)) {
                    return false;
                }
                JsonNode k = e.get(f.key());
                return k == null || !k.isValueNode() || !f.value().equals(k.asText()) || states(e, i + 1);
            });
        }
        if (segment instanceof Integer index) {
            return index >= n.size() || states(n.get(index), i + 1);
        }
        return every(n, e -> states(e, i + 1));
    }

    private static boolean every(JsonNode container, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode e : container) {
            if (!test.test(e)) {
                return false;
            }
        }
        return true;
    }

    private static void step(Match m, Object segment, List<Match> out) {
        JsonNode n = m.node();
        if (Unknown.is(n)) {
            out.add(m);
            return;
        }
        if (segment instanceof String name) {
            if (n.isObject()) {
                JsonNode child = n.get(name);
                if (child != null && !child.isNull()) {
                    out.add(new Match(child, new Scope(n, m.scope())));
                }
            } else if (n.isArray()) {
                for (JsonNode e : n) {
                    step(new Match(e, m.scope()), segment, out);
                }
            }
        } else if (segment instanceof Filter f) {
            if (n.isArray()) {
                for (JsonNode e : n) {
                    JsonNode k = e.get(f.key());
                    if (k != null && k.isValueNode() && f.value().equals(k.asText())) {
                        out.add(new Match(e, m.scope()));
                    }
                }
            }
        } else if (segment instanceof Integer index) {
            if (n.isArray() && index < n.size() && !n.get(index).isNull()) {
                out.add(new Match(n.get(index), m.scope()));
            }
        } else if (n.isContainerNode()) { // [*]: every element of a list, or every value of an object (a map keyed by name)
            for (JsonNode e : n) {
                if (!e.isNull()) {
                    out.add(new Match(e, m.scope()));
                }
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
