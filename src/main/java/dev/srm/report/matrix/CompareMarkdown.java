package dev.srm.report.matrix;

import dev.srm.model.matrix.Comparison;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Move;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** What moves between two designs, for a design review document. */
final class CompareMarkdown {
    private CompareMarkdown() {
    }

    static void render(Comparison c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(4096);
        b.append("# ").append(Escape.md(c.from().label())).append(" → ").append(Escape.md(c.to().label())).append("\n\n");
        moves(b, "Moves to AWS (the customer does less)", c.moves(Move.Direction.TO_AWS));
        moves(b, "Moves to the customer (the customer does more)", c.moves(Move.Direction.TO_CUSTOMER));
        if (!c.moves(Move.Direction.OTHER).isEmpty()) {
            moves(b, "Other changes", c.moves(Move.Direction.OTHER));
        }
        b.append("## Unchanged\n\n");
        c.unchanged().forEach(u -> b.append("- ").append(Escape.md(u.layer())).append(": ").append(u.party().name()).append('\n'));
        b.append('\n');
        controls(b, "New customer controls", c.newControls());
        controls(b, "Controls that disappear", c.goneControls());
        b.append("## Integrations\n\n- gained: ").append(list(c.integrationsGained())).append("\n- lost: ")
                .append(list(c.integrationsLost())).append("\n");
        out.write(b.toString());
    }

    private static void moves(StringBuilder b, String title, List<Move> moves) {
        b.append("## ").append(title).append("\n\n");
        if (moves.isEmpty()) {
            b.append("None.\n\n");
            return;
        }
        b.append("| layer / duty | from | to | why |\n|---|---|---|---|\n");
        for (Move m : moves) {
            b.append("| ").append(Escape.md(m.where())).append(" | ").append(Escape.md(m.from())).append(" | **").append(Escape.md(m.to()))
                    .append("** | ").append(Escape.md(Parties.orDash(m.reason())));
            if (m.source() != null) {
                b.append(" ([source](").append(MatrixMarkdown.url(m.source())).append("))");
            }
            b.append(" |\n");
        }
        b.append('\n');
    }

    private static void controls(StringBuilder b, String title, List<ControlRef> controls) {
        b.append("## ").append(title).append(" (").append(controls.size()).append(")\n\n");
        for (ControlRef c : controls) {
            b.append("- ").append(Escape.md(c.title())).append(" (").append(Escape.md(c.id())).append(", ")
                    .append(Escape.md(Parties.orDash(c.severity())));
            String refs = Parties.references(c);
            if (!refs.isEmpty()) {
                b.append(", ").append(Escape.md(refs));
            }
            b.append(")\n");
        }
        b.append('\n');
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : Escape.md(String.join(", ", items));
    }
}
