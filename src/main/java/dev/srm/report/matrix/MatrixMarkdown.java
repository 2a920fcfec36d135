package dev.srm.report.matrix;

import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Matrix;
import dev.srm.model.matrix.Row;

import java.io.IOException;
import java.io.Writer;

/** The matrix for a pull request or a wiki: a grid of rows by layers, then a section per row. */
final class MatrixMarkdown {
    private MatrixMarkdown() {
    }

    static void render(Matrix m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(8192);
        b.append("# Responsibility matrix\n\n");
        if (m.rows().size() > 1) {
            b.append("| service |");
            m.layers().forEach(l -> b.append(' ').append(Escape.md(l)).append(" |"));
            b.append("\n|---|");
            m.layers().forEach(l -> b.append("---|"));
            b.append('\n');
            for (Row r : m.rows()) {
                b.append("| ").append(Escape.md(r.label())).append(" |");
                for (String layer : m.layers()) {
                    Cell c = r.cell(layer);
                    b.append(' ').append(c == null ? "-" : c.party().name()).append(" |");
                }
                b.append('\n');
            }
            b.append('\n');
        }
        for (Row r : m.rows()) {
            row(r, b);
        }
        out.write(b.toString());
    }

    private static void row(Row r, StringBuilder b) {
        b.append("## ").append(Escape.md(r.label())).append("\n\n");
        if (r.reason() != null) {
            b.append(Escape.md(r.reason()));
            if (r.rule() != null) {
                b.append(" (rule ").append(Escape.md(r.rule())).append(')');
            }
            b.append("\n\n");
        }
        if (!r.config().isEmpty()) {
            b.append("Settings:");
            r.config().forEach((k, v) -> b.append(' ').append(Escape.md(k + "=" + v)));
            b.append("\n\n");
        }
        b.append("| layer | party | why | rule |\n|---|---|---|---|\n");
        for (Cell c : r.cells()) {
            b.append("| ").append(Escape.md(c.layer())).append(" | **").append(c.party().name()).append("** | ")
                    .append(Escape.md(Parties.reason(c)));
            if (c.source() != null) {
                b.append(" ([source](").append(url(c.source())).append("))");
            }
            b.append(" | ").append(Escape.md(Parties.orDash(c.rule()))).append(" |\n");
            for (Duty d : c.duties()) {
                b.append("| ↳ ").append(Escape.md(d.id())).append(" | ").append(Escape.md(d.party())).append(" | ")
                        .append(Escape.md(Parties.orDash(d.reason()))).append(" | ").append(Escape.md(Parties.orDash(d.rule()))).append(" |\n");
            }
        }
        b.append('\n');
        if (!r.controls().isEmpty()) {
            b.append("| customer control | layer | severity | checked by |\n|---|---|---|---|\n");
            for (ControlRef c : r.controls()) {
                b.append("| ").append(Escape.md(c.title())).append(" (").append(Escape.md(c.id())).append(") | ")
                        .append(Escape.md(Parties.orDash(c.layer()))).append(" | ").append(Escape.md(Parties.orDash(c.severity())))
                        .append(" | ").append(Escape.md(Parties.orDash(Parties.references(c)))).append(" |\n");
            }
            b.append('\n');
        }
        if (!r.integrations().isEmpty()) {
            b.append("Integrations: ").append(Escape.md(String.join(", ", r.integrations()))).append("\n\n");
        }
    }

    /** A link target from the pack's metadata: an http(s) URL with the characters that end a link escaped, else nothing. */
    static String url(String u) {
        String s = u.trim();
        if (!(s.startsWith("https://") || s.startsWith("http://"))) {
            return "#";
        }
        return s.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C").replace(">", "%3E");
    }
}
