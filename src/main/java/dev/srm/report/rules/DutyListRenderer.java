package dev.srm.report.rules;

import dev.srm.model.DutyInfo;
import dev.srm.report.escape.Terminal;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** {@code srm rules duties}: the duty ids layer by layer, with what each means. */
public final class DutyListRenderer {
    private DutyListRenderer() {
    }

    public static void render(List<DutyInfo> duties, Writer w) {
        PrintWriter out = new PrintWriter(w);
        String layer = null;
        for (DutyInfo d : duties) {
            if (!d.layer().equals(layer)) {
                layer = d.layer();
                out.println(Terminal.text(layer));
            }
            out.printf("  %-36s %s%n", Terminal.text(d.id()), Terminal.text(d.meaning()));
        }
        out.printf("%d duties%n", duties.size());
        out.flush();
    }
}
