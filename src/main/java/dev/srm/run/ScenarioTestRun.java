package dev.srm.run;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.model.Scenario;
import dev.srm.input.InputException;
import dev.srm.input.scenario.ScenarioReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code srm test}: evaluates scenarios, checks their {@code expect} blocks and records which
 * rules fired, for coverage.
 */
public final class ScenarioTestRun {
    /** One scenario's checks; {@code checks} is empty for a scenario without expectations. */
    public record Outcome(String file, String scenario, boolean hasExpectations, List<ExpectationChecker.Check> checks) {
        public Outcome {
            checks = List.copyOf(checks);
        }

        public List<ExpectationChecker.Check> failures() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }

        public boolean passed() {
            return failures().isEmpty();
        }
    }

    /** Every outcome, the inputs that failed, and rule coverage. */
    public record Result(List<Outcome> outcomes, List<InputProblem> problems, Set<String> allRules, Set<String> firedRules) {
        public Result {
            outcomes = List.copyOf(outcomes);
            problems = List.copyOf(problems);
            allRules = Set.copyOf(allRules);
            firedRules = Set.copyOf(firedRules);
        }

        public long checksPassed() {
            return outcomes.stream().flatMap(o -> o.checks().stream()).filter(ExpectationChecker.Check::passed).count();
        }

        public long checksFailed() {
            return outcomes.stream().flatMap(o -> o.checks().stream()).filter(c -> !c.passed()).count();
        }

        /** Rules that fired at least once, as a percentage of all rules of the pack. */
        public double coveragePercent() {
            return allRules.isEmpty() ? 100.0 : 100.0 * firedRules.size() / allRules.size();
        }

        public List<String> neverFired() {
            TreeSet<String> never = new TreeSet<>(allRules);
            never.removeAll(firedRules);
            return List.copyOf(never);
        }
    }

    private final RulePack pack;
    private final ScenarioReader reader;

    public ScenarioTestRun(RulePack pack, ScenarioReader reader) {
        this.pack = pack;
        this.reader = reader;
    }

    public Result run(List<Path> paths) {
        ScenarioFiles.Expansion expansion = ScenarioFiles.expand(paths);
        List<InputProblem> problems = new ArrayList<>(expansion.problems());
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        Evaluator evaluator = new Evaluator(pack);
        for (Path file : expansion.files()) {
            Scenario scenario;
            try {
                scenario = reader.read(file);
            } catch (InputException e) {
                problems.add(e.problem());
                continue;
            }
            Evaluator.Tracked tracked = evaluator.evaluateTracked(scenario, false);
            fired.addAll(tracked.firedRules());
            Evaluation evaluation = tracked.evaluation();
            if (scenario.expect() == null) {
                outcomes.add(new Outcome(scenario.file(), scenario.id(), false, List.of()));
            } else {
                outcomes.add(new Outcome(scenario.file(), scenario.id(), true,
                        ExpectationChecker.check(evaluation, scenario.expect())));
            }
        }
        // triage rules fire only under srm triage; the triage suite exercises them
        Set<String> evaluationRules = new TreeSet<>();
        pack.rules().values().stream().filter(r -> !"triage".equals(r.kind())).forEach(r -> evaluationRules.add(r.id()));
        return new Result(outcomes, problems, evaluationRules, fired);
    }
}
