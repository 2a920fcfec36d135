package dev.srm.facts;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the configuration must say for a control to be met: the setting at {@code pattern}
 * compared with {@code expected} by {@code op}, over list elements as {@code quantifier} says.
 * Rules state requirements; generic rules turn them into {@link Evidence}.
 */
public record Requirement(String resource, String control, String pattern, Op op, String expected, String rule,
                          Quantifier quantifier) {
    /** Comparison operators a requirement may use; rules name them in camel case ({@code notOneOf}). */
    public enum Op {
        EQUALS, NOT_EQUALS, AT_LEAST, AT_MOST, PRESENT, ABSENT, ONE_OF, NOT_ONE_OF, STARTS_WITH, NOT_CONTAINS, NOT_EMPTY,
        /** A comma-separated value ({@code HealthCheckType: ELB,EBS}) lists the expected item. */
        LISTS;

        private static final java.util.Map<String, Op> BY_NAME = new java.util.HashMap<>();

        static {
            for (Op op : values()) { // EQUALS -> equals, NOT_ONE_OF -> notOneOf
                StringBuilder camel = new StringBuilder();
                for (String part : op.name().toLowerCase(Locale.ROOT).split("_")) {
                    camel.append(camel.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
                }
                BY_NAME.put(camel.toString(), op);
            }
        }

        /** The operator a rule writes as {@code notOneOf}; null when there is none of that name. */
        public static Op parse(String name) {
            Op known = name == null ? null : BY_NAME.get(name); // every requirement a rule draws parses its operator
            if (known != null) {
                return known;
            }
            String upper = name == null ? "" : name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            for (Op op : values()) {
                if (op.name().equals(upper)) {
                    return op;
                }
            }
            return null;
        }
    }

    /**
     * How a requirement on list elements ({@code Statement[*].Effect}) reads the list:
     * EVERY element that sets the field must satisfy it (an empty or absent list shows nothing:
     * ABSENT); SOME element must (an empty list, or elements none of which satisfy it: NOT_MET);
     * NONE may (an empty or absent list: MET). Without {@code [*]} all three read the one value.
     */
    public enum Quantifier {
        EVERY, SOME, NONE
    }

    public Requirement {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(quantifier, "quantifier");
    }

    /** A requirement on every element (the reading of a rule that names no quantifier). */
    public Requirement(String resource, String control, String pattern, Op op, String expected, String rule) {
        this(resource, control, pattern, op, expected, rule, Quantifier.EVERY);
    }

    /** The list a quantified requirement ranges over ({@code Statement[*]}); null when the pattern has no {@code [*]}. */
    public String listPattern() {
        int star = pattern.lastIndexOf("[*]");
        return star > 0 ? pattern.substring(0, star + 3) : null;
    }

    /** Whether a setting is an element of (or the whole of) the list this requirement ranges over. */
    public boolean inList(String settingPattern) {
        String list = listPattern();
        return list != null && (settingPattern.startsWith(list) || settingPattern.equals(list.substring(0, list.length() - 3)));
    }

    /** Whether the requirement compares a value (a documented default can decide it), not just presence. */
    public boolean readsValue() {
        return op != Op.PRESENT && op != Op.ABSENT && op != Op.NOT_EMPTY;
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
     * one a presence or absence check when the input knows the setting is there (a policy ARN that
     * is a reference: some policy is attached), and any check when the
     * input knows the values it can take ({@link Setting#unknownOneOf}) and every one of them
     * meets the requirement, or none does ({@code 35 or 7} days of backups meet "at least 7").
     */
    public boolean decides(Setting s) {
        if (!s.isUnknown() || (op == Op.PRESENT || op == Op.ABSENT) && !s.mayBeAbsent()) {
            return true;
        }
        List<String> values = Setting.oneOf(s.value());
        return !values.isEmpty() && values.stream().map(this::acceptsValue).distinct().count() == 1;
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
        if (quantifier != Quantifier.EVERY) {
            return null;
        }
        boolean negative = op == Op.NOT_EQUALS || op == Op.NOT_ONE_OF || op == Op.NOT_CONTAINS || op == Op.ABSENT;
        int star = pattern.lastIndexOf("[*]");
        return negative && star > 0 && star + 3 < pattern.length() ? pattern.substring(0, star + 3) : null;
    }

    /**
     * Whether a setting satisfies this requirement: {@link #accepts(String)} on its value, except
     * that an empty string or an empty list written for the property a presence check names does
     * not set it ({@code DefaultRootObject: ""} is how CloudFront removes a default root object; an
     * empty key id, ARN or name configures nothing; {@code SubnetIds: []} connects no subnet). A child of the property (an empty
     * {@code LogFilePrefix} under a {@code LoggingConfiguration} that must be set) does not count.
     */
    public boolean accepts(Setting s) {
        if (op == Op.PRESENT && s.value() != null && (s.value().isBlank() || s.value().equals("[]")) && s.pattern().equals(pattern)) {
            return false;
        }
        return accepts(s.value());
    }

    /**
     * Whether an actual value satisfies this requirement. Comparison only: no policy here. A value
     * known to be one of several ({@link Setting#unknownOneOf}) satisfies it when every one does.
     */
    public boolean accepts(String actual) {
        List<String> values = Setting.oneOf(actual);
        return values.isEmpty() ? acceptsValue(actual) : values.stream().allMatch(this::acceptsValue);
    }

    private boolean acceptsValue(String actual) {
        return switch (op) {
            case PRESENT -> true;
            case ABSENT -> false;
            case NOT_EMPTY -> actual != null && !actual.isBlank() && !actual.equals("[]") && !actual.equals("{}"); // a list or map stated empty
            case EQUALS -> actual != null && same(actual, expected);
            case NOT_EQUALS -> actual == null || !same(actual, expected);
            case NOT_CONTAINS -> actual == null || !actual.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT));
            case STARTS_WITH -> actual != null && actual.toLowerCase(Locale.ROOT).startsWith(expected.toLowerCase(Locale.ROOT));
            case LISTS -> actual != null && Arrays.stream(actual.split(",")).map(String::trim).anyMatch(v -> v.equalsIgnoreCase(expected));
            case ONE_OF -> actual != null && options().anyMatch(o -> same(actual, o));
            case NOT_ONE_OF -> actual == null || options().noneMatch(o -> same(actual, o));
            case AT_LEAST -> compare(actual) >= 0;
            case AT_MOST -> compare(actual) <= 0 && compare(actual) != Integer.MIN_VALUE;
        };
    }

    /** Equal ignoring case, or, when the expected value is a CIDR block, the same network ({@code 0.0.0.0/0} = {@code 10.0.0.0/0}). */
    private static boolean same(String actual, String expected) {
        if (actual.equalsIgnoreCase(expected)) {
            return true;
        }
        Cidr a = Cidr.parse(actual);
        Cidr e = Cidr.parse(expected);
        return a != null && a.equals(e);
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
        String q = quantifier == Quantifier.EVERY || listPattern() == null ? "" : quantifier.name().toLowerCase(Locale.ROOT) + " ";
        return q + switch (op) {
            case PRESENT -> pattern + " is set";
            case ABSENT -> pattern + " is not set";
            case NOT_EMPTY -> pattern + " is not empty";
            case EQUALS -> pattern + " = " + expected;
            case NOT_EQUALS -> expected.isEmpty() ? pattern + " is not empty" : pattern + " != " + expected;
            case STARTS_WITH -> pattern + " starts with " + expected;
            case NOT_CONTAINS -> pattern + " does not contain " + expected;
            case LISTS -> pattern + " lists " + expected;
            case ONE_OF -> pattern + " in [" + expected + "]";
            case NOT_ONE_OF -> pattern + " not in [" + expected + "]";
            case AT_LEAST -> pattern + " >= " + expected;
            case AT_MOST -> pattern + " <= " + expected;
        };
    }
}
