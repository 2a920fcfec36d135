package dev.srm.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * srm scenarios, valid and broken, through {@code srm evaluate}: a valid one is evaluated, and
 * its answers do not change when its keys are reordered or when it is written as JSON instead
 * of YAML; a broken one gets one line per problem with its place, exit 3, never a crash; the
 * same input always gives the same bytes. Tries and seed: {@link FuzzSettings}.
 */
@AddLifecycleHook(FuzzSettings.class)
class ScenarioFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void directory() throws IOException {
        Cli.warmUp();
        dir = Files.createTempDirectory("srm-fuzz-scenario");
    }

    @AfterContainer
    static void clean() throws IOException {
        Workspace.delete(dir);
    }

    @Provide
    Arbitrary<Map<String, Object>> scenarios() {
        return Documents.scenario();
    }

    private static Cli.Outcome evaluate(Path file, byte[] content) {
        return Cli.run(file, content, "evaluate", "--format", "json", "--fail-on", "none");
    }

    @Property
    void a_valid_scenario_is_evaluated_the_same_whatever_its_key_order_and_syntax(@ForAll("scenarios") Map<String, Object> scenario,
                                                                                 @ForAll long order) throws IOException {
        Path yaml = Files.createDirectories(dir.resolve("yaml")).resolve("scenario.yaml");
        Path json = Files.createDirectories(dir.resolve("json")).resolve("scenario.json");
        Path shuffled = Files.createDirectories(dir.resolve("shuffled")).resolve("scenario.json");

        Cli.Outcome asYaml = evaluate(yaml, Spelling.YAML.write(scenario).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Contract.kept(asYaml, yaml, Set.of(0));
        assertThat(asYaml.errLines()).as("a valid scenario has no error\n%s", asYaml).noneMatch(l -> l.startsWith("srm: "));
        Contract.sameBytes(asYaml, evaluate(yaml, Files.readAllBytes(yaml)));

        Cli.Outcome asJson = evaluate(json, Spelling.JSON.write(scenario).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Contract.kept(asJson, json, Set.of(0));
        Cli.Outcome reordered = evaluate(shuffled, Spelling.JSON.write(Spelling.shuffled(scenario, order))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Contract.kept(reordered, shuffled, Set.of(0));

        Contract.sameAnswers("YAML and JSON spellings give the same answers", asYaml, yaml, asJson, json);
        Contract.sameAnswers("reordered keys give the same answers", asJson, json, reordered, shuffled);
    }

    @Property
    void a_broken_scenario_gets_one_line_per_problem_and_never_a_crash(@ForAll("scenarios") Map<String, Object> scenario,
                                                                       @ForAll Mutations mutation, @ForAll Spelling spelling,
                                                                       @ForAll long seed) throws IOException {
        Path file = Files.createDirectories(dir.resolve("broken")).resolve("scenario." + spelling.extension());
        byte[] content = mutation.apply(scenario, spelling, seed);
        Cli.Outcome first = evaluate(file, content);
        Contract.kept(first, file, Set.of(0, 3));
        Contract.sameBytes(first, evaluate(file, content));
    }
}
