package dev.srm.report.matrix;

import dev.srm.model.Responsibility;
import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.ControlRef;
import dev.srm.model.matrix.Duty;
import dev.srm.model.matrix.Matrix;
import dev.srm.model.matrix.Row;

import java.io.IOException;
import java.io.Writer;

/**
 * The matrix as one static page: rows by layers coloured by party (the audit report's colours),
 * the duties under each SHARED cell (or its reason, until the engine gives duties), then a
 * section per row with every layer's reason and source and the customer controls.
 */
final class MatrixHtml {
    private MatrixHtml() {
    }

    static void render(Matrix m, Writer out) throws IOException {
        StringBuilder b = new StringBuilder(32 * 1024);
        Page.open(b, "srm responsibility matrix");
        b.append("<p class=\"note\">Who secures each layer, as the rules decide it for a synthetic resource of each service.</p>\n")
                .append(Page.LEGEND).append("<div class=\"scroll\"><table class=\"matrix\" id=\"matrix\">\n<thead><tr><th>service</th>");
        for (String layer : m.layers()) {
            b.append("<th class=\"layer\">").append(Escape.html(layer).replace("-", "-<wbr>")).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (Row r : m.rows()) {
            b.append("<tr data-subject=\"").append(Escape.html(r.subject())).append("\"><th><a href=\"#row-")
                    .append(anchor(r.subject())).append("\">").append(Escape.html(r.label())).append("</a></th>");
            for (String layer : m.layers()) {
                Cell c = r.cell(layer);
                String party = c == null ? "NONE" : c.party().name();
                b.append("<td class=\"cell p-").append(Parties.css(party)).append("\" data-layer=\"").append(Escape.html(layer))
                        .append("\" data-party=\"").append(party).append("\" title=\"").append(Escape.html(c == null ? "" : Parties.reason(c)))
                        .append("\">").append(party.equals("NONE") ? "-" : label(c.party()));
                if (c != null && c.party() == Responsibility.SHARED && !c.duties().isEmpty()) {
                    b.append("<ul class=\"duties\">");
                    for (Duty d : c.duties()) {
                        b.append("<li>").append(Escape.html(d.id())).append(": ").append(Escape.html(d.party())).append("</li>");
                    }
                    b.append("</ul>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n");
        for (Row r : m.rows()) {
            b.append("<section id=\"row-").append(anchor(r.subject())).append("\">\n<h2>").append(Escape.html(r.label())).append("</h2>\n");
            if (r.reason() != null) {
                b.append("<p>").append(Escape.html(r.reason())).append(" <span class=\"cid\">").append(Escape.html(Parties.orDash(r.rule())))
                        .append("</span></p>\n");
            }
            b.append("<table><thead><tr><th>layer</th><th>party</th><th>why</th><th>rule</th></tr></thead><tbody>\n");
            for (Cell c : r.cells()) {
                b.append("<tr><td>").append(Escape.html(c.layer())).append("</td><td class=\"p-").append(Parties.css(c.party().name()))
                        .append("\">").append(c.party().name()).append("</td><td>").append(Escape.html(Parties.reason(c))).append(' ')
                        .append(Page.link(c.source(), "source")).append("</td><td class=\"cid\">").append(Escape.html(Parties.orDash(c.rule())))
                        .append("</td></tr>\n");
                for (Duty d : c.duties()) {
                    b.append("<tr><td>&#8627; ").append(Escape.html(d.id())).append("</td><td class=\"p-").append(Parties.css(d.party()))
                            .append("\">").append(Escape.html(d.party())).append("</td><td>").append(Escape.html(Parties.orDash(d.reason())))
                            .append(' ').append(Page.link(d.source(), "source")).append("</td><td class=\"cid\">")
                            .append(Escape.html(Parties.orDash(d.rule()))).append("</td></tr>\n");
                }
            }
            b.append("</tbody></table>\n");
            if (!r.controls().isEmpty()) {
                b.append("<table><thead><tr><th>customer control</th><th>layer</th><th>severity</th><th>checked by</th></tr></thead><tbody>\n");
                for (ControlRef c : r.controls()) {
                    b.append("<tr><td>").append(Escape.html(c.title())).append(" <span class=\"cid\">").append(Escape.html(c.id()))
                            .append("</span></td><td>").append(Escape.html(Parties.orDash(c.layer()))).append("</td><td>")
                            .append(Escape.html(Parties.orDash(c.severity()))).append("</td><td>").append(Escape.html(Parties.references(c)))
                            .append("</td></tr>\n");
                }
                b.append("</tbody></table>\n");
            }
            if (!r.integrations().isEmpty()) {
                b.append("<p>Integrations: ").append(Escape.html(String.join(", ", r.integrations()))).append("</p>\n");
            }
            b.append("</section>\n");
        }
        Page.close(b, "Written by srm matrix.");
        out.write(b.toString());
    }

    static String label(Responsibility p) {
        return switch (p) {
            case CUSTOMER -> "customer";
            case SHARED -> "shared";
            case AWS -> "AWS";
            case UNKNOWN -> "unknown";
            case CONFLICT -> "conflict";
        };
    }

    /** An id fragment from a subject: letters, digits and dashes only. */
    static String anchor(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
