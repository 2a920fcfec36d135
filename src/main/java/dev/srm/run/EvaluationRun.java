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

    /**
     * Evaluates every scenario the inputs hold and applies the policy (waivers, baseline; null: none) to each.
     * Scenario ids are settled as {@code srm audit} settles them ({@link BatchIds#settle}): with
     * several files, a first pass reads their ids, so that the same inputs get the same ids (and
     * fingerprints) whichever command reads them.
     */
    public Result run(List<Path> paths, InputFormat format, boolean explain, FindingPolicy policy) {
        ScenarioFiles.Expansion expansion = ScenarioFiles.expand(paths);
        List<InputProblem> problems = new ArrayList<>(expansion.problems());
        List<Evaluation> evaluations = new ArrayList<>();
        java.util.Set<Path> unreadable = new java.util.HashSet<>();
        BatchIds.Settlement settled = settle(expansion.files(), format, problems, unreadable);
        BatchIds streamed = expansion.files().size() < 2 ? new BatchIds() : null; // one file: its scenarios claim as they come
        for (Path file : expansion.files()) {
            if (unreadable.contains(file)) {
                continue;
            }
            String name = file.toString();
            java.util.Map<Integer, BatchIds.Claim> renamed = settled.renamed().getOrDefault(name, java.util.Map.of());
            java.util.Set<Integer> skipped = settled.skipped().getOrDefault(name, java.util.Set.of());
            try (ScenarioStream stream = inputs.open(file, format)) { // a plan or an inventory may hold many scenarios
                int index = 0;
                for (ReadScenario read = stream.next(); read != null; read = stream.next(), index++) {
                    if (skipped.contains(index)) {
                        continue;
                    }
                    BatchIds.Claim claim = renamed.get(index);
                    ReadScenario claimed = streamed != null ? streamed.admit(read, problems) : claim == null ? read : claim.applied(read);
                    if (claimed == null) { // a second scenario of the file under an id it declared already: reported
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

    /** Pass 1 (several files only): every file's scenario ids, settled; a file that cannot be read is a problem once. */
    private BatchIds.Settlement settle(List<Path> files, InputFormat format, List<InputProblem> problems, java.util.Set<Path> unreadable) {
        if (files.size() < 2) {
            return new BatchIds.Settlement(java.util.Map.of(), java.util.Map.of(), List.of());
        }
        List<BatchIds.InputIds> inputIds = new ArrayList<>();
        for (Path file : files) {
            List<String> ids = new ArrayList<>();
            java.util.Set<Integer> fromName = new java.util.HashSet<>();
            try (ScenarioStream stream = inputs.open(file, format)) {
                for (ReadScenario r = stream.next(); r != null; r = stream.next()) {
                    if (r.scenario().idFromFileName()) {
                        fromName.add(ids.size());
                    }
                    ids.add(r.scenario().id());
                }
            } catch (InputException e) {
                problems.add(e.problem());
                unreadable.add(file);
                continue;
            }
            inputIds.add(new BatchIds.InputIds(file.toString(), ids, fromName));
        }
        BatchIds.Settlement settled = BatchIds.settle(inputIds);
        problems.addAll(settled.problems());
        return settled;
    }
}
