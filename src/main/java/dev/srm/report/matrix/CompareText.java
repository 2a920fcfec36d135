package dev.srm.report.matrix;

import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.Comparison;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Move;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** What moves between two designs, for a terminal: moves to AWS, to the customer, then controls and integrations. */
final class CompareText {
    private CompareText() {
    }

    static void render(Comparison c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(4096);
        b.append(Escape.text(c.from().label())).append(" -> ").append(Escape.text(c.to().label())).append("\n\n");
        moves(b, "Moves to AWS (the customer does less)", c.moves(Move.Direction.TO_AWS));
        moves(b, "Moves to the customer (the customer does more)", c.moves(Move.Direction.TO_CUSTOMER));
        List<Move> other = c.moves(Move.Direction.OTHER);
        if (!other.isEmpty()) {
            moves(b, "Other changes", other);
        }
        b.append("Unchanged (").append(c.unchanged().size()).append("):");
        for (Cell u : c.unchanged()) {
            b.append(' ').append(u.layer()).append('=').append(u.party().name());
        }
        b.append("\n\n");
        controls(b, "New customer controls", c.newControls());
        controls(b, "Controls that disappear", c.goneControls());
        b.append("Integrations gained: ").append(list(c.integrationsGained())).append('\n');
        b.append("Integrations lost: ").append(list(c.integrationsLost())).append('\n');
        out.write(b.toString());
    }

    private static void moves(StringBuilder b, String title, List<Move> moves) {
        b.append(title).append(moves.isEmpty() ? ": none\n\n" : ":\n");
        if (moves.isEmpty()) {
            return;
        }
        for (Move m : moves) {
            b.append("  ").append(MatrixText.pad(Escape.text(m.where()), 40)).append(' ')
                    .append(MatrixText.pad(Escape.text(m.from()) + " -> " + Escape.text(m.to()), 20)).append(' ')
                    .append(Escape.text(Parties.orDash(m.reason())));
            if (m.rule() != null) {
                b.append(" [").append(Escape.text(m.rule())).append(']');
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static void controls(StringBuilder b, String title, List<ControlRef> controls) {
        b.append(title).append(" (").append(controls.size()).append(')').append(controls.isEmpty() ? "\n\n" : ":\n");
        if (controls.isEmpty()) {
            return;
        }
        for (ControlRef c : controls) {
            b.append("  ").append(MatrixText.pad(Parties.orDash(c.severity()), 8)).append(' ').append(Escape.text(c.title()))
                    .append(" [").append(Escape.text(c.id())).append(']');
            String refs = Parties.references(c);
            if (!refs.isEmpty()) {
                b.append(" (").append(Escape.text(refs)).append(')');
            }
            b.append('\n');
        }
        b.append('\n');
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : Escape.text(String.join(", ", items));
    }
}
