package dev.srm.engine;

import dev.srm.rules.RuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precompiled bundled pack is loaded from classes on the class path (where the class-data
 * sharing archive holds them), a new KieBase per load, with the rules of the module it was
 * unpacked from.
 */
class ClassPathModuleTest {
    @TempDir
    Path dir;

    private static int rules(KieBase kieBase) {
        return kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    @Test
    void the_bundled_pack_loads_from_the_class_path_a_new_kiebase_each_time() throws Exception {
        String key = KieCompiler.cacheKey(RulePack.withDuties(RuleSources.bundled()));
        KieBase first = ClassPathModule.load(key);
        KieBase second = ClassPathModule.load(key);
        assertThat(first).isNotNull().isNotSameAs(second);
        assertThat(rules(first)).isEqualTo(rules(second)).isGreaterThan(2000);
        assertThat(ClassPathModule.load("0".repeat(32))).as("a pack of other rules is not on the class path").isNull();
    }

    @Test
    void the_build_names_the_key_of_the_pack_it_unpacked_so_that_a_run_can_start_its_network_first() throws Exception {
        assertThat(ClassPathModule.bundledKey()).isEqualTo(KieCompiler.cacheKey(RulePack.withDuties(RuleSources.bundled())));
    }

    @Test
    void a_network_started_ahead_goes_to_the_first_caller_of_its_key_and_to_no_other() throws Exception {
        String key = ClassPathModule.bundledKey();
        ClassPathModule.Ahead ahead = new ClassPathModule.Ahead(key);

        assertThat(ahead.take("0".repeat(32))).as("another pack's key").isNull();
        KieBase taken = ahead.take(key);
        assertThat(taken).isNotNull();
        assertThat(rules(taken)).isEqualTo(rules(ClassPathModule.load(key)));
        assertThat(ahead.take(key)).as("handed out once: user rules may be added to it").isNull();
    }

    @Test
    void unpacking_leaves_out_the_list_of_generated_classes_and_replaces_an_earlier_unpacking() throws Exception {
        String key = KieCompiler.cacheKey(RulePack.withDuties(RuleSources.bundled()));
        byte[] module = ModuleCache.find(key);
        assertThat(module).as("the module the build precompiled").isNotNull();
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("srm-kbase.files"), "srm/core/RulesFromAnOlderBuild.class\n");
        Files.createDirectories(classes.resolve("srm/core"));
        Files.writeString(classes.resolve("srm/core/RulesFromAnOlderBuild.class"), "stale");

        ClassPathModule.extract(module, classes);

        assertThat(Files.readString(classes.resolve("META-INF/kmodule.xml")))
                .as("no default KieBase or session: an embedding application keeps its own").contains("name=\"srm\"")
                .doesNotContain("default=\"true\"");
        assertThat(classes.resolve("srm/core/RulesFromAnOlderBuild.class")).doesNotExist();
        try (Stream<Path> files = Files.walk(classes)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("drools-model").doesNotContain("generated-class-names");
        }
        assertThat(Files.readAllLines(dir.resolve("srm-kbase.files"))).contains("META-INF/kmodule.xml").hasSizeGreaterThan(2000);
    }
}
