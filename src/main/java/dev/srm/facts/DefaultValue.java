package dev.srm.facts;

import java.util.Objects;

/**
 * What CloudFormation does with a property a resource does not set, as the pack's data documents
 * it: {@code value} when a single value is stated, else null with {@code unknown} saying why
 * (the default depends on other settings, or the page states none). {@code pattern} is written
 * as requirements write it. Requirements judge an absent property on its default
 * (rules/core/resolution.drl), and the evidence says it was a default.
 */
public record DefaultValue(String resource, String pattern, String value, String unknown, String source) {
    public DefaultValue {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(pattern, "pattern");
        if (value == null && unknown == null) {
            throw new IllegalArgumentException("a default needs a value or the reason it has none: " + pattern);
        }
    }

    /** True when a single value is documented. */
    public boolean known() {
        return value != null;
    }

    /** The marker evidence carries when it was judged on a default. */
    public static final String MARK = "(CloudFormation default)";

    /** The default as evidence shows it: {@code PubliclyAccessible = false (CloudFormation default)}. */
    public String describe() {
        return pattern + " = " + value + " " + MARK + (source == null || source.isBlank() ? "" : ", per " + source);
    }
}
