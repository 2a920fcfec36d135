package dev.srm.report;

import dev.srm.model.InputProblem;

/** The JSON of an input that could not be used; {@code error} is the one line a user sees. */
public record ProblemJson(String file, String where, String message, String error) {
    public static ProblemJson of(InputProblem p) {
        return new ProblemJson(p.file(), p.where(), p.message(), p.toString());
    }
}
