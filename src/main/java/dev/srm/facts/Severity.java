package dev.srm.facts;

import java.util.Locale;

/** Finding severity, ordered from the most to the least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** Parses a severity name in any case; throws IllegalArgumentException naming the known ones. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown severity '" + text + "' (expected one of critical, high, medium, low, info)");
        }
    }
}
