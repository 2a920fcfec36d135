package dev.srm.run;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.model.RulesFailure;
import dev.srm.model.TestResults;
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
    private final Evaluator evaluator;
    private final RulePack pack;
    private final ScenarioReader reader;

    public ScenarioTestRun(RulePack pack, ScenarioReader reader) {
        this(new Evaluator(pack), reader);
    }

    /** A run evaluating with {@code evaluator} (its pack and time limit). */
    public ScenarioTestRun(Evaluator evaluator, ScenarioReader reader) {
        this.evaluator = evaluator;
        this.pack = evaluator.pack();
        this.reader = reader;
    }

    public TestResults run(List<Path> paths) {
        ScenarioFiles.Expansion expansion = ScenarioFiles.expand(paths);
        List<InputProblem> problems = new ArrayList<>(expansion.problems());
        List<TestResults.Outcome> outcomes = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        java.util.Map<java.time.LocalDate, Evaluator> byDay = new java.util.HashMap<>();
        Set<String> knownRules = new java.util.HashSet<>(pack.rules().keySet());
        knownRules.addAll(pack.controls().keySet());
        for (Path file : expansion.files()) {
            Scenario scenario;
            try {
                scenario = reader.read(file);
            } catch (InputException e) {
                problems.add(e.problem());
                continue;
            }
            // expectations pinned to a day (expect.asOf) are checked as of that day, so they do not change with the calendar
            Evaluator byScenario = scenario.expect() == null || scenario.expect().asOf() == null ? evaluator
                    : byDay.computeIfAbsent(scenario.expect().asOf(), day -> new Evaluator(pack, day, evaluator.timeout()));
            Evaluator.Tracked tracked;
            try {
                tracked = byScenario.evaluateTracked(scenario, false);
            } catch (RulesFailure e) {
                problems.add(e.problem());
                continue;
            }
            fired.addAll(tracked.firedRules());
            Evaluation evaluation = tracked.evaluation();
            if (scenario.expect() == null) {
                outcomes.add(new TestResults.Outcome(scenario.file(), scenario.id(), false, List.of()));
            } else {
                outcomes.add(new TestResults.Outcome(scenario.file(), scenario.id(), true,
                        ExpectationChecker.check(evaluation, scenario.expect(), knownRules)));
            }
        }
        // triage rules fire only under srm triage; the triage suite exercises them
        Set<String> evaluationRules = new TreeSet<>();
        pack.rules().values().stream().filter(r -> !"triage".equals(r.kind())).forEach(r -> evaluationRules.add(r.id()));
        return new TestResults(outcomes, problems, evaluationRules, fired);
    }
}
