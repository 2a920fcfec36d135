package dev.srm.report.matrix;

import dev.srm.model.Responsibility;
import dev.srm.model.matrix.Cell;
import dev.srm.model.matrix.Matrix;
import dev.srm.report.escape.HtmlTemplates;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The matrix as one static page (src/main/jte/matrix/matrix.jte in the frame page.jte): rows by
 * layers coloured by party (the audit report's colours), the duties under each SHARED cell, then
 * a section per row with every layer's reason and source and the customer controls. The
 * template escapes every value it shows; these are the words it computes.
 */
final class MatrixHtml {
    /** The style sheet of the matrix and crm pages (the resource pages.css), the only text page.jte writes unescaped. */
    static final String CSS = HtmlTemplates.resource(MatrixHtml.class, "pages.css");

    /** What matrix.jte shows. */
    record View(Matrix matrix) {
    }

    private MatrixHtml() {
    }

    static void render(Matrix m, Writer out) throws IOException {
        HtmlTemplates.render("matrix/matrix.jte", new View(m), out);
    }

    /** A cell's party, or NONE for a layer the row does not have. */
    static String party(Cell c) {
        return c == null ? "NONE" : c.party().name();
    }

    /** A cell's tooltip: its reason. */
    static String tip(Cell c) {
        return c == null ? "" : Parties.reason(c);
    }

    /** A cell's text: the party as people read it, or a dash. */
    static String label(Cell c) {
        return c == null ? "-" : c.party().label();
    }

    /** Whether a cell lists its duties: a SHARED layer the engine split into duties. */
    static boolean showsDuties(Cell c) {
        return c != null && c.party() == Responsibility.SHARED && !c.duties().isEmpty();
    }

    /** An id fragment from a subject: letters, digits and dashes only. */
    static String anchor(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
