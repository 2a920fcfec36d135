package dev.srm.rules;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules directory compiled at run time is cached by its contents: the first load writes the
 * compiled module, an unchanged pack is loaded from it, a changed one gets a new entry.
 *
 * <p>Other test classes write to the same cache at the same time (classes run in parallel), so
 * this one follows only the entry that holds its own rule, never the count of entries.
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

    /** The cache entries written since {@code before} that hold a compiled rule of this name. */
    private static List<Path> entriesHolding(String rule, List<Path> before) throws Exception {
        List<Path> found = new ArrayList<>();
        for (Path jar : cached()) {
            if (!before.contains(jar) && holds(jar, rule)) {
                found.add(jar);
            }
        }
        return found;
    }

    private static boolean holds(Path jar, String rule) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    // ISO-8859-1 keeps every byte, so an ASCII name is found in class files too
                    if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(rule)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void a_user_pack_is_compiled_once_and_then_loaded_from_the_cache() throws Exception {
        Path dir = Files.createTempDirectory("srm-pack");
        String rule = "cache-test-notice-" + System.nanoTime();
        Files.writeString(dir.resolve("extra.drl"), """
                package cache.test;
                import dev.srm.facts.*;
                import dev.srm.engine.dsl.Srm;
                rule "%s"
                    @kind("policy") @title("t") @source("https://docs.aws.amazon.com/")
                when
                    $r : Resource( service == "S3" )
                then
                    Srm.notice(drools, $r.id(), "cached pack");
                end
                """.formatted(rule));
        RuleSources sources = RuleSources.bundled().plus(RuleSources.directory(dir));
        List<Path> before = cached();
        RulePack first = RulePack.load(sources);
        List<Path> written = entriesHolding(rule, before);
        assertThat(written).as("the first load writes one entry holding the new rule").hasSize(1);
        FileTime compiledAt = Files.getLastModifiedTime(written.get(0));

        RulePack second = RulePack.load(sources);
        assertThat(entriesHolding(rule, before)).as("the second load adds no entry").isEqualTo(written);
        assertThat(Files.getLastModifiedTime(written.get(0))).as("nor rewrites the first").isEqualTo(compiledAt);
        var scenario = Packs.parse("srm: 1\nid: c\nresources:\n  - {id: b, service: S3}\n");
        assertThat(new Evaluator(second).evaluate(scenario).resources().get(0).notices())
                .isEqualTo(new Evaluator(first).evaluate(scenario).resources().get(0).notices())
                .singleElement().asString().contains("cached pack");
    }
}
