package dev.srm.model;

import java.util.List;

/**
 * A rule pack's problems (compile errors, metadata, CONFLICTs over scenarios), one line each,
 * its warnings (calls a rule should not make, such as System.exit) and its size.
 */
public record PackValidation(List<String> problems, List<String> warnings, int rules, int controls) {
    public PackValidation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public PackValidation(List<String> problems, int rules, int controls) {
        this(problems, List.of(), rules, controls);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
