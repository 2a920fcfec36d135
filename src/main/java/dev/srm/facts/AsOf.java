package dev.srm.facts;

import java.util.Objects;

/**
 * The day a session evaluates on ({@code --as-of}, today when none is given): rules that
 * depend on dates (a version past its end of support) read it here, never the clock, so the
 * same input and day give the same answer.
 */
public record AsOf(java.time.LocalDate day) {
    public AsOf {
        Objects.requireNonNull(day, "day");
    }
}
