package dev.srm.report.matrix;

import dev.srm.model.matrix.Crm;
import dev.srm.report.escape.HtmlTemplates;

import java.io.IOException;
import java.io.Writer;

/**
 * The customer responsibility matrix as one static page (src/main/jte/matrix/crm.jte in the
 * frame page.jte), coloured like the audit report.
 */
final class CrmHtml {
    /** What crm.jte shows. */
    record View(Crm crm) {
    }

    private CrmHtml() {
    }

    static void render(Crm c, Writer out) throws IOException {
        HtmlTemplates.render("matrix/crm.jte", new View(c), out);
    }
}
