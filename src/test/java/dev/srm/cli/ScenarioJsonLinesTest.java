package dev.srm.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file of JSON Lines, one scenario per line, as `srm audit -` reads from standard input and the
 * parse error's own words promise ("JSON Lines: one scenario per line, in a .jsonl file or on
 * standard input"): it was read as one JSON document and refused at its second line.
 */
class ScenarioJsonLinesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String line(String scenario) throws Exception {
        return JSON.writeValueAsString(YAML.readTree(Path.of(scenario).toFile()));
    }

    @Test
    void a_jsonl_file_of_scenarios_answers_as_its_scenarios_do_one_by_one(@TempDir Path dir) throws Exception {
        Path lines = dir.resolve("batch.jsonl");
        Files.writeString(lines, line("scenarios/study/s3-public-bucket.yaml") + "\n\n" + line("scenarios/services/aws-managed-keys.yaml") + "\n");

        CliRun asLines = CliRun.of("evaluate", lines.toString(), "--fail-on", "none");
        CliRun asFiles = CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "scenarios/services/aws-managed-keys.yaml", "--fail-on", "none");

        assertThat(asLines.code()).as(asLines.err()).isZero();
        String totals = asFiles.out().lines().filter(l -> l.startsWith("Totals:")).findFirst().orElseThrow();
        assertThat(totals).startsWith("Totals: 2 scenarios");
        assertThat(asLines.out()).contains(totals);
    }

    @Test
    void a_broken_line_is_named_by_its_line_and_the_other_inputs_of_an_audit_still_run(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jsonl");
        Files.writeString(broken, line("scenarios/study/s3-public-bucket.yaml") + "\n{\"srm\": 1, \"id\": \"cut-short\", \"resources\": [\n");

        CliRun evaluate = CliRun.of("evaluate", broken.toString());
        assertThat(evaluate.code()).isEqualTo(3);
        assertThat(evaluate.err().strip()).isEqualTo("srm: " + broken + ":2:45: invalid JSON: Unexpected end-of-input: expected close marker for Array");

        CliRun audit = CliRun.of("audit", broken.toString(), "scenarios/services/aws-managed-keys.yaml", "--out", dir.resolve("out").toString(),
                "--format", "json", "--no-progress", "--fail-on", "none");
        assertThat(audit.err()).contains(broken + ":2:45: invalid JSON").contains("srm audit: 1 scenarios").contains("1 input failed");
    }
}
