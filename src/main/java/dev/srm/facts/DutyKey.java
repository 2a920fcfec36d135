package dev.srm.facts;

import java.util.Objects;

/**
 * What the rows of the duty tables read of a resource: its service, variant and service model.
 * The rows match this fact, not the resource's {@link Classification}, so that the pack can
 * fire them once per key ({@link DutyMatrix}) instead of once per resource; a session holds
 * one per resource only where the rows must fire there ({@link DutiesInFull}, or a resource
 * that rules classify two ways).
 */
public record DutyKey(String resource, String service, String variant, ServiceModel model) {
    public DutyKey {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(model, "model");
    }

    public static DutyKey of(Classification c) {
        return new DutyKey(c.resource(), c.service(), c.variant(), c.model());
    }
}
