package dev.srm.model.matrix;

import java.util.Objects;

/**
 * One duty inside a layer (for example {@code runtime-patching} inside guest-os-and-app-patching)
 * and who holds it, as the engine decided; {@code party} is AWS, CUSTOMER, SHARED, NONE, UNKNOWN or
 * CONFLICT. Null fields are ones the engine did not give.
 */
public record Duty(String id, String party, String rule, String reason, String source) {
    public Duty {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(party, "party");
    }
}
