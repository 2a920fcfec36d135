package dev.srm.model.matrix;

import dev.srm.model.Responsibility;

import java.util.List;
import java.util.Objects;

/**
 * Who holds one layer of a row, the rule that decided it, its reason and the AWS page the rule
 * cites, and the duties inside the layer when the engine gives them (empty otherwise).
 */
public record Cell(String layer, Responsibility party, String rule, String reason, String source, List<Duty> duties) {
    public Cell {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(party, "party");
        duties = List.copyOf(duties);
    }
}
