package dev.srm.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rule pack to load: the bundled one or a replacement directory, and directories of rules
 * added on top. A rules directory is trusted code (DRL can call any Java on the class path):
 * load only rules from a source you trust, and never rules received over a network.
 *
 * @param rules      a directory that replaces the bundled pack, or null for the bundled pack
 * @param extraRules directories added on top, in order
 */
public record SrmOptions(Path rules, List<Path> extraRules) {
    public SrmOptions {
        extraRules = List.copyOf(extraRules);
    }

    /** The rules bundled in srm. */
    public static SrmOptions bundled() {
        return new SrmOptions(null, List.of());
    }

    /** These options with {@code dir} replacing the bundled pack. */
    public SrmOptions withRules(Path dir) {
        return new SrmOptions(dir, extraRules);
    }

    /** These options with {@code dir} added on top of the pack. */
    public SrmOptions withExtraRules(Path dir) {
        List<Path> all = new ArrayList<>(extraRules);
        all.add(dir);
        return new SrmOptions(rules, all);
    }
}
