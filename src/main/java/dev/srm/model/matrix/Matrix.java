package dev.srm.model.matrix;

import dev.srm.model.HasWarnings;

import java.util.List;

/**
 * The responsibility matrix of {@code srm matrix}: the layers in report order and one row per
 * subject, each computed by the rules on a synthetic scenario; {@code warnings} are the
 * evaluations' (an unknown configuration key, ...).
 */
public record Matrix(List<String> layers, List<Row> rows, List<String> warnings) implements HasWarnings {
    public Matrix {
        layers = List.copyOf(layers);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
