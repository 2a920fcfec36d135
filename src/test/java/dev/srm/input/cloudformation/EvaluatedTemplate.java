package dev.srm.input.cloudformation;

import dev.srm.engine.Evaluator;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.ResourceResult;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;

import java.nio.file.Files;
import java.nio.file.Path;

/** A template read as srm reads it and evaluated on the bundled pack, for tests that ask about one resource's controls. */
record EvaluatedTemplate(Evaluation evaluation) {
    static EvaluatedTemplate of(Path template, TemplateParameters parameters) throws Exception {
        Scenario s = new CloudFormationReader(parameters).read(template.toString(), Files.readAllBytes(template)).get(0);
        return new EvaluatedTemplate(new Evaluator(Packs.bundled()).evaluate(s));
    }

    ResourceResult resource(String id) {
        return evaluation.resources().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not a resource of the evaluation"));
    }

    Status status(String resource, String control) {
        return resource(resource).controls().stream().filter(c -> c.id().equals(control)).map(ControlResult::status)
                .findFirst().orElseThrow(() -> new AssertionError(control + " does not apply to " + resource));
    }
}
