package dev.srm.engine;

import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: compiles the bundled pack (from the class-path folder the build just filled)
 * into an executable-model module and writes it where {@link ModuleCache} finds it, so that
 * srm starts without compiling rules. Run by the pom at process-classes.
 */
public final class Precompiler {
    private Precompiler() {
    }

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        try {
            RuleSources sources = RulePack.withDuties(RuleSources.directory(classes.resolve(RuleSources.BUNDLED_ROOT)));
            byte[] module = KieCompiler.precompile(sources);
            Path out = classes.resolve(ModuleCache.BUNDLED + KieCompiler.cacheKey(sources) + ".jar");
            Files.createDirectories(out.getParent());
            try (var old = Files.list(out.getParent())) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Files.write(out, module);
            System.out.println("srm: precompiled the bundled rules into " + classes.relativize(out) + " (" + module.length + " bytes)");
        } catch (RulesException e) {
            e.problems().forEach(System.err::println);
            System.exit(3);
        }
    }
}
