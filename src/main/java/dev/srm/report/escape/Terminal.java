package dev.srm.report.escape;

/**
 * Text echoed to a terminal, where no control character arrives (so no ANSI escape sequence, no
 * carriage return that overwrites a line, no bell), no bidi control reorders it and no line
 * break splits it: each run of them becomes one space, the ends are stripped and null is empty.
 */
public final class Terminal {
    private Terminal() {
    }

    public static String text(String s) {
        return Characters.oneLine(s);
    }
}
