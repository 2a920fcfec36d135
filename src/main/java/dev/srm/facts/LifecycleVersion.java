package dev.srm.facts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One version entry of a lifecycle file: {@code version} as the file's match kind reads it,
 * the {@code engine} it belongs to (null when the file has no engine property), the day AWS
 * stops supporting it ({@code endOfSupport}, null when AWS publishes none), the end of paid
 * extended support (context only), and the AWS page that states its dates (the entry's own, or
 * the file's). {@code origin} is {@code file:line}.
 */
public record LifecycleVersion(String lifecycle, Lifecycle.Match match, String version, String engine, LocalDate endOfSupport,
                               LocalDate extendedSupportEnd, String source, String origin) {
    /** Compiled version patterns: every resource of a lifecycle's types is checked against them. */
    private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    public LifecycleVersion {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
    }

    /** Whether a resource's value is this version (see {@link Lifecycle.Match}). */
    public boolean fits(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip();
        return switch (match) {
            case EXACT -> v.equals(version);
            case PREFIX -> v.startsWith(version) && (v.length() == version.length() || ".-_".indexOf(v.charAt(version.length())) >= 0);
            case PATTERN -> {
                try {
                    yield PATTERNS.computeIfAbsent(version, Pattern::compile).matcher(v).matches();
                } catch (PatternSyntaxException e) { // the loader rejects these; never match one
                    yield false;
                }
            }
        };
    }

    /** Whether this entry is for the engine a resource names (any engine when the entry has none). */
    public boolean forEngine(String name) {
        return engine == null || name != null && engine.equalsIgnoreCase(name.strip());
    }

    /** How specific the entry is: where several match a value, the longest wins. */
    public int specificity() {
        return version.length();
    }

    private static final Pattern DOTTED = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");

    /**
     * Whether {@code value} is a version number older than this entry's: both plain dotted numbers
     * ({@code 9.3.25} before {@code 9.6}, {@code 1.14} before {@code 1.18}), compared part by part over the
     * parts both have. False for anything else (a name, a pattern, {@code 5.7.mysql_aurora.2}), and for a
     * value that this entry's version starts (it fits the entry, or is newer).
     */
    public boolean precededBy(String value) {
        if (value == null || !DOTTED.matcher(value.strip()).matches() || !DOTTED.matcher(version).matches()) {
            return false;
        }
        String[] a = value.strip().split("\\.");
        String[] b = version.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    /** Whether the version is past its end of support on {@code day}: on or after the day AWS names. */
    public boolean endedOn(LocalDate day) {
        return endOfSupport != null && day != null && !day.isBefore(endOfSupport);
    }
}
