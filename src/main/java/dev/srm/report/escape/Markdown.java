package dev.srm.report.escape;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in Markdown (CommonMark and GitHub tables) that renders as itself: on one line as for
 * {@link Terminal}, with a backslash before every character that could start HTML, an entity,
 * emphasis, a link, an image, a heading, code, strike-through or a table cell (null is empty).
 */
public final class Markdown {
    /** ASCII punctuation that can start markup inline; escaped brackets keep parentheses from forming a link. */
    private static final String SPECIAL = "\\`*_[]<>#|~&!";
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private Markdown() {
    }

    public static String text(String s) {
        String line = Characters.oneLine(s);
        StringBuilder b = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * A code span: one line, fenced by more backticks than any run inside (padded with a space
     * where the text starts or ends with one), pipes escaped so that it can stand in a table.
     */
    public static String code(String s) {
        String line = Characters.oneLine(s);
        int longest = 0;
        Matcher m = BACKTICKS.matcher(line);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line.replace("|", "\\|") + pad + fence;
    }
}
