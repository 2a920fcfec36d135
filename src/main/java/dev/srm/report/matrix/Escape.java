package dev.srm.report.matrix;

import dev.srm.report.Xml;

/**
 * The escaping these renderers use, in one place. HTML goes through the report package's
 * {@link Xml#attr} (markup characters and both quotes as references: safe in element text and in
 * quoted attributes). The report package has no public Markdown or CSV escaper yet (the audit's are
 * private to its package), so the two below follow the audit report's rules; when
 * {@code dev.srm.report.escape} lands, these methods become calls to its {@code Html.text},
 * {@code Markdown.text} and {@code Csv.cell}, which have the same meaning.
 */
final class Escape {
    private static final String MARKDOWN_SPECIAL = "\\`*_[]<>#|~&!";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Escape() {
    }

    /** Text for an HTML element or a quoted attribute. */
    static String html(String s) {
        return Xml.attr(oneLineControls(s));
    }

    /** Text in Markdown (a table cell included) that renders as itself, on one line. */
    static String md(String s) {
        String line = oneLine(s);
        StringBuilder b = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** An RFC 4180 field that no spreadsheet runs as a formula. */
    static String csv(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** Text for a terminal: no control character, no bidi control, no line break. */
    static String text(String s) {
        return oneLine(s);
    }

    private static String oneLineControls(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(isControl(c) && c != '\n' && c != '\t' || isBidi(c) ? '\uFFFD' : c);
        }
        return b.toString();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean run = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) || isBidi(c) || c == '\u2028' || c == '\u2029') {
                if (!run) {
                    b.append(' ');
                }
                run = true;
            } else {
                b.append(c);
                run = false;
            }
        }
        return b.toString().strip();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean isBidi(char c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
