package dev.srm.report.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.EvaluationJson;
import dev.srm.report.Json;
import dev.srm.report.ProblemJson;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code audit.json}: {@code {"srmReport": 1, "evaluations": [...], "portfolio": {...}, "errors": [...]}}.
 * Each evaluation has the shape {@code srm evaluate --format json} gives one scenario; the
 * portfolio roll-ups and the failed inputs come after them so that the file streams. The
 * keys are documented in docs/audit.md.
 */
final class JsonAuditRenderer implements AuditRenderer {
    private final Writer out;
    private JsonGenerator g;

    JsonAuditRenderer(Writer out) {
        this.out = out;
    }

    private JsonGenerator generator() throws IOException {
        if (g == null) {
            g = Json.generator(out);
            g.writeStartObject();
            g.writeNumberField("srmReport", 1); // the report format version a baseline is checked against
            g.writeArrayFieldStart("evaluations");
        }
        return g;
    }

    @Override
    public void scenario(Evaluation evaluation) throws IOException {
        generator().writeObject(EvaluationJson.of(evaluation));
    }

    @Override
    public void finish(Portfolio p) throws IOException {
        JsonGenerator gen = generator();
        gen.writeEndArray();
        gen.writeFieldName("portfolio");
        gen.writeObject(PortfolioJson.of(p));
        gen.writeArrayFieldStart("errors");
        for (InputProblem problem : p.failures()) {
            gen.writeObject(ProblemJson.of(problem));
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
        out.flush();
    }
}
