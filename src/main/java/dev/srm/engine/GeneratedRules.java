package dev.srm.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rule files srm generates from the bundled pack's tables (the duty rows, the tagging
 * controls), written by the build beside the precompiled module and keyed by the digest of the
 * pack's files, so that a run of the bundled pack does not generate them again (0.35-0.45 s of a
 * cold start). Any other pack, or one with rules added on top, generates its own.
 */
final class GeneratedRules {
    private static final TypeReference<List<Stored>> FILES = new TypeReference<>() {
    };

    /** A generated file as stored: the three parts of a {@link RuleFile}, nothing derived from them. */
    private record Stored(String origin, String relative, String content) {
    }

    private GeneratedRules() {
    }

    /** Where the generated files of the pack with this digest are, among srm's classes. */
    static String resource(RuleSources sources) {
        return ModuleCache.BUNDLED + "generated-" + sources.digest().substring(0, 32) + ".json";
    }

    /** The files generated from the bundled pack, as the build wrote them; null for any other sources or when absent. */
    static List<RuleFile> find(RuleSources sources) {
        if (!sources.isBundled()) {
            return null;
        }
        List<Stored> stored = ModuleCache.readBuilt(resource(sources), FILES);
        return stored == null ? null : stored.stream().map(f -> new RuleFile(f.origin(), f.relative(), f.content())).toList();
    }

    /** Writes the files {@code all} adds to {@code sources} (the bundled pack, read as at run time). */
    static void write(RuleSources sources, RuleSources all, Path classes) throws IOException {
        List<RuleFile> generated = all.files().subList(sources.files().size(), all.files().size());
        ModuleCache.writeBuilt(classes, resource(sources), generated.stream().map(f -> new Stored(f.origin(), f.relative(), f.content())).toList());
    }
}
