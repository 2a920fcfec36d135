package dev.srm.facts;

import java.util.Objects;

/**
 * A source of evidence to pull for an incident, what to look for in it, and the control
 * (on {@code subject}: a resource id or {@code account}) that would have produced it;
 * {@code control} is null when no control of the pack produces the source.
 */
public record EvidenceSource(String incident, String source, String subject, String control, String why, String rule) {
    public EvidenceSource {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(rule, "rule");
    }
}
