package dev.srm.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/** A glob on an id: {@code *} any run of characters, {@code ?} one character, everything else literal. */
public record Glob(String text) {
    /** Matches every id. */
    public static final Glob ANY = new Glob("*");

    public Glob {
        Objects.requireNonNull(text, "text");
    }

    /** The glob, or {@link #ANY} for null. */
    public static Glob of(String text) {
        return text == null ? ANY : new Glob(text);
    }

    public boolean matches(String id) {
        return id != null && regex().matcher(id).matches();
    }

    /** Whether the glob names exactly one id (no wildcard). */
    public boolean literal() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    private Pattern regex() {
        StringBuilder b = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (lit.length() > 0) {
                    b.append(Pattern.quote(lit.toString()));
                    lit.setLength(0);
                }
                b.append(c == '*' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            b.append(Pattern.quote(lit.toString()));
        }
        return Pattern.compile(b.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return text;
    }
}
