package dev.srm.facts;

import java.util.Objects;

/** One per session: which scenario is evaluated and how complete its inventory is. */
public record ScenarioContext(String id, Inventory inventory) {
    public ScenarioContext {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inventory, "inventory");
    }

    public boolean complete() {
        return inventory == Inventory.COMPLETE;
    }
}
