package dev.srm.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code srm test} found: one outcome per scenario, the inputs that could not be read,
 * and which rules of the pack fired at least once (rule coverage).
 */
public record TestResults(List<Outcome> outcomes, List<InputProblem> problems, Set<String> allRules, Set<String> firedRules) {
    public TestResults {
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
        allRules = Set.copyOf(allRules);
        firedRules = Set.copyOf(firedRules);
    }

    /** One expectation and whether it held. */
    public record Check(String name, String expected, String actual, boolean passed) {
        @Override
        public String toString() {
            return name + ": expected " + expected + ", got " + actual;
        }
    }

    /** One scenario's checks; {@code checks} is empty for a scenario without expectations. */
    public record Outcome(String file, String scenario, boolean hasExpectations, List<Check> checks) {
        public Outcome {
            checks = List.copyOf(checks);
        }

        public List<Check> failures() {
            return checks.stream().filter(c -> !c.passed()).toList();
        }

        public boolean passed() {
            return failures().isEmpty();
        }
    }

    public long checksPassed() {
        return outcomes.stream().flatMap(o -> o.checks().stream()).filter(Check::passed).count();
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
