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
 * CloudFormation templates, valid and broken, through {@code srm evaluate} (detected by their
 * content): the same promises as for scenarios ({@link ScenarioFuzzTest}). The files are named
 * {@code stack.*}: a file named {@code template.*} takes its directory's name as scenario id.
 */
@AddLifecycleHook(FuzzSettings.class)
class TemplateFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void directory() throws IOException {
        Cli.warmUp();
        dir = Files.createTempDirectory("srm-fuzz-template");
    }

    @AfterContainer
    static void clean() throws IOException {
        Workspace.delete(dir);
    }

    @Provide
    Arbitrary<Map<String, Object>> templates() {
        return Documents.template();
    }

    private static Cli.Outcome evaluate(Path file, byte[] content) {
        return Cli.run(file, content, "evaluate", "--format", "json", "--fail-on", "none");
    }

    @Property
    void a_valid_template_is_evaluated_the_same_whatever_its_key_order_and_syntax(@ForAll("templates") Map<String, Object> template,
                                                                                 @ForAll long order) throws IOException {
        Path yaml = Files.createDirectories(dir.resolve("yaml")).resolve("stack.yaml");
        Path json = Files.createDirectories(dir.resolve("json")).resolve("stack.json");
        Path shuffled = Files.createDirectories(dir.resolve("shuffled")).resolve("stack.json");

        Cli.Outcome asYaml = evaluate(yaml, Spelling.YAML.write(template).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Contract.kept(asYaml, yaml, Set.of(0));
        assertThat(asYaml.errLines()).as("a valid template has no error\n%s", asYaml).noneMatch(l -> l.startsWith("srm: "));
        Contract.sameBytes(asYaml, evaluate(yaml, Files.readAllBytes(yaml)));

        Cli.Outcome asJson = evaluate(json, Spelling.JSON.write(template).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Contract.kept(asJson, json, Set.of(0));
        Cli.Outcome reordered = evaluate(shuffled, Spelling.JSON.write(Spelling.shuffled(template, order))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Contract.kept(reordered, shuffled, Set.of(0));

        Contract.sameAnswers("YAML and JSON spellings give the same answers", asYaml, yaml, asJson, json);
        Contract.sameAnswers("reordered keys give the same answers", asJson, json, reordered, shuffled);
    }

    @Property
    void a_broken_template_gets_one_line_per_problem_and_never_a_crash(@ForAll("templates") Map<String, Object> template,
                                                                       @ForAll Mutations mutation, @ForAll Spelling spelling,
                                                                       @ForAll long seed) throws IOException {
        Path file = Files.createDirectories(dir.resolve("broken")).resolve("stack." + spelling.extension());
        byte[] content = mutation.apply(template, spelling, seed);
        Cli.Outcome first = evaluate(file, content);
        Contract.kept(first, file, Set.of(0, 3));
        Contract.sameBytes(first, evaluate(file, content));
    }
}
