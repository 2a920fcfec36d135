package dev.srm.fuzz;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ways to break a valid document, as hostile or careless authors do: on the tree (a value of
 * the wrong type, nesting past any limit, odd Unicode, huge numbers and strings, a key dropped
 * or invented) and on the text (truncation at any offset, duplicate keys, YAML tags, anchors and
 * aliases, several documents, NUL and control bytes, invalid UTF-8, lone surrogates, a byte
 * order mark, tabs). Each is deterministic for its seed.
 */
enum Mutations {
    TYPE_SWAP, DEEP_NESTING, ODD_UNICODE, HUGE_NUMBER, HUGE_STRING, DROP_KEY, UNKNOWN_KEY, EMPTY_ROOT,
    TRUNCATE, DUPLICATE_KEY, YAML_TAG, ANCHOR_ALIAS, MULTI_DOCUMENT, BYTE_FLIP, CONTROL_BYTES, INVALID_UTF8,
    LONE_SURROGATE, BYTE_ORDER_MARK, UTF16, TABS, CRLF;

    /** Strings that terminals, parsers and escapers find hard: controls, bidi overrides, zero widths, a forged srm line. */
    static final List<String> ODD = List.of("\u0000", "nul\u0000inside", "\u0007\u0008\u001b[2J\u001b]0;title\u0007",
            "\u202eevil\u202c", "\u2066isolate\u2069", "a\u200bb\u200dc\ufeff", "line\nsrm: forged: all clear",
            "cr\rlf\r\n", "\u0085next\u2028line\u2029para", "\ud83d\ude80\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "\u00ad\u034f\u180e",
            "\uffff\ufffe", "'\"`$(touch x)${jndi:ldap://x}", "C:\\\\windows\\\\..\\\\", "%s%n%x", "\u0130\u0131\u00df\u1e9e");
    private static final List<String> TAGS = List.of("!!python/object/apply:os.system [\"id\"]", "!!java.net.URL [\"http://x\"]",
            "!!javax.script.ScriptEngineManager []", "!!binary aGVsbG8=", "!!int", "!!str", "!!float", "!!timestamp",
            "!!set", "!Ref", "!GetAtt", "!custom", "!<tag:yaml.org,2002:str>", "!!omap");

    /** The mutated bytes of {@code tree} spelled as {@code spelling}. */
    byte[] apply(Object tree, Spelling spelling, long seed) {
        Random r = new Random(seed);
        if (ordinal() <= EMPTY_ROOT.ordinal()) {
            return bytes(spelling.write(onTree(deepCopy(tree), r)));
        }
        String text = spelling.write(tree);
        return onText(text, spelling, r);
    }

    private Object onTree(Object root, Random r) {
        switch (this) {
            case EMPTY_ROOT:
                return pick(r, List.of(new LinkedHashMap<>(), new ArrayList<>(), "", 0, true));
            case DROP_KEY: {
                List<Map<String, Object>> maps = maps(root);
                Map<String, Object> m = maps.get(r.nextInt(maps.size()));
                if (!m.isEmpty()) {
                    m.remove(pick(r, new ArrayList<>(m.keySet())));
                }
                return root;
            }
            case UNKNOWN_KEY: {
                List<Map<String, Object>> maps = maps(root);
                maps.get(r.nextInt(maps.size())).put(pick(r, List.of("Frobnicate", "resourses", "$schema", "__proto__", "BlockPublicAclz")),
                        pick(r, List.of("yes", 1, List.of())));
                return root;
            }
            case ODD_UNICODE: {
                List<Map<String, Object>> maps = maps(root);
                Map<String, Object> m = maps.get(r.nextInt(maps.size()));
                String odd = pick(r, ODD);
                if (!m.isEmpty() && r.nextBoolean()) {
                    String key = pick(r, new ArrayList<>(m.keySet()));
                    m.put(key, odd);
                } else {
                    m.put(odd.isEmpty() ? "\u0000" : odd, "value");
                }
                return root;
            }
            default:
                return replaceRandomNode(root, r);
        }
    }

    private Object replaceRandomNode(Object root, Random r) {
        List<Slot> slots = new ArrayList<>();
        slots(root, slots);
        if (slots.isEmpty()) {
            return replacement(r);
        }
        slots.get(r.nextInt(slots.size())).set(replacement(r));
        return root;
    }

    private Object replacement(Random r) {
        return switch (this) {
            case TYPE_SWAP -> pick(r, List.of("text", 42, -1, 3.5, true, false, new ArrayList<>(), new LinkedHashMap<>(),
                    List.of(1, "two"), Resources.map("a", 1)));
            case DEEP_NESTING -> nest(pick(r, List.of(30, 199, 201, 600)), r.nextBoolean());
            case HUGE_NUMBER -> pick(r, List.of(new BigDecimal("1E+400"), new BigDecimal("-1E-400"),
                    new BigInteger("9".repeat(40)), new BigInteger("1" + "0".repeat(1200)), Long.MIN_VALUE, -0.0,
                    new BigDecimal("0." + "3".repeat(900)), Double.MAX_VALUE));
            case HUGE_STRING -> "x".repeat(pick(r, List.of(10_000, 60_000, 300_000)));
            default -> throw new IllegalStateException(name());
        };
    }

