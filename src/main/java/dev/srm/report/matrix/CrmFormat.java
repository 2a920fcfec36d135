package dev.srm.report.matrix;

import dev.srm.model.matrix.Crm;
import dev.srm.report.ReportFormat;

import java.io.IOException;
import java.io.Writer;

/** The formats of {@code srm crm}: CSV for a spreadsheet, Markdown and HTML for people, JSON for tools. */
public enum CrmFormat implements ReportFormat<Crm> {
    csv, markdown, html, json;

    @Override
    public void render(Crm c, Writer out) throws IOException {
        switch (this) {
            case csv -> CrmCsv.render(c, out);
            case markdown -> CrmMarkdown.render(c, out);
            case html -> CrmHtml.render(c, out);
            case json -> Records.write(c, out);
        }
        out.flush();
    }
}
