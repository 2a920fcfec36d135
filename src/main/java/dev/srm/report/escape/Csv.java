package dev.srm.report.escape;

import java.util.List;

/**
 * Fields of RFC 4180 CSV for a spreadsheet, where a value it would run as a formula (starting
 * with =, +, -, @, tab or carriage return) gets a leading single quote and a value with a
 * comma, quote or line break is then quoted with its quotes doubled (null is the empty field).
 */
public final class Csv {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    public static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** One record: the fields escaped, separated by commas, ended by CRLF. */
    public static String row(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? "," : "").append(cell(values.get(i)));
        }
        return b.append("\r\n").toString();
    }
}
