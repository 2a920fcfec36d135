package dev.srm.facts;

import java.util.Objects;

/**
 * A rule's reason why the input is no incident of any kind, or of no kind srm knows: a control
 * finding whose check passed, could not run or gave no result, an AWS Health event type no rule
 * reads. While one stands, no reading of the finding decides a kind (a kind the input names
 * still does), and the triage says why it has none.
 */
public record NoKind(String incident, String reason, String rule) {
    public NoKind {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
