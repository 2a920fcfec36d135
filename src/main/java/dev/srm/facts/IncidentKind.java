package dev.srm.facts;

import java.util.Objects;

/** The kind an incident is, once given by the input or read from a finding; {@code rule} is the rule that said so. */
public record IncidentKind(String incident, String kind, String reason, String rule) {
    public IncidentKind {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
    }

    public static IncidentKind of(KindSignal signal) {
        return new IncidentKind(signal.incident(), signal.kind(), signal.reason(), signal.rule());
    }
}
