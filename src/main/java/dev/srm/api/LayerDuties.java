package dev.srm.api;

import dev.srm.model.LayerResult;
import dev.srm.model.matrix.Duty;

import java.util.List;

/** The duties inside a layer result, as the matrix, compare and CRM views show them. */
final class LayerDuties {
    private LayerDuties() {
    }

    static List<Duty> of(LayerResult layer) {
        return layer == null ? List.of() : layer.duties().stream()
                .map(d -> new Duty(d.duty(), d.party().name(), d.rule(), d.reason(), d.source())).toList();
    }
}
