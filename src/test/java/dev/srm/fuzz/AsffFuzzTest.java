package dev.srm.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS Security Finding Format files (Security Hub, GuardDuty, Inspector), valid and broken,
 * through {@code srm triage}: a valid one is answered the same whatever its key order; a broken
 * one gets one line per problem with its place, never a crash; the same bytes every time.
 */
@AddLifecycleHook(FuzzSettings.class)
class AsffFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void directory() throws IOException {
        Cli.warmUp();
        dir = Files.createTempDirectory("srm-fuzz-asff");
    }

    @AfterContainer
    static void clean() throws IOException {
        Workspace.delete(dir);
    }

    @Provide
    Arbitrary<Object> findings() {
        return Documents.asff();
    }

    private static Cli.Outcome triage(Path file, byte[] content) {
        return Cli.run(file, content, "triage", "--format", "json");
    }

    @Property
    void a_valid_finding_is_triaged_the_same_whatever_its_key_order(@ForAll("findings") Object finding, @ForAll long order)
            throws IOException {
        Path file = Files.createDirectories(dir.resolve("valid")).resolve("finding.json");
        Path shuffled = Files.createDirectories(dir.resolve("shuffled")).resolve("finding.json");
        Cli.Outcome first = triage(file, Spelling.JSON.write(finding).getBytes(StandardCharsets.UTF_8));
        Contract.kept(first, file, Set.of(0));
        Contract.sameBytes(first, triage(file, Files.readAllBytes(file)));
        Cli.Outcome reordered = triage(shuffled, Spelling.JSON.write(Spelling.shuffled(finding, order)).getBytes(StandardCharsets.UTF_8));
        Contract.kept(reordered, shuffled, Set.of(0));
        assertThat(Contract.firstDifference(Contract.answers(reordered.out(), shuffled), Contract.answers(first.out(), file), ""))
                .as("reordered keys give the same triage (where the resource is written is not an answer)").isNull();
    }

    @Property
    void a_broken_finding_gets_one_line_per_problem_and_never_a_crash(@ForAll("findings") Object finding,
                                                                      @ForAll Mutations mutation, @ForAll long seed) throws IOException {
        Path file = Files.createDirectories(dir.resolve("broken")).resolve("finding.json");
        byte[] content = mutation.apply(finding, Spelling.JSON, seed);
        Cli.Outcome first = triage(file, content);
        Contract.kept(first, file, Set.of(0, 3));
        Contract.sameBytes(first, triage(file, content));
    }
}
