package dev.srm.facts;

import java.util.Objects;

/** Something not to spend time on during this incident, and why. */
public record Distraction(String incident, String text, String rule) {
    public Distraction {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rule, "rule");
    }
}
