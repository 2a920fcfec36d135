package dev.srm.facts;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One per session: which scenario is evaluated and how complete its inventory is, as a whole and,
 * for inputs that state some properties whole although the inventory is partial (a Terraform plan's
 * attributes, null included), per resource and configuration path ({@code stated}).
 */
public record ScenarioContext(String id, Inventory inventory, Map<String, Set<String>> stated, Set<String> partial) {
    public ScenarioContext {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(inventory, "inventory");
        stated = stated == null ? Map.of() : Map.copyOf(stated);
        partial = partial == null ? Set.of() : Set.copyOf(partial);
    }

    public ScenarioContext(String id, Inventory inventory, Map<String, Set<String>> stated) {
        this(id, inventory, stated, Set.of());
    }

    public ScenarioContext(String id, Inventory inventory) {
        this(id, inventory, Map.of());
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
        if (partial.contains(resource)) {
            return false; // the input does not hold all of this resource's configuration (ResourceSpec.partial)
        }
        return inventory == Inventory.COMPLETE || inventory == Inventory.RESOURCES && !Resource.ACCOUNT.equals(resource);
    }

    /**
     * Whether the absence of the setting at {@code pattern} of {@code resource} is evidence: the
     * inventory is complete for the resource, or the input states that path (or one above it).
     */
    public boolean completeFor(String resource, String pattern) {
        return completeFor(resource) || states(resource, pattern);
    }

    /**
     * Whether the input states the setting at {@code pattern} of {@code resource} although its
     * inventory is not complete for the resource: the only case in which an absence there is
     * evidence that rules reading the inventory alone do not see.
     */
    public boolean statesUnset(String resource, String pattern) {
        return !completeFor(resource) && states(resource, pattern);
    }

    private boolean states(String resource, String pattern) {
        return StatedPaths.cover(stated.getOrDefault(resource, Set.of()), pattern);
    }
}
