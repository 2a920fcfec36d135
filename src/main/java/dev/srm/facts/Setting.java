package dev.srm.facts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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

    private static final String ONE_OF = "${unknown, one of ";

    /**
     * The value of a setting the input knows to be one of {@code values}, not which (a template's
     * {@code Fn::If} between plain values on a condition srm cannot decide):
     * {@code ${unknown, one of 'aws:kms', 'AES256': reason}}, each value quoted, a quote doubled.
     * A requirement that every one of them meets, or none, is decided ({@code Requirement#decides}).
     */
    public static String unknownOneOf(List<String> values, String reason) {
        StringBuilder b = new StringBuilder(ONE_OF);
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "'" : ", '").append(values.get(i).replace("'", "''")).append('\'');
        }
        return b.append(": ").append(reason).append('}').toString();
    }

    /** The values an unknown value is known to be one of (see {@link #unknownOneOf}); empty for any other value. */
    public static List<String> oneOf(String value) {
        if (value == null || !value.startsWith(ONE_OF) || !value.endsWith("}")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int i = ONE_OF.length();
        while (i < value.length() && value.charAt(i) == '\'') {
            StringBuilder v = new StringBuilder();
            int j = i + 1;
            while (j < value.length()) {
                if (value.charAt(j) == '\'' && j + 1 < value.length() && value.charAt(j + 1) == '\'') {
                    v.append('\'');
                    j += 2;
                } else if (value.charAt(j) == '\'') {
                    break;
                } else {
                    v.append(value.charAt(j++));
                }
            }
            if (j >= value.length()) {
                return List.of(); // not one of ours: no closing quote
            }
            out.add(v.toString());
            i = j + 1;
            if (value.startsWith(", ", i)) {
                i += 2;
            } else if (value.startsWith(": ", i)) {
                return List.copyOf(out);
            } else {
                return List.of();
            }
        }
        return List.of();
    }

    /** For evidence read from a value known to be one of several: {@code  (every value it can take: 35, 7)}; else empty. */
    public String choices() {
        List<String> values = oneOf(value);
        return values.isEmpty() ? "" : " (every value it can take: " + String.join(", ", values) + ")";
    }

    /** The value as evidence shows it: a value known to be one of several as {@code TLSv1 or TLSv1.1 (whichever the conditions choose)}. */
    public String shown() {
        if (value != null && value.isEmpty()) {
            return "\"\" (an empty string)";
        }
        List<String> values = oneOf(value);
        return values.isEmpty() ? value : String.join(" or ", values) + " (whichever the conditions choose)";
    }

    /** True when the input could not determine the value (see {@link #unknownValue}). */
    public boolean isUnknown() {
        return isUnknown(value);
    }

    /** Whether a value is one the input could not determine (see {@link #unknownValue}). */
    public static boolean isUnknown(String value) {
        return value != null && (value.equals(UNKNOWN)
                || (value.startsWith("${unknown: ") || value.startsWith(MAY_BE_ABSENT) || value.startsWith(ONE_OF))
                && value.endsWith("}"));
    }

    /**
     * Why the input could not determine the value ({@link #unknownValue}, {@link #unknownPresence},
     * {@link #unknownOneOf}): the reason it carries, or "" when it gives none or the value is known.
     */
    public String unknownReason() {
        if (!isUnknown() || value.equals(UNKNOWN)) {
            return "";
        }
        String body = value.substring(0, value.length() - 1);
        if (body.startsWith(ONE_OF)) {
            int at = body.indexOf("': ");
            return at < 0 ? "" : body.substring(at + 3);
        }
        return body.substring(body.startsWith(MAY_BE_ABSENT) ? MAY_BE_ABSENT.length() : "${unknown: ".length());
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

    /**
     * The list element this setting lies in, the path up to its first index:
     * {@code EventSelectors[1].DataResources[0].Type} gives {@code EventSelectors[1]}, so that rules
     * can read a sibling of the same element ({@code element() + ".ReadWriteType"}); the path itself
     * when it is in no list.
     */
    public String element() {
        int end = path.indexOf(']');
        return end < 0 ? path : path.substring(0, end + 1);
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
