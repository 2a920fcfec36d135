package dev.srm.model.matrix;

import dev.srm.model.HasWarnings;

import java.util.List;
import java.util.Objects;

/**
 * What moves between two designs ({@code srm compare FROM TO}): the layers and duties whose
 * party changes, the customer controls that appear and disappear, and the AWS integrations
 * gained and lost. {@code unchanged} are the layers whose party stays.
 */
public record Comparison(Row from, Row to, List<Move> moves, List<Cell> unchanged, List<ControlRef> newControls,
                         List<ControlRef> goneControls, List<String> integrationsGained, List<String> integrationsLost,
                         List<String> warnings) implements HasWarnings {
    public Comparison {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        moves = List.copyOf(moves);
        unchanged = List.copyOf(unchanged);
        newControls = List.copyOf(newControls);
        goneControls = List.copyOf(goneControls);
        integrationsGained = List.copyOf(integrationsGained);
        integrationsLost = List.copyOf(integrationsLost);
        warnings = List.copyOf(warnings);
    }

    public List<Move> moves(Move.Direction direction) {
        return moves.stream().filter(m -> m.direction() == direction).toList();
    }
}
