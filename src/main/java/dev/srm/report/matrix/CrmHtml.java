package dev.srm.report.matrix;

import dev.srm.model.matrix.Crm;

import java.io.IOException;
import java.io.Writer;

/** The customer responsibility matrix as one static page, coloured like the audit report. */
final class CrmHtml {
    private CrmHtml() {
    }

    static void render(Crm c, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(32 * 1024);
        Page.open(b, "srm customer responsibility matrix");
        b.append("<p class=\"note\">").append(c.scenarios()).append(" scenarios, ").append(c.resources())
                .append(" resources; services in use: ").append(Escape.html(String.join(", ", c.services()))).append(".</p>\n")
                .append("<p class=\"note\">Inherited: every control behind the requirement sits on layers AWS holds for the resources ")
                .append("in use; customer: the customer holds them all; shared: otherwise; not in use: no control mapped to it applies.</p>\n");
        for (Crm.Framework f : c.frameworks()) {
            b.append("<section id=\"fw-").append(MatrixHtml.anchor(f.id())).append("\">\n<h2>").append(Escape.html(f.name()))
                    .append("</h2>\n<table class=\"crm\"><thead><tr><th>requirement</th><th>responsibility</th><th>status</th>")
                    .append("<th>srm controls</th><th>layers</th><th>duties</th></tr></thead><tbody>\n");
            for (Crm.Requirement r : f.requirements()) {
                b.append("<tr data-requirement=\"").append(Escape.html(r.id())).append("\"><td class=\"mono\">").append(Escape.html(r.id()))
                        .append("</td><td class=\"share-").append(r.share().label()).append("\">").append(r.share().label())
                        .append("</td><td>");
                if (r.status() != null) {
                    b.append("<span class=\"badge st-").append(Parties.css(r.status())).append("\">").append(Escape.html(r.status()))
                            .append("</span>");
                }
                b.append("</td><td>");
                boolean first = true;
                for (Crm.ControlLine l : r.controls()) {
                    b.append(first ? "" : "<br>").append(Escape.html(l.title())).append(" <span class=\"cid\">").append(Escape.html(l.id()))
                            .append(' ').append(Escape.html(CrmText.statuses(l))).append("</span>");
                    first = false;
                }
                b.append("</td><td>").append(Escape.html(CrmText.layers(r))).append("</td><td>").append(Escape.html(CrmText.duties(r)))
                        .append("</td></tr>\n");
            }
            b.append("</tbody></table>\n</section>\n");
        }
        Page.close(b, "Written by srm crm from " + c.source() + ".");
        out.write(b.toString());
    }
}
