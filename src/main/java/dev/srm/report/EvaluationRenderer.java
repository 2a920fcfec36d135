package dev.srm.report;

import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the results of {@code srm evaluate} in one format. */
public interface EvaluationRenderer {
    /**
     * Writes the evaluations (in input order) and the inputs that failed. {@code single} is
     * true when the user named one file, so that formats may print that scenario alone.
     */
    void render(List<Evaluation> evaluations, List<InputProblem> problems, boolean single, Writer out) throws IOException;
}
