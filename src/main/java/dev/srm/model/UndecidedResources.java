package dev.srm.model;

import java.util.List;
import java.util.Map;

/**
 * Resources an input creates only under conditions srm cannot decide (a CloudFormation
 * resource whose {@code Condition} rests on a parameter without a value), and the scenario as it
 * would be without them. The scenario's own resources are the world in which they all exist; a
 * control is decided only when the other worlds agree on it.
 *
 * @param reasons    why each such resource may not exist, by resource id, in input order
 * @param without    the scenario's resources in the world where none of them exists (a security
 *                   group without the standalone rules that exist only under such a condition)
 * @param conditions the condition each of them exists under (a key: the condition's name, with a
 *                   nested stack's prefix), by resource id
 * @param worlds     for some conditions, the scenario's resources in the world where, among them,
 *                   only those of that condition exist, by condition key (a resource's controls
 *                   may hang on one of another condition: a bucket and its policy under two)
 */
public record UndecidedResources(Map<String, String> reasons, List<ResourceSpec> without, Map<String, String> conditions,
                                 Map<String, List<ResourceSpec>> worlds) {
    public UndecidedResources {
        reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
        without = List.copyOf(without);
        conditions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));
        Map<String, List<ResourceSpec>> copy = new java.util.LinkedHashMap<>();
        worlds.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        worlds = java.util.Collections.unmodifiableMap(copy);
    }
}
