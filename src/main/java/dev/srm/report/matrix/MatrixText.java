package dev.srm.report.matrix;

import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Matrix;
import dev.srm.model.matrix.Row;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The matrix for a terminal: with several rows, a grid of one letter per layer first; then, per
 * row, every layer with its party, reason and rule (and the duties inside it, when the engine
 * gives them), the customer controls that apply and the integrations that help.
 */
final class MatrixText {
    private MatrixText() {
    }

    static void render(Matrix m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(8192);
        if (m.rows().size() > 1) {
            grid(m, b);
        }
        for (Row r : m.rows()) {
            row(r, b);
        }
        out.write(b.toString());
    }

    private static void grid(Matrix m, StringBuilder b) {
        int width = 8;
        for (Row r : m.rows()) {
            width = Math.max(width, Escape.text(r.label()).length());
        }
        b.append("Responsibility matrix: C customer, S shared, A AWS, ? unknown, ! conflict\n\n");
        List<String> layers = m.layers();
        b.append(pad("", width));
        for (int i = 0; i < layers.size(); i++) {
            b.append(' ').append(pad(String.valueOf(i + 1), 2));
        }
        b.append('\n');
        for (Row r : m.rows()) {
            b.append(pad(Escape.text(r.label()), width));
            for (String layer : layers) {
                Cell c = r.cell(layer);
                b.append(' ').append(pad(Parties.letter(c == null ? null : c.party().name()), 2));
            }
            b.append('\n');
        }
        b.append('\n');
        for (int i = 0; i < layers.size(); i++) {
            b.append(pad(String.valueOf(i + 1), 3)).append(layers.get(i)).append('\n');
        }
        b.append('\n');
    }

    static void row(Row r, StringBuilder b) {
        b.append(Escape.text(r.label()));
        if (r.customerShare() != null) {
            b.append(", customer share ").append(r.customerShare());
        }
        if (!r.config().isEmpty()) {
            b.append(", with ");
            boolean first = true;
            for (var e : r.config().entrySet()) {
                b.append(first ? "" : ", ").append(Escape.text(e.getKey())).append('=').append(Escape.text(e.getValue()));
                first = false;
            }
        }
        b.append('\n');
        if (r.reason() != null) {
            b.append("  ").append(Escape.text(r.reason()));
            if (r.rule() != null) {
                b.append(" [").append(Escape.text(r.rule())).append(']');
            }
            b.append('\n');
        }
        b.append('\n');
        for (Cell c : r.cells()) {
            b.append("  ").append(pad(c.layer(), 31)).append(' ').append(pad(c.party().name(), 9)).append(' ')
                    .append(Escape.text(Parties.reason(c)));
            if (c.rule() != null) {
                b.append(" [").append(Escape.text(c.rule())).append(']');
            }
            b.append('\n');
            if (c.source() != null) {
                b.append(pad("", 44)).append("source: ").append(Escape.text(c.source())).append('\n');
            }
            for (Duty d : c.duties()) {
                b.append(pad("", 4)).append("- ").append(pad(Escape.text(d.id()), 35)).append(' ').append(pad(Escape.text(d.party()), 9))
                        .append(' ').append(Escape.text(Parties.orDash(d.reason()))).append('\n');
            }
        }
        b.append('\n');
        if (r.controls().isEmpty()) {
            b.append("  No customer control of the pack applies.\n");
        } else {
            b.append("  Customer controls (").append(r.controls().size()).append("):\n");
            for (ControlRef c : r.controls()) {
                b.append("    ").append(pad(c.severity() == null ? "-" : c.severity(), 8)).append(' ')
                        .append(Escape.text(c.title())).append(" [").append(Escape.text(c.id())).append(']');
                String refs = Parties.references(c);
                if (!refs.isEmpty()) {
                    b.append(" (").append(Escape.text(refs)).append(')');
                }
                b.append('\n');
            }
        }
        if (!r.integrations().isEmpty()) {
            b.append("  Integrations: ").append(Escape.text(String.join(", ", r.integrations()))).append('\n');
        }
        b.append('\n');
    }

    static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
