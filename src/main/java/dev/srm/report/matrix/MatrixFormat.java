package dev.srm.report.matrix;

import dev.srm.model.matrix.Matrix;
import dev.srm.report.ReportFormat;

import java.io.IOException;
import java.io.Writer;

/** The formats of {@code srm matrix}, by the name {@code --format} takes. */
public enum MatrixFormat implements ReportFormat<Matrix> {
    text, markdown, csv, json, html;

    @Override
    public void render(Matrix m, Writer out) throws IOException {
        switch (this) {
            case text -> MatrixText.render(m, out);
            case markdown -> MatrixMarkdown.render(m, out);
            case csv -> MatrixCsv.render(m, out);
            case json -> Records.write(m, out);
            case html -> MatrixHtml.render(m, out);
        }
        out.flush();
    }
}
