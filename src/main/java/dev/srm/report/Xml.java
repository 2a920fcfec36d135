package dev.srm.report;

/** Escaping for XML text and attributes; characters XML 1.0 cannot hold are dropped. */
public final class Xml {
    private Xml() {
    }

    public static String text(String s) {
        return escape(s, false);
    }

    public static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\'' -> b.append(attribute ? "&apos;" : "'");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append(attribute ? "&#13;" : "\r");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c >= 0x20 || Character.isSurrogate(c)) {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            b.append(c);
                        }
                    }
                }
            }
        }
        return b.toString();
    }
}
