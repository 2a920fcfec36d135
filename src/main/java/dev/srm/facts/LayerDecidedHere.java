package dev.srm.facts;

import java.util.Objects;

/**
 * A layer of a resource with a {@link DutyBaseline} that its session decides itself, because a
 * configuration or lifecycle rule claims one of its duties: the rows' claims on the layer join
 * that claim in the session, and neither the baseline's layer decision nor its duty decisions
 * are taken for it.
 */
public record LayerDecidedHere(String resource, String layer) {
    public LayerDecidedHere {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(layer, "layer");
    }
}
