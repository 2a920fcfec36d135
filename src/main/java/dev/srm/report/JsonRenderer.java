package dev.srm.report;

import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON for machines. One named file gives that scenario's evaluation object; several files
 * or a directory give {@code {"evaluations": [...], "errors": [...]}}, the failed inputs
 * included, so one broken file never hides the others.
 */
public final class JsonRenderer implements EvaluationRenderer {
    /** Several evaluations and the inputs that failed. */
    private record Batch(List<EvaluationJson> evaluations, List<ProblemJson> errors) {
    }

    @Override
    public void render(List<Evaluation> evaluations, List<InputProblem> problems, boolean single, Writer out)
            throws IOException {
        if (single && evaluations.size() == 1 && problems.isEmpty()) {
            Json.write(EvaluationJson.of(evaluations.get(0)), out);
            return;
        }
        Json.write(new Batch(evaluations.stream().map(EvaluationJson::of).toList(), problems.stream().map(ProblemJson::of).toList()),
                out);
    }
}
