package dev.srm.model;

import java.util.List;

/**
 * A rule pack's problems (compile errors, metadata, CONFLICTs over scenarios), one line each, its
 * size, its warnings (calls a rule should not make, such as System.exit: printed), and the
 * controls that still have to declare what an absent setting means (counted: {@code @absent}).
 */
public record PackValidation(List<String> problems, int rules, int controls, List<String> warnings, List<String> undeclaredAbsent) {
    public PackValidation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        undeclaredAbsent = List.copyOf(undeclaredAbsent);
    }

    public PackValidation(List<String> problems, int rules, int controls) {
        this(problems, rules, controls, List.of(), List.of());
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
