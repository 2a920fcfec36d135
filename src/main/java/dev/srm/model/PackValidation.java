package dev.srm.model;

import java.util.List;

/**
 * A rule pack's problems (compile errors, metadata, CONFLICTs over scenarios), one line each, its
 * size, and its warnings (what the pack should still declare, e.g. controls without {@code @absent}, and calls a
 * rule should not make, such as System.exit).
 */
public record PackValidation(List<String> problems, int rules, int controls, List<String> warnings) {
    public PackValidation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public PackValidation(List<String> problems, int rules, int controls) {
        this(problems, rules, controls, List.of());
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
