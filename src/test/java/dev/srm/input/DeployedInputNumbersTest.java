package dev.srm.input;

import dev.srm.cli.Main;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers no reader can use, and the other broken inputs of what is deployed, through the CLI:
 * in a Terraform plan or state, an AWS Config snapshot or select output, and ASFF findings, an
 * infinite number ({@code 1e400}) or a number literal of thousands of digits is one line with the
 * file, the place and the JSON pointer, exit 3 (input), never a NumberFormatException or a
 * misread value; so are a truncated gzip snapshot, a Terraform 0.11 state and a plan of another
 * provider.
 */
class DeployedInputNumbersTest {
    private static final Path TF = Path.of("src/test/resources/terraform");
    private static final Path CONFIG = Path.of("src/test/resources/config");
    private static final String OUT_OF_RANGE = ": number out of range (infinite or not a number, e.g. 1e400 or .inf); "
            + "expected a finite number, or quote it to make it a string";

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        List<String> srmLines() {
            return err.lines().filter(l -> l.startsWith("srm: ")).toList();
        }

        boolean clean() {
            return !err.contains("\tat ") && !err.contains("Exception") && !err.contains("Caused by");
        }
    }

    private static Run srm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A copy of a fixture with one text replaced, which must be there once. */
    private Path edited(Path fixture, String name, String from, String to) throws IOException {
        String text = Files.readString(fixture);
        assertThat(text.indexOf(from)).as(from).isNotNegative().isEqualTo(text.lastIndexOf(from));
        Path p = dir.resolve(name);
        Files.writeString(p, text.replace(from, to));
        return p;
    }

    private static void assertOneLine(Run run, String expected) {
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.err()).doesNotContain("NumberFormat", "StreamReadConstraints", "Infinity");
        assertThat(run.srmLines()).as(run.err()).containsExactly(expected);
    }

    @Test
    void an_infinite_number_in_a_terraform_state_is_one_line_at_its_place() throws IOException {
        Path state = edited(TF.resolve("state.json"), "state.json", "\"backup_retention_period\": 1,", "\"backup_retention_period\": 1e400,");
        int line = lineOf(state, "1e400");
        int column = Files.readAllLines(state).get(line - 1).indexOf("\"backup_retention_period\"") + 1;
        assertOneLine(srm("evaluate", state.toString()), "srm: " + state + ":" + line + ":" + column
                + ": /values/root_module/child_modules/0/resources/0/values/backup_retention_period" + OUT_OF_RANGE);
    }

    @Test
    void a_number_of_thousands_of_digits_in_a_terraform_plan_is_one_line_at_its_place() throws IOException {
        Path plan = edited(TF.resolve("plan-s3-module.json"), "plan.json", "\"timestamp\": \"2026-03-02T09:14:05Z\"",
                "\"timestamp\": " + "9".repeat(5000));
        Run run = srm("evaluate", plan.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.srmLines()).hasSize(1);
        assertThat(run.srmLines().get(0)).startsWith("srm: " + plan + ":" + lineOf(plan, "\"timestamp\"") + ":")
                .endsWith(": a number of more than 1000 characters, srm's limit for a number");
    }

    @Test
    void a_huge_integer_where_terraform_has_a_number_is_read_as_written_not_misread() throws IOException {
        Path state = edited(TF.resolve("state.json"), "state.json", "\"backup_retention_period\": 1,",
                "\"backup_retention_period\": 123456789012345678901234567890,");
        Run run = srm("evaluate", state.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.out()).as("a retention of 10^29 days is long enough: the value is not wrapped to an int or lost")
                .contains("MET: BackupRetentionPeriod >= 7 (module.data.aws_rds_cluster.main:BackupRetentionPeriod)");
    }

    @Test
    void an_infinite_number_in_a_config_snapshot_is_one_line_with_the_items_pointer() throws IOException {
        Path snapshot = edited(CONFIG.resolve("snapshot.json"), "snapshot.json", "\"backupRetentionPeriod\": 7,",
                "\"backupRetentionPeriod\": 1e400,");
        String text = Files.readString(snapshot);
        int item = itemIndex(text, text.indexOf("1e400"));
        assertOneLine(srm("evaluate", snapshot.toString()), "srm: " + snapshot + ":" + itemLine(text, text.indexOf("1e400"))
                + ": /configurationItems/" + item + "/configuration/backupRetentionPeriod" + OUT_OF_RANGE);
    }

    @Test
    void a_number_of_thousands_of_digits_in_a_config_snapshot_is_one_line_at_its_place() throws IOException {
        Path snapshot = edited(CONFIG.resolve("snapshot.json"), "snapshot.json", "\"backupRetentionPeriod\": 7,",
                "\"backupRetentionPeriod\": " + "7".repeat(5000) + ",");
        Run run = srm("evaluate", snapshot.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.err()).doesNotContain("StreamReadConstraints");
        assertThat(run.srmLines()).singleElement().asString().startsWith("srm: " + snapshot + ":" + lineOf(snapshot, "77777") + ":")
                .endsWith(": a number of more than 1000 characters, srm's limit for a number");
    }

    @Test
    void an_infinite_number_inside_a_select_results_json_text_is_one_line_with_its_pointer() throws IOException {
        Path select = edited(CONFIG.resolve("aggregator-select.json"), "select.json", "\\\"backupRetentionPeriod\\\": 1,",
                "\\\"backupRetentionPeriod\\\": -1e400,");
        Run run = srm("audit", select.toString(), "--format", "json", "--out", dir.resolve("out").toString(), "--no-progress");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.err()).contains(select + ":" + lineOf(select, "-1e400") + ": /Results/" + (lineOf(select, "-1e400") - 3)
                + "/configuration/backupRetentionPeriod" + OUT_OF_RANGE);
    }

    @Test
    void an_infinite_severity_in_asff_findings_is_one_line_at_its_place() throws IOException {
        Path findings = edited(Path.of("docs/examples/findings.json"), "findings.json", "\"Normalized\": 60", "\"Normalized\": 1e400");
        assertOneLine(srm("triage", findings.toString()), "srm: " + findings + ":" + lineOf(findings, "1e400") + ":"
                + (Files.readAllLines(findings).get(lineOf(findings, "1e400") - 1).indexOf("\"Normalized\"") + 1)
                + ": /Findings/0/Severity/Normalized" + OUT_OF_RANGE);
    }

    @Test
    void a_truncated_gzip_snapshot_a_terraform_0_11_state_and_a_google_plan_are_one_line_each() throws IOException {
        byte[] whole = Files.readAllBytes(CONFIG.resolve("snapshot.json.gz"));
        Path cut = dir.resolve("snapshot.json.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertOneLine(srm("evaluate", cut.toString()),
                "srm: " + cut + ": truncated gzip: the compressed data ends before its end marker; the file is incomplete (copy it again)");

        Path old = TF.resolve("terraform-0.11.tfstate");
        Run run = srm("evaluate", old.toString(), "--input-format", "terraform");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.srmLines()).singleElement().asString().startsWith("srm: " + old + ":6:3: /modules: a Terraform 0.11.14 state")
                .contains("srm reads Terraform 0.12 or later");

        Path google = TF.resolve("plan-google.json");
        assertOneLine(srm("evaluate", google.toString()), "srm: " + google + ":7:9: /planned_values/root_module/resources/0: a plan of the"
                + " hashicorp/google provider (google_storage_bucket.data and 1 more); srm reads resources of the AWS provider"
                + " (hashicorp/aws) only");
    }

    @Test
    void a_gzipped_snapshot_with_an_infinite_number_names_the_item_without_a_line() throws IOException {
        Path plain = edited(CONFIG.resolve("snapshot.json"), "plain.json", "\"backupRetentionPeriod\": 7,", "\"backupRetentionPeriod\": 1e400,");
        String text = Files.readString(plain);
        Path gz = dir.resolve("snapshot.json.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bytes)) {
            z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
        Run run = srm("evaluate", gz.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.srmLines()).singleElement().asString().startsWith("srm: " + gz + ":")
                .contains("/configurationItems/" + itemIndex(text, text.indexOf("1e400")) + "/configuration/backupRetentionPeriod" + OUT_OF_RANGE);
    }

    // ---------------------------------------------------------------- where things are in the fixtures

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    /** The index of the configuration item (4-space indented "{" lines) that holds an offset of a snapshot. */
    private static int itemIndex(String snapshot, int offset) {
        int index = -1;
        for (int i = snapshot.indexOf("\n    {\n"); i >= 0 && i < offset; i = snapshot.indexOf("\n    {\n", i + 1)) {
            index++;
        }
        return index;
    }

    /** The line on which the item holding an offset starts. */
    private static int itemLine(String snapshot, int offset) {
        int start = snapshot.lastIndexOf("\n    {\n", offset);
        return (int) snapshot.substring(0, start + 1).chars().filter(c -> c == '\n').count() + 1;
    }
}
