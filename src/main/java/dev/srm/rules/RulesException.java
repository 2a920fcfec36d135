package dev.srm.rules;

import java.util.List;

/** A rule pack that cannot be read or compiled; each problem is one {@code file:line: message} line. */
public final class RulesException extends Exception {
    private final List<String> problems;

    public RulesException(List<String> problems) {
        super(problems.isEmpty() ? "rule pack error" : problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public RulesException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
