package dev.srm.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the configuration must say for a control to be met: the setting at {@code pattern}
 * compared with {@code expected} by {@code op}. Rules state requirements; generic rules turn
 * them into {@link Evidence}.
 */
public record Requirement(String resource, String control, String pattern, Op op, String expected, String rule) {
    /** Comparison operators a requirement may use. */
    public enum Op {
        EQUALS, NOT_EQUALS, AT_LEAST, AT_MOST, PRESENT, ABSENT, ONE_OF, NOT_ONE_OF, STARTS_WITH, NOT_EMPTY
    }

    public Requirement {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(op, "op");
    }

    /**
     * Whether a setting's pattern is one this requirement reads: the same pattern, or for
     * presence checks (present, absent, notEmpty) anything below it ({@code LoggingConfiguration}
     * is present when {@code LoggingConfiguration.DestinationBucketName} is).
     */
    public boolean covers(String settingPattern) {
        if (settingPattern.equals(pattern)) {
            return true;
        }
        boolean presence = op == Op.PRESENT || op == Op.ABSENT || op == Op.NOT_EMPTY;
        return presence && settingPattern.length() > pattern.length() && settingPattern.startsWith(pattern)
                && (settingPattern.charAt(pattern.length()) == '.' || settingPattern.charAt(pattern.length()) == '[');
    }

    /**
     * Whether a setting this requirement covers decides it: a known value always does; an unknown
     * one only a presence check, and only when the input knows the setting is there.
     */
    public boolean decides(Setting s) {
        return !s.isUnknown() || op == Op.PRESENT && !s.mayBeAbsent();
    }

    /**
     * Whether an unknown setting leaves this requirement undecided: one this requirement reads
     * that does not decide it, or a whole list or object above what it reads ({@code
     * PolicyDocument} unknown leaves {@code PolicyDocument.Statement[*].Effect} undecided).
     */
    public boolean undecidedBy(Setting s) {
        if (!s.isUnknown()) {
            return false;
        }
        String p = s.pattern();
        return covers(p) ? !decides(s) : pattern.length() > p.length() && pattern.startsWith(p)
                && (pattern.charAt(p.length()) == '.' || pattern.charAt(p.length()) == '[');
    }

    /**
     * For a negative requirement on list elements ({@code Statement[*].Principal != *}), the
     * list pattern it ranges over ({@code Statement[*]}); null otherwise. Such a requirement
     * holds vacuously when the list has elements but none sets the field.
     */
    public String vacuousOver() {
        boolean negative = op == Op.NOT_EQUALS || op == Op.NOT_ONE_OF || op == Op.ABSENT;
        int star = pattern.lastIndexOf("[*]");
        return negative && star > 0 && star + 3 < pattern.length() ? pattern.substring(0, star + 3) : null;
    }

    /** Whether an actual value satisfies this requirement. Comparison only: no policy here. */
    public boolean accepts(String actual) {
        return switch (op) {
            case PRESENT -> true;
            case ABSENT -> false;
            case NOT_EMPTY -> actual != null && !actual.isBlank();
            case EQUALS -> actual != null && actual.equalsIgnoreCase(expected);
            case NOT_EQUALS -> actual == null || !actual.equalsIgnoreCase(expected);
            case STARTS_WITH -> actual != null && actual.toLowerCase(Locale.ROOT).startsWith(expected.toLowerCase(Locale.ROOT));
            case ONE_OF -> actual != null && options().anyMatch(actual::equalsIgnoreCase);
            case NOT_ONE_OF -> actual == null || options().noneMatch(actual::equalsIgnoreCase);
            case AT_LEAST -> compare(actual) >= 0;
            case AT_MOST -> compare(actual) <= 0 && compare(actual) != Integer.MIN_VALUE;
        };
    }

    private java.util.stream.Stream<String> options() {
        return Arrays.stream(expected.split(",")).map(String::trim);
    }

    /** actual compared with expected as numbers; Integer.MIN_VALUE when either is not a number. */
    private int compare(String actual) {
        try {
            return actual == null ? Integer.MIN_VALUE : new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.trim()));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }

    /** The requirement as people read it, e.g. {@code StorageEncrypted = true}. */
    public String describe() {
        return switch (op) {
            case PRESENT -> pattern + " is set";
            case ABSENT -> pattern + " is not set";
            case NOT_EMPTY -> pattern + " is not empty";
            case EQUALS -> pattern + " = " + expected;
            case NOT_EQUALS -> pattern + " != " + expected;
            case STARTS_WITH -> pattern + " starts with " + expected;
            case ONE_OF -> pattern + " in [" + expected + "]";
            case NOT_ONE_OF -> pattern + " not in [" + expected + "]";
            case AT_LEAST -> pattern + " >= " + expected;
            case AT_MOST -> pattern + " <= " + expected;
        };
    }
}
