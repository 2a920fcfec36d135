package dev.srm.model;

import java.util.List;

/** Who owns one layer of a resource, the rule that said so and why; {@code explanation} only with --explain. */
public record LayerResult(String layer, Responsibility party, String rule, String reason, List<String> explanation) {
    public LayerResult {
        explanation = List.copyOf(explanation);
    }
}
