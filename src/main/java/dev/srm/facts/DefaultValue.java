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
public record DefaultValue(String resource, String pattern, String value, String unknown, String source, boolean decided,
                           boolean leftUnset) {
    /** A default the catalogue documents for the type. */
    public DefaultValue(String resource, String pattern, String value, String unknown, String source) {
        this(resource, pattern, value, unknown, source, false, false);
    }

    /** A default the catalogue documents, or one a rule {@code decided} from other settings. */
    public DefaultValue(String resource, String pattern, String value, String unknown, String source, boolean decided) {
        this(resource, pattern, value, unknown, source, decided, false);
    }

    /**
     * The catalogue's default for a resource of an input that is not written as CloudFormation (a Terraform plan, an
     * AWS Config item): it applies where the input states the property unset (a null attribute, which the provider
     * does not send), and it is then what AWS gives the setting, which CloudFormation's page documents
     * ({@code leftUnset}).
     */
    public static DefaultValue leftUnset(String resource, String pattern, String value, String unknown, String source) {
        return new DefaultValue(resource, pattern, value, unknown, source, false, true);
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

    /** The marker of a default of an input not written as CloudFormation, which leaves the setting unset ({@link #leftUnset}). */
    public static final String AWS_DEFAULT = "(AWS default: the input leaves it unset)";

    /** The marker this default's evidence carries. */
    public String mark() {
        return decided ? IMPLIED : leftUnset ? AWS_DEFAULT : MARK;
    }

    /**
     * The default as evidence shows it: {@code PubliclyAccessible = false (CloudFormation default)}, or for a plan's null
     * attribute {@code DeletionProtection = false (AWS default: the input leaves it unset)}, each with its page.
     */
    public String describe() {
        return pattern + " = " + value + " " + mark() + (source == null || source.isBlank() ? "" : ", per " + source);
    }
}
