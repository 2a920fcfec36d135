package dev.srm.facts;

import java.util.Objects;

/** The team an incident goes to ({@code null} when nothing names one), and why. */
public record Route(String incident, String team, String reason, String rule) {
    public Route {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(rule, "rule");
    }
}
