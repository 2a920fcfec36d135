package dev.srm.facts;

import java.util.Objects;

/** A rule's conclusion on whether an evidence source was recording, with what in the scenario shows it. */
public record SourceStatus(String incident, String source, SourceState state, String detail, String rule) {
    public SourceStatus {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rule, "rule");
    }
}
