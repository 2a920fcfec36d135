package dev.srm.model;

import java.util.List;

/**
 * Who holds one duty of a layer (a part of the layer, such as {@code os-patching} of
 * guest-os-and-app-patching), the rule that said so, why, and the AWS page that states it;
 * {@code explanation} only with --explain.
 */
public record DutyResult(String duty, String title, Responsibility party, String rule, String reason, String source,
                         List<String> explanation) {
    public DutyResult {
        explanation = List.copyOf(explanation);
    }
}
