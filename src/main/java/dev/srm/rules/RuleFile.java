package dev.srm.rules;

import java.util.Objects;

/**
 * One file of a rule pack: {@code origin} is what a user is shown (a path on disk or
 * {@code bundled:model/classification.drl}), {@code relative} its path inside the pack with
 * forward slashes, {@code content} its text.
 */
public record RuleFile(String origin, String relative, String content) {
    public RuleFile {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(content, "content");
    }

    public boolean isDrl() {
        return relative.endsWith(".drl");
    }

    /** A generated CloudFormation schema file ({@code catalog/cloudformation/*.json}); not YAML data. */
    public boolean isSchema() {
        return relative.endsWith(".json") && relative.contains("cloudformation/");
    }

    public boolean isData() {
        return relative.endsWith(".yaml") || relative.endsWith(".yml");
    }
}
