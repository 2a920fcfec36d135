package dev.srm.engine;

import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: compiles the bundled pack (from the class-path folder the build just filled)
 * into an executable-model module and writes it where {@link ModuleCache} finds it, and its
 * classes into the classes folder ({@link ClassPathModule}), so that srm starts without
 * compiling rules. Run by the pom at process-classes.
 */
public final class Precompiler {
    private Precompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        try {
            // read as a run of the jar reads the pack, and generated now: never from the generated
            // files an earlier build left in these classes, which are what this build writes
            RuleSources bundled = RuleSources.bundledAt(classes.resolve(RuleSources.BUNDLED_ROOT));
            RuleSources sources = RulePack.generate(bundled);
            String key = KieCompiler.cacheKey(sources);
            Path out = classes.resolve(ModuleCache.BUNDLED + key + ".jar");
            String stamp = stamp(out, classes);
            if (upToDate(out, classes, stamp)) {
                if (!ClassPathModule.unpacked(classes, key)) {
                    ClassPathModule.extract(Files.readAllBytes(out), classes);
                }
                if (!Files.isRegularFile(classes.resolve(RuleIndex.resource(key)))) {
                    RuleIndex.write(KieCompiler.compile(sources), classes, key);
                }
                GeneratedRules.write(bundled, sources, classes);
                Files.writeString(classes.resolve(ClassPathModule.BUNDLED_KEY), key);
                System.out.println("srm: the precompiled bundled rules are up to date (" + classes.relativize(out) + ")");
                return;
            }
            System.out.println("srm: compiling the bundled rules (" + sources.drlFiles().size() + " rule files, with the duty and"
                    + " control tables) into the rule pack the jar ships; this takes a few minutes, once: later runs load it in"
                    + " about a second");
            long started = System.nanoTime();
            byte[] module = KieCompiler.precompile(sources);
            Files.createDirectories(out.getParent());
            try (var old = Files.list(out.getParent())) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Files.write(out, module);
            ClassPathModule.extract(module, classes);
            RuleIndex.write(KieCompiler.compile(sources), classes, key);
            GeneratedRules.write(bundled, sources, classes);
            Files.writeString(classes.resolve(ClassPathModule.BUNDLED_KEY), key);
            Files.writeString(stampFile(classes), stamp);
            System.out.printf(java.util.Locale.ROOT, "srm: rule pack ready in %d s: %s (%.1f MB)%n", (System.nanoTime() - started) / 1_000_000_000L,
                    classes.relativize(out), module.length / 1_048_576.0);
        } catch (RulesException e) {
            e.problems().forEach(System.err::println);
            System.exit(3);
        }
    }

    /**
     * True when the module for these rules (its name is the digest of their contents) exists and
     * was compiled against the same classes (facts and the rules' DSL, by the digest of their
     * bytes, kept beside the classes folder), so that a rebuild that changed neither does not
     * spend minutes compiling the same module again.
     */
    private static boolean upToDate(Path module, Path classes, String stamp) throws IOException {
        Path file = stampFile(classes);
        return Files.isRegularFile(module) && Files.isRegularFile(file) && Files.readString(file).equals(stamp);
    }

    private static Path stampFile(Path classes) {
        return classes.toAbsolutePath().getParent().resolve("srm-kbase.stamp");
    }

    private static String stamp(Path module, Path classes) throws IOException {
        StringBuilder all = new StringBuilder(module.getFileName().toString()).append('\n');
        for (String dir : new String[] {"dev/srm/facts", "dev/srm/engine/dsl"}) {
            Path d = classes.resolve(dir);
            if (Files.isDirectory(d)) {
                try (var files = Files.walk(d)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        all.append(classes.relativize(f)).append(' ')
                                .append(RuleSources.sha256(java.util.HexFormat.of().formatHex(Files.readAllBytes(f)))).append('\n');
                    }
                }
            }
        }
        return RuleSources.sha256(all.toString());
    }
}
