package dev.srm.engine;

import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run of the bundled pack takes the rule files generated from its tables (duty rows, tagging
 * controls) from the build instead of generating them again: the same files, in the same order,
 * with the same origins; any other pack generates its own.
 */
class GeneratedRulesTest {
    @Test
    void the_bundled_pack_gets_the_builds_generated_files_exactly_as_it_would_generate_them() throws Exception {
        RuleSources bundled = RuleSources.bundled();
        List<RuleFile> built = GeneratedRules.find(bundled);
        assertThat(built).as("the generated files the build wrote for the bundled pack").isNotNull().hasSizeGreaterThan(20);

        List<RuleFile> taken = RulePack.withDuties(bundled).files();
        List<RuleFile> generated = RulePack.generate(bundled).files();

        assertThat(taken).isEqualTo(generated);
        assertThat(built).allSatisfy(f -> {
            assertThat(f.origin()).startsWith(RuleSources.BUNDLED_ORIGIN);
            assertThat(f.relative()).startsWith("generated/").endsWith(".drl");
        });
        assertThat(KieCompiler.cacheKey(RulePack.withDuties(bundled))).isEqualTo(KieCompiler.cacheKey(RulePack.generate(bundled)));
    }

    @Test
    void a_pack_other_than_the_bundled_one_generates_its_own() throws Exception {
        RuleSources withUser = RuleSources.bundled().plus(RuleSources.directory(Path.of("docs/examples/extra-rules")));
        RuleSources directory = RuleSources.directory(Path.of("rules"));

        assertThat(GeneratedRules.find(withUser)).isNull();
        assertThat(GeneratedRules.find(directory)).as("the same files read from a directory keep their own origins").isNull();
        assertThat(RulePack.withDuties(directory).files()).isEqualTo(RulePack.generate(directory).files())
                .anyMatch(f -> f.relative().startsWith("generated/") && !f.origin().startsWith(RuleSources.BUNDLED_ORIGIN));
    }
}
