package dev.srm.facts;

import java.util.Set;

/**
 * Configuration paths an input states whole, value or absence ({@code KmsKeyId},
 * {@code Rules[*].Status}): a path covers every path beneath it.
 */
public final class StatedPaths {
    private StatedPaths() {
    }

    /** Whether {@code pattern} is one of {@code stated} or lies beneath one of them (after a {@code .} or at a {@code [}). */
    public static boolean cover(Set<String> stated, String pattern) {
        if (stated.isEmpty()) {
            return false;
        }
        if (stated.contains(pattern)) {
            return true;
        }
        for (int i = pattern.length() - 1; i > 0; i--) {
            char c = pattern.charAt(i);
            if ((c == '.' || c == '[') && stated.contains(pattern.substring(0, i))) {
                return true;
            }
        }
        return false;
    }
}
