package dev.srm.policy;

import dev.srm.model.WaiverNote;
import dev.srm.model.WaiverState;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An accepted risk: the findings it covers (control or rule, scenario and resource globs, tags
 * that must all match the resource's), why, who owns it, through which day it applies
 * (inclusive) and the ticket. {@code origin} is where it is written ({@code file:line:column}).
 */
public record Waiver(Glob control, Glob scenario, Glob resource, Map<String, String> tags, String reason, String owner,
                     LocalDate expires, String ticket, String origin) {
    public Waiver {
        Objects.requireNonNull(control, "control");
        scenario = scenario == null ? Glob.ANY : scenario;
        resource = resource == null ? Glob.ANY : resource;
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags == null ? Map.of() : tags));
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        origin = origin == null ? "" : origin;
    }

    /** Whether it covers the finding of {@code rule} on {@code resourceId} (with these tags) in {@code scenarioId}. */
    public boolean covers(String scenarioId, String resourceId, String rule, Map<String, String> resourceTags) {
        if (!control.matches(rule) || !scenario.matches(scenarioId) || !resource.matches(resourceId)) {
            return false;
        }
        return tags.entrySet().stream().allMatch(t -> t.getValue().equals(resourceTags.get(t.getKey())));
    }

    /** Its state on {@code asOf}: in force through {@code expires}, EXPIRING within {@code warnDays} of it, EXPIRED after. */
    public WaiverState stateOn(LocalDate asOf, int warnDays) {
        if (asOf.isAfter(expires)) {
            return WaiverState.EXPIRED;
        }
        return asOf.plusDays(warnDays).isBefore(expires) ? WaiverState.ACTIVE : WaiverState.EXPIRING;
    }

    /** What reports show of it on {@code asOf}. */
    public WaiverNote note(LocalDate asOf, int warnDays) {
        return new WaiverNote(reason, owner, expires, ticket, origin, stateOn(asOf, warnDays));
    }

    /** The same findings covered (a duplicate entry): same patterns and tags. */
    boolean sameTarget(Waiver o) {
        return control.equals(o.control) && scenario.equals(o.scenario) && resource.equals(o.resource) && tags.equals(o.tags);
    }
}
