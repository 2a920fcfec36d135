package dev.srm.run;

import dev.srm.engine.Evaluator;
import dev.srm.model.Evaluation;
import dev.srm.policy.FindingPolicy;
import dev.srm.model.InputProblem;
import dev.srm.model.RulesFailure;
import dev.srm.model.Scenario;
import dev.srm.input.InputException;
import dev.srm.model.InputFormat;
import dev.srm.input.Inputs;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and evaluates scenario files; a file that fails is recorded and the rest still run. */
public final class EvaluationRun {
    /** The evaluations in input order and the inputs that failed. */
    public record Result(List<Evaluation> evaluations, List<InputProblem> problems) {
        public Result {
            evaluations = List.copyOf(evaluations);
            problems = List.copyOf(problems);
        }
    }

    private final Evaluator evaluator;
    private final Inputs inputs;

    public EvaluationRun(Evaluator evaluator, Inputs inputs) {
        this.evaluator = evaluator;
        this.inputs = inputs;
    }

    /** Evaluates every scenario the inputs hold; {@code format} {@code auto} detects each file's format by content. */
    public Result run(List<Path> paths, InputFormat format, boolean explain) {
        return run(paths, format, explain, null);
    }

    /** Evaluates every scenario the inputs hold and applies the policy (waivers, baseline; null: none) to each. */
    public Result run(List<Path> paths, InputFormat format, boolean explain, FindingPolicy policy) {
        ScenarioFiles.Expansion expansion = ScenarioFiles.expand(paths);
        List<InputProblem> problems = new ArrayList<>(expansion.problems());
        List<Evaluation> evaluations = new ArrayList<>();
        BatchIds ids = new BatchIds();
        for (Path file : expansion.files()) {
            try (ScenarioStream stream = inputs.open(file, format)) { // a plan or an inventory may hold many scenarios
                for (ReadScenario read = stream.next(); read != null; read = stream.next()) {
                    ReadScenario claimed = ids.admit(read, problems);
                    if (claimed == null) {
                        continue;
                    }
                    Scenario scenario = claimed.scenario();
                    Evaluation e;
                    try {
                        e = evaluator.evaluate(scenario, explain);
                    } catch (RulesFailure failed) { // the rules' fault, not the input's: the next scenario still runs
                        problems.add(failed.problem());
                        continue;
                    }
                    evaluations.add(ReaderWarnings.added(policy == null ? e : policy.apply(scenario, e), claimed.warnings()));
                }
            } catch (InputException e) {
                problems.add(e.problem());
            }
        }
        return new Result(evaluations, problems);
    }
}
