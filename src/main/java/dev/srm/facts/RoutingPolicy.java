package dev.srm.facts;

import java.util.Objects;

/** Where a triaged incident goes: the tag key that names a resource's team, and the scenario's default team (may be null). */
public record RoutingPolicy(String tagKey, String defaultTeam) {
    public RoutingPolicy {
        Objects.requireNonNull(tagKey, "tagKey");
    }
}
