package dev.srm.report.matrix;

import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Matrix;
import dev.srm.model.matrix.Row;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix for a spreadsheet: one record per row and layer ({@code kind} layer), per duty inside
 * a layer ({@code duty}) and per customer control ({@code control}). RFC 4180, CRLF line ends.
 */
final class MatrixCsv {
    static final List<String> HEADER = List.of("subject", "service", "variant", "type", "service_model", "kind", "layer", "duty",
            "party", "rule", "reason", "source", "control", "severity", "security_hub", "config_rules");

    private MatrixCsv() {
    }

    static void render(Matrix m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(8192);
        line(b, HEADER);
        for (Row r : m.rows()) {
            for (Cell c : r.cells()) {
                line(b, base(r, "layer", c.layer(), "", c.party().name(), c.rule(), c.reason(), c.source()));
                for (Duty d : c.duties()) {
                    line(b, base(r, "duty", c.layer(), d.id(), d.party(), d.rule(), d.reason(), d.source()));
                }
            }
            for (ControlRef c : r.controls()) {
                List<String> v = base(r, "control", c.layer(), "", "CUSTOMER", c.id(), c.title(), c.source());
                v.set(12, c.id());
                v.set(13, c.severity());
                v.set(14, String.join(" ", c.securityHub()));
                v.set(15, String.join(" ", c.configRules()));
                line(b, v);
            }
        }
        out.write(b.toString());
    }

    private static List<String> base(Row r, String kind, String layer, String duty, String party, String rule, String reason,
                                     String source) {
        List<String> v = new ArrayList<>(List.of(r.subject(), s(r.service()), s(r.variant()), s(r.type()), s(r.serviceModel()), kind,
                s(layer), s(duty), s(party), s(rule), s(reason), s(source), "", "", "", ""));
        return v;
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    static void line(StringBuilder b, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? "," : "").append(Escape.csv(values.get(i)));
        }
        b.append("\r\n");
    }
}