    private static Object nest(int depth, boolean lists) {
        Object node = "bottom";
        for (int i = 0; i < depth; i++) {
            node = lists ? new ArrayList<>(List.of(node)) : Resources.map("k", node);
        }
        return node;
    }

    private byte[] onText(String text, Spelling spelling, Random r) {
        switch (this) {
            case TRUNCATE: {
                byte[] b = bytes(text);
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
            case DUPLICATE_KEY: {
                List<int[]> lines = lines(text, spelling == Spelling.JSON ? Pattern.compile("(?m)^\\s*\"[^\"]+\" : .*,$")
                        : Pattern.compile("(?m)^\\s*[A-Za-z]+: \\S.*$"));
                if (lines.isEmpty()) {
                    return bytes(text);
                }
                int[] l = lines.get(r.nextInt(lines.size()));
                String line = text.substring(l[0], l[1]);
                return bytes(text.substring(0, l[1]) + "\n" + line + text.substring(l[1]));
            }
            case YAML_TAG: {
                List<int[]> values = lines(text, Pattern.compile("(?m)(?<=: )\\S.*$"));
                if (values.isEmpty()) {
                    return bytes(pick(r, TAGS) + " " + text);
                }
                int[] v = values.get(r.nextInt(values.size()));
                return bytes(text.substring(0, v[0]) + pick(r, TAGS) + " " + text.substring(v[0]));
            }
            case ANCHOR_ALIAS:
                return bytes(anchors(text, r));
            case MULTI_DOCUMENT:
                return bytes(text + pick(r, List.of("\n---\n" + text, "\n---\nsrm: 1\nid: second\nresources: 5\n",
                        "\n---\n", "\n...\n---\n[unclosed\n", "\n--- !!binary AAAA\n")));
            case BYTE_FLIP: {
                byte[] b = bytes(text);
                for (int i = 0; i < 1 + r.nextInt(4); i++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            }
            case CONTROL_BYTES:
                return insert(bytes(text), r, new byte[]{pick(r, List.of((byte) 0, (byte) 7, (byte) 0x1b, (byte) 0x7f, (byte) 0x0c, (byte) 0x0b))});
            case INVALID_UTF8:
                return insert(bytes(text), r, pick(r, List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF})));
            case LONE_SURROGATE: {
                List<int[]> strings = lines(text, spelling == Spelling.JSON ? Pattern.compile("(?<=: \")[^\"]*(?=\")")
                        : Pattern.compile("(?m)(?<=: )[A-Za-z][^\\n]*$"));
                String escape = pick(r, List.of("\\ud800", "\\udfff", "\\ud83d", "\\u0000", "\\ud800\\ud800"));
                String value = spelling == Spelling.JSON ? escape : "\"" + escape + "\"";
                if (strings.isEmpty()) {
                    return bytes(text);
                }
                int[] s = strings.get(r.nextInt(strings.size()));
                return bytes(text.substring(0, s[0]) + value + text.substring(s[1]));
            }
            case BYTE_ORDER_MARK:
                return concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(text));
            case UTF16:
                return text.getBytes(r.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
            case TABS:
                return bytes(text.replaceAll("(?m)^  ", "\t"));
            case CRLF:
                return bytes(text.replace("\n", "\r\n"));
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Anchors and aliases: a value anchored and aliased later, an alias to no anchor, a merge key, an alias to itself. */
    private static String anchors(String text, Random r) {
        Matcher m = Pattern.compile("(?m)^(\\s*)([A-Za-z]+): (\\S.*)$").matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new int[]{m.start(3), m.end(3)});
        }
        int kind = r.nextInt(4);
        if (found.size() < 2 || kind == 0) {
            return text.replaceFirst("(?m)(?<=: )\\S.*$", "*nowhere");
        }
        int a = r.nextInt(found.size() - 1);
        int b = a + 1 + r.nextInt(found.size() - a - 1);
        int[] first = found.get(a);
        int[] second = found.get(b);
        String alias = switch (kind) {
            case 1 -> "*a";
            case 2 -> "{<<: *a}";
            default -> "[*a, *a, *a]";
        };
        return text.substring(0, first[0]) + "&a " + text.substring(first[0], second[0]) + alias + text.substring(second[1]);
    }

    private static List<int[]> lines(String text, Pattern p) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new int[]{m.start(), m.end()});
        }
        return out;
    }

    private static byte[] insert(byte[] b, Random r, byte[] what) {
        int at = r.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** A place in the tree that holds a value: an entry of a map or an element of a list. */
    private interface Slot {
        void set(Object value);
    }

    @SuppressWarnings("unchecked")
    private static void slots(Object node, List<Slot> out) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            for (String k : new ArrayList<>(map.keySet())) {
                out.add(v -> map.put(k, v));
                slots(map.get(k), out);
            }
        } else if (node instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                int at = i;
                out.add(v -> list.set(at, v));
                slots(list.get(i), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            out.add((Map<String, Object>) m);
            m.values().forEach(v -> out.addAll(maps(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> out.addAll(maps(v)));
        }
        if (out.isEmpty()) {
            out.add(new LinkedHashMap<>());
        }
        return out;
    }

    /** A mutable copy of a tree (the generated ones may hold immutable lists and maps). */
    static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, deepCopy(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(deepCopy(v)));
            return out;
        }
        return node;
    }
}
