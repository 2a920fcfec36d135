package dev.srm.input.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.input.InputException;
import dev.srm.model.Evaluation;
import dev.srm.model.Scenario;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another tool's public test templates as input: the templates of cfn-lint's test fixtures that
 * CloudFormation accepts must be claimed by the template reader, read (nested stacks beside them
 * followed) and evaluated without a warning that srm misread or skipped them; those it rejects
 * are refused with one line naming the place, as refused.yaml lists. A refused template that is
 * not listed, refused with another line, or listed and now read fails the test, so the list
 * stays true. The templates and their provenance: the README beside them.
 */
class CfnLintTemplatesTest {
    private static final Path SUITE = Path.of("src/test/resources/public-suites/cfn-lint");
    /** Warnings that say srm misread a template or left part of it out without reason. */
    private static final List<String> MISREADS = List.of("a bug in srm", "srm does not expand Fn::ForEach",
            "srm does not resolve the intrinsic function", "CloudFormation expects an object (Code)", "is not defined in the schema");

    @Test
    void every_template_cloudformation_accepts_is_read_and_every_refusal_is_listed() throws IOException {
        Map<String, String> listed = new TreeMap<>();
        JsonNode refused = new ObjectMapper(new YAMLFactory()).readTree(SUITE.resolve("refused.yaml").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = refused.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getValue().path("why").asText()).as(e.getKey() + " says why").isNotBlank();
            listed.put(e.getKey(), e.getValue().path("message").asText());
        }
        Path root = SUITE.resolve("templates");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        CloudFormationReader reader = new CloudFormationReader();
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            byte[] bytes = Files.readAllBytes(file);
            if (!reader.claims(name, bytes)) {
                problems.add(name + ": not recognised as a CloudFormation template");
                continue;
            }
            List<Scenario> scenarios;
            try {
                scenarios = reader.readFile(file, bytes);
            } catch (InputException e) {
                String line = e.problem().toString();
                if (!listed.containsKey(name)) {
                    problems.add(name + ": refused and not listed in refused.yaml: " + line);
                } else if (!line.contains(listed.get(name))) {
                    problems.add(name + ": refused with '" + line + "', refused.yaml says '" + listed.get(name) + "'");
                }
                continue;
            }
            if (listed.containsKey(name)) {
                problems.add(name + ": read, but refused.yaml lists it as refused: take it off");
            }
            for (Scenario scenario : scenarios) {
                Evaluation evaluation = Packs.evaluator().evaluate(scenario);
                List<String> warnings = new ArrayList<>(scenario.warnings());
                warnings.addAll(evaluation.warnings());
                warnings.stream().filter(w -> MISREADS.stream().anyMatch(w::contains)).distinct()
                        .forEach(w -> problems.add(name + ": " + w));
            }
            read++;
        }
        assertThat(problems).as("templates srm misreads or refuses without a listed reason").isEmpty();
        assertThat(read).as("templates read").isGreaterThanOrEqualTo(110);
    }
}
