package dev.srm.facts;

import java.util.Objects;

/**
 * What CloudFormation does with a property a resource does not set, as the pack's data documents
 * it: {@code value} when a single value is stated, else null with {@code unknown} saying why
 * (the default depends on other settings, or the page states none). {@code pattern} is written
 * as requirements write it. Requirements judge an absent property on its default
 * (rules/core/resolution.drl), and the evidence says it was a default.
 *
 * <p>{@code decided} marks a default that a rule derived from other settings of the input
 * ({@code Srm.defaultFrom}: an RDS database's PubliclyAccessible from its subnet group's VPC,
 * an Object Lock bucket's versioning); for one resource and pattern it takes the place of the
 * catalogue's, which describes a resource that has none of those settings.
 */
public record DefaultValue(String resource, String pattern, String value, String unknown, String source, boolean decided) {
    /** A default the catalogue documents for the type. */
    public DefaultValue(String resource, String pattern, String value, String unknown, String source) {
        this(resource, pattern, value, unknown, source, false);
    }

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

    /**
     * True when a rule found that another resource, outside the input, decides the value (an Elastic Beanstalk
     * environment's saved configuration): the requirement is undecided, not absent.
     */
    public boolean undecided() {
        return decided && value == null;
    }

    /** True when this default, decided by other settings, takes the place of {@code other}, the catalogue's. */
    public boolean overrides(DefaultValue other) {
        return decided && !other.decided && resource.equals(other.resource) && pattern.equals(other.pattern);
    }

    /** The marker evidence carries when it was judged on a default. */
    public static final String MARK = "(CloudFormation default)";

    /** The marker of a default a rule decided from other settings. */
    public static final String IMPLIED = "(implied by other settings)";

    /** The marker this default's evidence carries. */
    public String mark() {
        return decided ? IMPLIED : MARK;
    }

    /** The default as evidence shows it: {@code PubliclyAccessible = false (CloudFormation default)}. */
    public String describe() {
        return pattern + " = " + value + " " + mark() + (source == null || source.isBlank() ? "" : ", per " + source);
    }
}
