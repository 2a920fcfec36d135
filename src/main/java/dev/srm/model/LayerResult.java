package dev.srm.model;

import java.util.List;

/**
 * Who owns one layer of a resource, the rule that said so and why, and the duties the layer is
 * made of, each with its own party (the layer's party is derived from them); {@code explanation}
 * only with --explain.
 */
public record LayerResult(String layer, Responsibility party, String rule, String reason, List<DutyResult> duties,
                          List<String> explanation) {
    public LayerResult {
        duties = List.copyOf(duties);
        explanation = List.copyOf(explanation);
    }

    /** The duty with this id, or null. */
    public DutyResult duty(String id) {
        return duties.stream().filter(d -> d.duty().equals(id)).findFirst().orElse(null);
    }
}
