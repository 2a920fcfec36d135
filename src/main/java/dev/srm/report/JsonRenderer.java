package dev.srm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void render(List<Evaluation> evaluations, List<InputProblem> problems, boolean single, Writer out)
            throws IOException {
        if (single && evaluations.size() == 1 && problems.isEmpty()) {
            Json.write(Json.evaluation(evaluations.get(0)), out);
            return;
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode all = root.putArray("evaluations");
        evaluations.forEach(e -> all.add(Json.evaluation(e)));
        ArrayNode errors = root.putArray("errors");
        problems.forEach(p -> errors.add(Json.problem(p)));
        Json.write(root, out);
    }
}
