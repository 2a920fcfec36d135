package dev.srm.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.model.Evaluation;
import dev.srm.input.Format;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTest {

    @Test
    void the_same_seed_gives_the_same_corpus_and_a_longer_one_extends_it() throws Exception {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new CorpusGenerator(7).writeJsonLines(a, 30);
        new CorpusGenerator(7).writeJsonLines(b, 60);
        assertThat(b.toString(StandardCharsets.UTF_8)).startsWith(a.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        new CorpusGenerator(8).writeJsonLines(c, 30);
        assertThat(c.toString(StandardCharsets.UTF_8)).isNotEqualTo(a.toString(StandardCharsets.UTF_8));
    }

    @Test
    void every_generated_scenario_is_valid_and_evaluates_without_warnings() throws Exception {
        CorpusGenerator g = new CorpusGenerator(42);
        ObjectMapper json = new ObjectMapper();
        int findings = 0;
        for (int i = 0; i < 120; i++) {
            byte[] bytes = json.writeValueAsBytes(g.scenario(i));
            Evaluation e = Packs.evaluator().evaluate(Packs.reader().read("gen-" + i + ".json", bytes, Format.JSON, 0));
            assertThat(e.warnings()).as("scenario %d", i).isEmpty();
            assertThat(e.resources()).isNotEmpty();
            findings += e.findings().size();
        }
        assertThat(findings).as("a realistic mix has findings").isGreaterThan(50);
    }

    @Test
    void yaml_files_go_into_one_directory_per_team() throws Exception {
        Path dir = Files.createTempDirectory("srm-corpus-");
        new CorpusGenerator(1).writeYaml(dir, 15);
        assertThat(dir.resolve("payments/payments-000000.yaml")).exists();
        assertThat(dir.resolve("orders/orders-000013.yaml")).exists();
        assertThat(Packs.reader().read(dir.resolve("payments/payments-000012.yaml")).id()).isEqualTo("payments-000012");
    }
}
