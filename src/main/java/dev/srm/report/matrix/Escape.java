package dev.srm.report.matrix;

import dev.srm.report.escape.Csv;
import dev.srm.report.escape.Markdown;
import dev.srm.report.escape.Terminal;

/** The escaping these renderers use: the report package's one escaper per output language. */
final class Escape {
    private Escape() {
    }

    /** Text in Markdown (a table cell included) that renders as itself, on one line. */
    static String md(String s) {
        return Markdown.text(s);
    }

    /** An RFC 4180 field that no spreadsheet runs as a formula. */
    static String csv(String value) {
        return Csv.cell(value);
    }

    /** Text for a terminal: no control character, no bidi control, no line break. */
    static String text(String s) {
        return Terminal.text(s);
    }
}
