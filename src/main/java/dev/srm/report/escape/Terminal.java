package dev.srm.report.escape;

/**
 * Text echoed to a terminal: no control character reaches it (so no ANSI escape sequence, no
 * carriage return that overwrites a line, no bell), no bidi control reorders it and no line
 * break splits it; each run of them is one space. Null is the empty string.
 */
public final class Terminal {
    private Terminal() {
    }

    public static String text(String s) {
        return Characters.oneLine(s);
    }
}
