package dev.srm.report.escape;

/** What the escapers agree on about single characters: which are controls, which reorder a line, which XML cannot hold. */
final class Characters {
    private Characters() {
    }

    /** C0 controls (tab, line feed and carriage return included), DEL and the C1 controls (U+0080..U+009F, CSI among them). */
    static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    }

    /** The Unicode line and paragraph separators. */
    static boolean isLineSeparator(int cp) {
        return cp == 0x2028 || cp == 0x2029;
    }

    /** Bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they reorder the text after them. */
    static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** A character that XML 1.0 can hold. */
    static boolean isXmlChar(int cp) {
        return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * The text on one line and in the order it was written: every run of controls, line
     * separators and bidi controls becomes one space, and the ends are stripped.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isControl(cp) || isLineSeparator(cp) || isBidiControl(cp)) {
                if (!inRun) {
                    b.append(' ');
                }
                inRun = true;
            } else {
                b.appendCodePoint(cp);
                inRun = false;
            }
        }
        return b.toString().strip();
    }
}
