package dev.srm.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Refuses numbers no reader can use: an infinite or not-a-number value ({@code 1e400},
 * {@code .inf}, {@code .nan}) where a version, an enum, a count or a setting is expected. One
 * line with the place, never a {@code NumberFormatException} from deeper down.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Throws the one-line problem of the first number in the tree that is not finite; {@code locate} gives a pointer's line and column. */
    public static void check(String name, JsonNode root, Function<String, int[]> locate, int lineOffset) throws InputException {
        String bad = firstNonFinite(root, "");
        if (bad == null) {
            return;
        }
        int[] loc = locate.apply(bad);
        throw outOfRange(name, loc == null ? "" : (loc[0] + lineOffset) + ":" + loc[1], bad);
    }

    /**
     * The same check for a part of a file that is read on its own (an AWS Config item streamed from a
     * snapshot): {@code base} is the part's JSON pointer in the file, {@code where} its line (or empty).
     */
    public static void check(String name, JsonNode part, String base, String where) throws InputException {
        String bad = firstNonFinite(part, base);
        if (bad != null) {
            throw outOfRange(name, where, bad);
        }
    }

    private static InputException outOfRange(String name, String where, String pointer) {
        return InputFiles.problem(name, where, (pointer.isEmpty() ? "/" : pointer) + ": number out of range (infinite or not a number, "
                + "e.g. 1e400 or .inf); expected a finite number, or quote it to make it a string");
    }

    private static String firstNonFinite(JsonNode n, String pointer) {
        if (n == null) {
            return null;
        }
        if (n.isFloatingPointNumber()) { // a decimal read exactly too: past a double's range it is out of range, as documented
            double d = n.doubleValue();
            return Double.isFinite(d) ? null : pointer;
        }
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String found = firstNonFinite(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                if (found != null) {
                    return found;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String found = firstNonFinite(n.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
