package dev.srm.report.matrix;

import dev.srm.report.Json;

import java.io.IOException;
import java.io.Writer;

/** JSON of the matrix, comparison and CRM records, as Jackson maps them (key order: the records' components). */
final class Records {
    private Records() {
    }

    static void write(Object value, Writer out) throws IOException {
        Json.write(value, out);
    }
}
