package dev.srm.facts;

import java.util.Locale;

/**
 * What a control says an absent setting means when CloudFormation documents no default for it
 * (a control rule's {@code @absent} metadata; {@code @absentMeans} says it in words).
 * FAILS: the absence does not show the control (UNKNOWN with a partial inventory, MISSING with a
 * complete one). PASSES: the absence is the compliant configuration (MET where the inventory is
 * complete for the resource, UNKNOWN otherwise). UNDECLARED: the rule does not say; read as
 * FAILS, and {@code rules validate} warns.
 */
public enum AbsentCase {
    FAILS, PASSES, UNDECLARED;

    /** The case a rule's {@code @absent} value names ({@code fails}, {@code passes}); UNDECLARED for none. */
    public static AbsentCase parse(String value) {
        if (value == null || value.isBlank()) {
            return UNDECLARED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fails" -> FAILS;
            case "passes" -> PASSES;
            default -> throw new IllegalArgumentException("@absent must be 'fails' or 'passes', got '" + value + "'");
        };
    }
}
