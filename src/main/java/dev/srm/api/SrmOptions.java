package dev.srm.api;

import dev.srm.engine.Evaluator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rule pack to load: the bundled one or a replacement directory, and directories of rules
 * added on top; and how long its rules may run on one scenario. A rules directory is trusted code
 * (DRL can call any Java on the class path): load only rules from a source you trust, and never
 * rules received over a network.
 *
 * @param rules      a directory that replaces the bundled pack, or null for the bundled pack
 * @param extraRules directories added on top, in order
 * @param timeout    how long the rules may run on one scenario (or incident) before it is stopped
 *                   and reported as a problem of the rules ({@code --timeout}); null: {@link #DEFAULT_TIMEOUT}
 */
public record SrmOptions(Path rules, List<Path> extraRules, Duration timeout) {
    /** Ten minutes: generous, it catches only a rule that never ends (the bundled pack takes milliseconds per scenario). */
    public static final Duration DEFAULT_TIMEOUT = Evaluator.DEFAULT_TIMEOUT;

    public SrmOptions {
        extraRules = List.copyOf(extraRules);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw SrmException.usage("the timeout must be positive, not " + timeout);
        }
    }

    /** A pack with the default time limit. */
    public SrmOptions(Path rules, List<Path> extraRules) {
        this(rules, extraRules, null);
    }

    /** The rules bundled in srm. */
    public static SrmOptions bundled() {
        return new SrmOptions(null, List.of());
    }

    /** These options with {@code dir} replacing the bundled pack. */
    public SrmOptions withRules(Path dir) {
        return new SrmOptions(dir, extraRules, timeout);
    }

    /** These options with {@code dir} added on top of the pack. */
    public SrmOptions withExtraRules(Path dir) {
        List<Path> all = new ArrayList<>(extraRules);
        all.add(dir);
        return new SrmOptions(rules, all, timeout);
    }

    /** These options with another time limit per scenario. */
    public SrmOptions withTimeout(Duration limit) {
        return new SrmOptions(rules, extraRules, limit);
    }
}
