package dev.srm.facts;

import java.util.Objects;

/**
 * One step of the response, for whoever must act first: {@code step} orders the steps of
 * all rules (lower first), {@code feature} names the AWS feature or service to use.
 */
public record FirstAction(String incident, int step, String text, String feature, String rule) {
    public FirstAction {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rule, "rule");
    }
}
