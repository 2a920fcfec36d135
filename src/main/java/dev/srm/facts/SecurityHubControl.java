package dev.srm.facts;

import java.util.Objects;

/** A Security Hub control id (e.g. {@code S3.8}) that a control of the pack implements. */
public record SecurityHubControl(String id, String control) {
    public SecurityHubControl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(control, "control");
    }
}
