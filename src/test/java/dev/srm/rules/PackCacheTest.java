package dev.srm.rules;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules directory compiled at run time is cached by its contents: the first load writes the
 * compiled module, an unchanged pack is loaded from it, a changed one gets a new entry.
 */
class PackCacheTest {

    private static List<Path> cached() throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("SRM_CACHE_DIR", "target/srm-cache"));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).toList();
        }
    }

    @Test
    void a_user_pack_is_compiled_once_and_then_loaded_from_the_cache() throws Exception {
        Path dir = Files.createTempDirectory("srm-pack");
        Files.writeString(dir.resolve("extra.drl"), """
                package cache.test;
                import dev.srm.facts.*;
                import dev.srm.engine.dsl.Srm;
                rule "cache-test-notice-%d"
                    @kind("policy") @title("t") @source("https://docs.aws.amazon.com/")
                when
                    $r : Resource( service == "S3" )
                then
                    Srm.notice(drools, $r.id(), "cached pack");
                end
                """.formatted(System.nanoTime()));
        RuleSources sources = RuleSources.bundled().plus(RuleSources.directory(dir));
        List<Path> before = cached();
        RulePack first = RulePack.load(sources);
        List<Path> after = cached();
        assertThat(after).hasSize(before.size() + 1);

        RulePack second = RulePack.load(sources);
        assertThat(cached()).hasSameElementsAs(after);
        var scenario = Packs.parse("srm: 1\nid: c\nresources:\n  - {id: b, service: S3}\n");
        assertThat(new Evaluator(second).evaluate(scenario).resources().get(0).notices())
                .isEqualTo(new Evaluator(first).evaluate(scenario).resources().get(0).notices())
                .singleElement().asString().contains("cached pack");
    }
}
