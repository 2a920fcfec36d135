package dev.srm.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A waiver written on one resource (a scenario's resource-level {@code waivers:} block): the
 * fields of a waivers-file entry without scenario, resource and tags, which are the resource's.
 * {@code control} may be a glob; {@code origin} is {@code file:line:column}.
 */
public record ResourceWaiver(String control, String reason, String owner, LocalDate expires, String ticket, String origin) {
    public ResourceWaiver {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        origin = origin == null ? "" : origin;
    }
}
