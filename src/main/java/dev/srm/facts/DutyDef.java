package dev.srm.facts;

import java.util.Objects;

/** A duty of the pack's duty catalogue: its id, the layer it belongs to and its title. */
public record DutyDef(String id, String layer, String title) {
    public DutyDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
    }
}
