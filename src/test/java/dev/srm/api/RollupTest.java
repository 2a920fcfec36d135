package dev.srm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.audit.AuditFormat;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A distributed audit's pieces: roll-ups made per piece, shipped as bytes and merged, give the
 * roll-ups of {@code srm audit} over the same inputs; JSON lines read one by one give its
 * evaluations and problems.
 */
class RollupTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pieces_merged_in_any_order_give_the_audit_roll_ups() throws Exception {
        Srm srm = Packs.srm();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scenarios/study"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        StringBuilder jsonl = new StringBuilder();
        for (Path f : files) {
            jsonl.append(JSON.writeValueAsString(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                    .readTree(f.toFile()))).append('\n');
        }
        jsonl.append("{\"srm\": 1, \"id\": 7}\n");               // a broken line
        jsonl.append(jsonl.substring(0, jsonl.indexOf("\n") + 1)); // a duplicate id
        String text = jsonl.toString();

        StringWriter audit = new StringWriter();
        srm.audit(AuditRequest.of(List.of(Path.of("-")))
                .stdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).jobs(1).formats(AuditFormat.json).toWriter(audit)
                .build());
        JsonNode expected = JSON.readTree(audit.toString());

        String[] lines = text.split("\n");
        List<Evaluation> evaluations = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            EvaluateResult r = srm.evaluateLine("<stdin>", i + 1, lines[i].getBytes(StandardCharsets.UTF_8), false);
            evaluations.addAll(r.evaluations());
            problems.addAll(r.problems());
        }
        String duplicate = evaluations.get(evaluations.size() - 1).scenario().id();
        List<String> names = evaluations.stream().filter(e -> e.scenario().id().equals(duplicate)).map(e -> e.scenario().file()).toList();
        problems.addAll(Srm.duplicateIds(duplicate, names));
        evaluations.remove(evaluations.size() - 1);

        Rollup odd = srm.rollup();
        Rollup even = srm.rollup();
        for (int i = evaluations.size() - 1; i >= 0; i--) {
            (i % 2 == 0 ? even : odd).add(evaluations.get(i));
        }
        Rollup merged = srm.rollup(even.toBytes()).merge(srm.rollup(odd.toBytes()));
        StringWriter out = new StringWriter();
        merged.writeJson(problems, out);
        JsonNode actual = JSON.readTree(out.toString());

        assertThat(actual.get("portfolio")).isEqualTo(expected.get("portfolio"));
        assertThat(actual.get("errors")).isEqualTo(expected.get("errors"));
        assertThat(expected.get("errors")).hasSize(2);
        assertThat(merged.result(problems).exitCode(dev.srm.facts.Severity.HIGH)).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void bytes_of_anything_else_are_refused() {
        assertThatThrownBy(() -> Packs.srm().rollup("not a roll-up".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
