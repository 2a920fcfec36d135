package dev.srm.cli;

import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from `srm audit`: exit codes, where reports go, the summary, broken inputs. */
class AuditCommandTest {
    private static final List<String> BROKEN = List.of(
            "audit-corpus/broken/bad-syntax.yaml", "audit-corpus/broken/empty.yaml",
            "audit-corpus/broken/not-a-scenario.json", "audit-corpus/web/x-duplicate-id.yaml");

    @Test
    void a_batch_with_broken_files_reports_the_others_and_exits_3() {
        AuditCorpus.Run run = AuditCorpus.corpus();
        assertThat(run.cli().code()).isEqualTo(3);
        assertThat(run.cli().clean()).isTrue();
        assertThat(run.cli().err())
                .contains("srm audit: 8 scenarios, 20 resources, 64 findings (critical 9, high 19, medium 28, low 8, info 0), 4 inputs failed")
                .contains("srm: src/test/resources/audit-corpus/broken/bad-syntax.yaml:3:13: invalid YAML")
                .contains("duplicate scenario id 'ec2-web' (also used by src/test/resources/audit-corpus/web/ec2-web.yaml)")
                .contains("warning: src/test/resources/audit-corpus/misc/mystery.yaml:6: resource 'thing': unknown service");
        assertThat(run.report(AuditFormat.json)).contains("\"failedInputs\": 4", "\"id\": \"s3-script\"", "\"id\": \"mystery\"");
    }

    @ParameterizedTest
    @EnumSource(AuditFormat.class)
    void every_report_lists_every_failed_input(AuditFormat format) {
        String report = AuditCorpus.corpus().report(format);
        for (String file : BROKEN) {
            assertThat(report).as("%s lists %s", format, file).contains(file);
        }
    }

    @Test
    void a_missing_path_is_a_failed_input_and_the_rest_is_still_reported() throws Exception {
        Path out = Files.createTempDirectory("srm-audit-");
        CliRun run = CliRun.of("audit", "scenarios/study", "no/such/dir", "--out", out.toString(), "--format", "json",
                "--fail-on", "none", "--no-progress");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("srm: no/such/dir: no such file or directory", "4 scenarios");
        assertThat(Files.readString(out.resolve("audit.json"))).contains("\"file\": \"no/such/dir\"", "\"scenarios\": 4");
    }

    @Test
    void fail_on_decides_exit_4_as_in_evaluate() throws Exception {
        Path out = Files.createTempDirectory("srm-audit-");
        assertThat(CliRun.of("audit", "scenarios", "--out", out.toString(), "--format", "csv", "--no-progress").code()).isEqualTo(4);
        assertThat(CliRun.of("audit", "scenarios", "--out", out.toString(), "--format", "csv", "--fail-on", "critical",
                "--no-progress").code()).isEqualTo(4);
        assertThat(CliRun.of("audit", "scenarios", "--out", out.toString(), "--format", "csv", "--fail-on", "none",
                "--no-progress").code()).isZero();
        assertThat(CliRun.of("audit", "scenarios/study/rds-backup-retention.yaml", "--out", out.toString(), "--format", "csv",
                "--no-progress").code()).as("two MEDIUM findings are below the default threshold").isZero();
    }

    @Test
    void one_format_without_out_goes_to_stdout_and_writes_no_file() {
        CliRun run = CliRun.of("audit", "scenarios/study", "--format", "sarif", "--fail-on", "none", "--no-progress");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("{\n  \"$schema\": ").contains("\"version\": \"2.1.0\"");
        assertThat(run.err()).contains("srm audit: 4 scenarios").doesNotContain("wrote");
        assertThat(Path.of(AuditCommand.DEFAULT_OUT)).doesNotExist();
    }

    @Test
    void several_formats_go_into_out_and_only_those() throws Exception {
        Path out = Files.createTempDirectory("srm-audit-").resolve("nested/report");
        CliRun run = CliRun.of("audit", "scenarios/study", "--out", out.toString(), "--format", "html", "--format", "sarif",
                "--fail-on", "none", "--no-progress");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("audit.html", "audit.sarif");
        }
        assertThat(run.err()).contains("srm audit: wrote " + out.resolve("audit.html"));
    }

    @Test
    void bad_options_are_usage_errors() {
        assertThat(CliRun.of("audit", "scenarios", "--jobs", "0").code()).isEqualTo(2);
        assertThat(CliRun.of("audit", "scenarios", "--format", "pdf").code()).isEqualTo(2);
        assertThat(CliRun.of("audit", "-", "-", "--format", "json").code()).isEqualTo(2);
        assertThat(CliRun.of("audit").code()).isEqualTo(2);
    }

    @Test
    void help_names_every_format_and_the_exit_codes() {
        CliRun run = CliRun.of("audit", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("json, csv, markdown, html, sarif, junit", "--jobs", "--no-progress", "Exit codes:",
                "3 an input");
    }

    @Test
    void reports_are_not_left_half_written_when_the_run_fails() throws Exception {
        Path out = Files.createTempDirectory("srm-audit-");
        Files.writeString(out.resolve("audit.json"), "previous report");
        // a directory where a report file must go: found after every report was written, before any is renamed
        // (a rename failing part-way is AtomicFileTest's)
        Files.createDirectories(out.resolve("audit.csv"));
        CliRun run = CliRun.of("audit", "scenarios/study", "--out", out.toString(), "--format", "json", "--format", "csv",
                "--fail-on", "none", "--no-progress");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("srm: cannot write the reports");
        assertThat(Files.readString(out.resolve("audit.json"))).as("the earlier report is kept").isEqualTo("previous report");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("audit.csv", "audit.json");
        }
    }
}
