package dev.srm.model;

import java.util.Objects;

/**
 * Why an input could not be used: the file, where in it (line:column or a JSON pointer, may
 * be empty) and what was expected. {@link #toString()} is the one line a user sees.
 */
public record InputProblem(String file, String where, String message) {
    public InputProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        where = where == null ? "" : where;
    }

    @Override
    public String toString() {
        return where.isEmpty() ? file + ": " + message : file + ":" + where + ": " + message;
    }
}
