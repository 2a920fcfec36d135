package dev.srm.run;

import dev.srm.model.Evaluation;
import dev.srm.model.ResourceResult;
import dev.srm.report.audit.AuditRenderer;
import dev.srm.report.audit.Portfolio;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRunTest {
    /** Records what a renderer is handed. */
    static final class Recorder implements AuditRenderer {
        final List<Evaluation> evaluations = new ArrayList<>();
        Portfolio portfolio;

        @Override
        public void scenario(Evaluation evaluation) {
            evaluations.add(evaluation);
        }

        @Override
        public void finish(Portfolio p) {
            portfolio = p;
        }
    }

    private static final String JSONL = String.join("\n",
            "{\"srm\": 1, \"id\": \"zeta\", \"resources\": [{\"id\": \"b\", \"service\": \"S3\"}]}",
            "",
            "{\"srm\": 1, \"id\": \"alpha\", \"resources\": [{\"id\": \"db\", \"service\": \"RDS\", \"configuration\": {\"StorageEncrypted\": false}}]}",
            "{\"srm\": 1, \"id\": \"broken\", \"resources\": [{\"id\": \"x\"}]}",
            "{not json",
            "{\"srm\": 1, \"id\": \"alpha\", \"resources\": []}\r",
            "");

    private static Recorder run(int jobs, List<Path> paths, InputStream stdin) throws Exception {
        Recorder r = new Recorder();
        new AuditRun(Packs.evaluator(), new dev.srm.input.Inputs(), dev.srm.model.InputFormat.auto, jobs).run(paths, stdin, List.of(r), new AuditRun.Listener() { });
        return r;
    }

    @Test
    void json_lines_on_stdin_are_read_line_by_line_and_named_by_line() throws Exception {
        Recorder r = run(3, List.of(Path.of("-")), new ByteArrayInputStream(JSONL.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.evaluations).extracting(e -> e.scenario().id()).containsExactly("alpha", "zeta");
        assertThat(r.evaluations).extracting(e -> e.scenario().file()).containsExactly("<stdin>:3", "<stdin>:1");
        ResourceResult db = r.evaluations.get(0).resources().get(0);
        assertThat(db.line()).as("a JSON Lines resource is on its line").isEqualTo(3);
        assertThat(r.portfolio.failures()).extracting(Object::toString).containsExactly(
                "<stdin>:4:42: /resources/0: required property 'service' not found (and 1 more)",
                "<stdin>:5:2: invalid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
                "<stdin>:6:/id: duplicate scenario id 'alpha' (also used by <stdin>:3); scenario ids must be unique within a batch");
    }

    @Test
    void files_and_stdin_mix_and_come_out_sorted_by_id() throws Exception {
        String line = "{\"srm\": 1, \"id\": \"aaa-from-stdin\", \"resources\": [{\"id\": \"b\", \"service\": \"S3\"}]}\n";
        Recorder r = run(2, List.of(Path.of("scenarios/study/s3-public-bucket.yaml"), Path.of("-"), Path.of("scenarios/study")),
                new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.evaluations).extracting(e -> e.scenario().id()).containsExactly("aaa-from-stdin", "ec2-patching",
                "lambda-permissions", "rds-backup-retention", "s3-public-bucket");
        assertThat(r.portfolio.failures()).as("a file named twice is read once").isEmpty();
    }

    @Test
    void the_order_is_the_same_on_one_thread_and_many() throws Exception {
        List<Path> paths = List.of(Path.of("src/test/resources/audit-corpus"), Path.of("scenarios"));
        Recorder one = run(1, paths, InputStream.nullInputStream());
        Recorder many = run(4, List.of(paths.get(1), paths.get(0)), InputStream.nullInputStream());
        assertThat(many.evaluations).isEqualTo(one.evaluations);
        assertThat(many.portfolio).isEqualTo(one.portfolio);
        assertThat(one.evaluations).extracting(e -> e.scenario().id()).isSorted();
    }
}
