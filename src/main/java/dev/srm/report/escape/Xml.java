package dev.srm.report.escape;

/**
 * Text in XML 1.0, where every character XML cannot hold becomes U+FFFD: alone ({@link #valid})
 * for an {@link javax.xml.stream.XMLStreamWriter}, which escapes markup itself, or with markup
 * escaped ({@link #text}, {@link #attr}) for XML written as text (null is empty).
 */
public final class Xml {
    private Xml() {
    }

    /** The characters XML can hold, the others replaced. */
    public static String valid(String s) {
        return escape(s, Mode.VALID);
    }

    /** Element content. */
    public static String text(String s) {
        return escape(s, Mode.TEXT);
    }

    /** An attribute value in double quotes: quotes, tabs and line breaks as references, so that they survive parsing. */
    public static String attr(String s) {
        return escape(s, Mode.ATTRIBUTE);
    }

    private enum Mode { VALID, TEXT, ATTRIBUTE }

    private static String escape(String s, Mode mode) {
        if (s == null) {
            return "";
        }
        boolean markup = mode != Mode.VALID;
        boolean attribute = mode == Mode.ATTRIBUTE;
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Characters.isXmlChar(cp)) {
                b.append('\uFFFD');
                continue;
            }
            String reference = !markup ? null : switch (cp) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\r' -> "&#13;";
                case '"' -> attribute ? "&quot;" : null;
                case '\'' -> attribute ? "&apos;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\t' -> attribute ? "&#9;" : null;
                default -> null;
            };
            if (reference == null) {
                b.appendCodePoint(cp);
            } else {
                b.append(reference);
            }
        }
        return b.toString();
    }
}
