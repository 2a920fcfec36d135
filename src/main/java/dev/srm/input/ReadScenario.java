package dev.srm.input;

import dev.srm.model.Scenario;

import java.util.List;
import java.util.Objects;

/**
 * A scenario as a reader derived it, with what the reader has to say about it: a type it has no
 * mapping for, values unknown until apply, items it skipped. The runs add these to the
 * evaluation's warnings, so that reports count them.
 */
public record ReadScenario(Scenario scenario, List<String> warnings) {
    public ReadScenario {
        Objects.requireNonNull(scenario, "scenario");
        warnings = List.copyOf(warnings);
    }

    /** A scenario the reader has nothing to say about. */
    public static ReadScenario of(Scenario scenario) {
        return new ReadScenario(scenario, List.of());
    }
}
