package dev.srm.report.matrix;

import dev.srm.model.matrix.Crm;

import java.io.IOException;
import java.io.Writer;

/** The customer responsibility matrix for an auditor's document: one table per framework. */
final class CrmMarkdown {
    private CrmMarkdown() {
    }

    static void render(Crm c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(8192);
        b.append("# Customer responsibility matrix\n\n").append(c.scenarios()).append(" scenarios, ").append(c.resources())
                .append(" resources; services in use: ").append(Escape.md(String.join(", ", c.services()))).append(".\n\n")
                .append("Responsibility: *inherited* when every control behind a requirement sits on layers AWS holds for the ")
                .append("resources in use, *customer* when the customer holds them all, *shared* otherwise; *not-in-use* when no ")
                .append("control mapped to it applies to a resource in use.\n\n");
        for (Crm.Framework f : c.frameworks()) {
            b.append("## ").append(Escape.md(f.name())).append(" (").append(Escape.md(f.id())).append(")\n\n")
                    .append("| requirement | responsibility | status | srm controls | layers | duties |\n|---|---|---|---|---|---|\n");
            for (Crm.Requirement r : f.requirements()) {
                b.append("| ").append(Escape.md(r.id())).append(" | ").append(r.share().label()).append(" | ")
                        .append(r.status() == null ? "-" : Escape.md(r.status())).append(" | ");
                boolean first = true;
                for (Crm.ControlLine l : r.controls()) {
                    b.append(first ? "" : "<br>").append(Escape.md(l.id() + " " + CrmText.statuses(l)));
                    first = false;
                }
                b.append(" | ").append(Escape.md(Parties.orDash(CrmText.layers(r)))).append(" | ")
                        .append(Escape.md(Parties.orDash(CrmText.duties(r)))).append(" |\n");
            }
            b.append('\n');
        }
        out.write(b.toString());
    }
}
