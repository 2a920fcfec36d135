package dev.srm.model;

import dev.srm.facts.Inventory;
import dev.srm.facts.Setting;

import java.util.List;
import java.util.Objects;

/**
 * A scenario file, checked against the schema and turned into typed values.
 *
 * @param file     the file it came from, as the user named it (or {@code <stdin>:N})
 * @param account  account-wide settings, with the resource id {@code account}
 * @param owner    the team that owns the scenario's resources unless a resource's tag says otherwise
 * @param expect   what {@code srm test} checks, or null
 */
public record Scenario(String id, String title, String description, String file, Inventory inventory,
                       String owner, List<Setting> account, List<ResourceSpec> resources, Expectations expect) {
    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(inventory, "inventory");
        title = title == null ? id : title;
        account = List.copyOf(account);
        resources = List.copyOf(resources);
    }
}
