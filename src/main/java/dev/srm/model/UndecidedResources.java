package dev.srm.model;

import java.util.List;
import java.util.Map;

/**
 * Resources an input creates only under conditions srm cannot decide (a CloudFormation
 * resource whose {@code Condition} rests on a parameter without a value), and the scenario as it
 * would be without them. The scenario's own resources are the world in which they all exist; a
 * control of another resource is decided only when both worlds agree on it.
 *
 * @param reasons  why each such resource may not exist, by resource id, in input order
 * @param without  the scenario's resources in the world where none of them exists (a security
 *                 group without the standalone rules that exist only under such a condition)
 */
public record UndecidedResources(Map<String, String> reasons, List<ResourceSpec> without) {
    public UndecidedResources {
        reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
        without = List.copyOf(without);
    }
}
