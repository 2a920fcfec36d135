package dev.srm.model;

import java.util.List;

/** A rule pack's problems (compile errors, metadata, CONFLICTs over scenarios), one line each, and its size. */
public record PackValidation(List<String> problems, int rules, int controls) {
    public PackValidation {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
