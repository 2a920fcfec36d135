package dev.srm.report.matrix;

import dev.srm.model.matrix.Comparison;
import dev.srm.report.ReportFormat;

import java.io.IOException;
import java.io.Writer;

/** The formats of {@code srm compare}: text and Markdown for a design review, JSON for tools. */
public enum CompareFormat implements ReportFormat<Comparison> {
    text, markdown, json;

    @Override
    public void render(Comparison c, Writer out) throws IOException {
        switch (this) {
            case text -> CompareText.render(c, out);
            case markdown -> CompareMarkdown.render(c, out);
            case json -> Records.write(c, out);
        }
        out.flush();
    }
}
