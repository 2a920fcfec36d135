package dev.srm.facts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One leaf of a resource's configuration: {@code path} is the property path with list
 * indexes ({@code SecurityGroupIngress[0].CidrIp}), {@code pattern} the same path with
 * {@code [*]} for every index, {@code value} the scalar as text ({@code null} for a null).
 * Account-wide facts use the resource id {@link Resource#ACCOUNT}.
 */
public record Setting(String resource, String path, String pattern, String value) {
    public Setting {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * The value of a setting an input cannot determine (a template's {@code Fn::ImportValue}, a
     * condition srm cannot decide, Terraform's "known after apply"): {@code ${unknown: reason}},
     * or just {@value #UNKNOWN} when there is no reason to give. Requirements that read such a
     * setting give UNKNOWN evidence, never MET or NOT_MET (rules/core/resolution.drl).
     */
    public static String unknownValue(String reason) {
        return reason == null || reason.isBlank() ? UNKNOWN : "${unknown: " + reason + "}";
    }

    /** The value of a setting whose value the input cannot know, when it gives no reason. */
    public static final String UNKNOWN = "${unknown}";

    private static final String MAY_BE_ABSENT = "${unknown, may be absent: ";

    /**
     * The value of a setting that may not even be there (a template's {@code Fn::If} on a condition
     * srm cannot decide, one branch of which is {@code AWS::NoValue}):
     * {@code ${unknown, may be absent: reason}}. Unlike {@link #unknownValue}, it does not show
     * that the setting is present.
     */
    public static String unknownPresence(String reason) {
        return MAY_BE_ABSENT + reason + "}";
    }

    /** True when the input could not determine the value (see {@link #unknownValue}). */
    public boolean isUnknown() {
        return value != null && (value.equals(UNKNOWN)
                || (value.startsWith("${unknown: ") || value.startsWith(MAY_BE_ABSENT)) && value.endsWith("}"));
    }

    /** True when the input could not determine whether the setting is there at all (see {@link #unknownPresence}). */
    public boolean mayBeAbsent() {
        return value != null && value.startsWith(MAY_BE_ABSENT) && value.endsWith("}");
    }

    /** True for the boolean true in any case. */
    public boolean isTrue() {
        return "true".equalsIgnoreCase(value);
    }

    /** True for the boolean false in any case. */
    public boolean isFalse() {
        return "false".equalsIgnoreCase(value);
    }

    /** The value as a number, or null when it is not one. */
    public BigDecimal number() {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value as a whole number, or the given fallback when it is not one. */
    public long longValue(long fallback) {
        BigDecimal n = number();
        return n == null ? fallback : n.longValue();
    }

    /** True when the value starts with the prefix, ignoring case. */
    public boolean startsWith(String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The path as shown to people: {@code resource:path = value}. */
    public String describe() {
        return path + " = " + value;
    }
}
