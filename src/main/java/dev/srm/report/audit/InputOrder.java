package dev.srm.report.audit;

import dev.srm.model.InputProblem;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order inputs are listed in, whatever order they were named in: by file name, where a
 * trailing {@code :N} (a line of standard input, {@code <stdin>:12}) and the line:column of a
 * problem compare as numbers.
 */
public final class InputOrder {
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("^(.*?):(\\d{1,9})$");
    private static final Pattern LINE_COLUMN = Pattern.compile("^(\\d{1,9})(?::(\\d{1,9}))?$");

    /** Scenario files and stdin lines by name. */
    public static final Comparator<String> NAMES = InputOrder::compareNames;

    /** Failed inputs: by file, then line and column, then message. */
    public static final Comparator<InputProblem> PROBLEMS = Comparator.comparing(InputProblem::file, NAMES)
            .thenComparing(InputProblem::where, InputOrder::compareWhere)
            .thenComparing(InputProblem::message);

    private InputOrder() {
    }

    // Both compare derived keys lexicographically, so they are total orders whatever the names.
    private static int compareNames(String a, String b) {
        Matcher ma = NUMBER_SUFFIX.matcher(a);
        Matcher mb = NUMBER_SUFFIX.matcher(b);
        String pa = ma.matches() ? ma.group(1) : a;
        String pb = mb.matches() ? mb.group(1) : b;
        int c = pa.compareTo(pb);
        if (c == 0) {
            c = Integer.compare(ma.matches() ? Integer.parseInt(ma.group(2)) : -1, mb.matches() ? Integer.parseInt(mb.group(2)) : -1);
        }
        return c != 0 ? c : a.compareTo(b);
    }

    private static int compareWhere(String a, String b) {
        Matcher ma = LINE_COLUMN.matcher(a);
        Matcher mb = LINE_COLUMN.matcher(b);
        int c = Boolean.compare(!ma.matches(), !mb.matches());
        if (c == 0 && ma.matches()) {
            c = Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
            if (c == 0) {
                c = Integer.compare(ma.group(2) == null ? 0 : Integer.parseInt(ma.group(2)),
                        mb.group(2) == null ? 0 : Integer.parseInt(mb.group(2)));
            }
        }
        return c != 0 ? c : a.compareTo(b);
    }
}
