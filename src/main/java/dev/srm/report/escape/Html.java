package dev.srm.report.escape;

/**
 * Text in an HTML element or in an attribute quoted with either quote, where markup characters
 * and both quotes become references and controls other than tab and line feed, and bidi
 * controls, become U+FFFD so that they are seen rather than obeyed (null is empty).
 */
public final class Html {
    private Html() {
    }

    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n', '\t' -> b.append((char) cp);
                default -> b.appendCodePoint(Characters.isControl(cp) || Characters.isBidiControl(cp) ? 0xFFFD : cp);
            }
        }
        return b.toString();
    }

    /**
     * Whether a URL may be a link's target: http or https only (any case, spaces around it
     * ignored), so that a rule pack's or an input's {@code javascript:} or {@code data:} URL is
     * shown as text, never followed.
     */
    public static boolean isWebLink(String url) {
        String lower = url == null ? "" : url.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }
}
