package dev.srm.model;

import java.util.List;

/** One rule: its metadata, its DRL text, and the scenario files in which it fires. */
public record RuleDetail(RuleInfo rule, String text, List<String> exercisedBy, List<String> warnings) {
    public RuleDetail {
        exercisedBy = List.copyOf(exercisedBy);
        warnings = List.copyOf(warnings);
    }
}
