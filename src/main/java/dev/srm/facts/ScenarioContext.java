package dev.srm.facts;

import java.util.Objects;

/** One per session: which scenario is evaluated and how complete its inventory is. */
public record ScenarioContext(String id, Inventory inventory) {
    public ScenarioContext {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inventory, "inventory");
    }

    /** Whether the scenario lists everything, the account included. */
    public boolean complete() {
        return inventory == Inventory.COMPLETE;
    }

    /**
     * Whether absent evidence about {@code resource} means the control is missing: always with a
     * complete inventory, and for the listed resources (not the account) with a template's.
     */
    public boolean completeFor(String resource) {
        return inventory == Inventory.COMPLETE || inventory == Inventory.RESOURCES && !Resource.ACCOUNT.equals(resource);
    }
}
