package dev.srm.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack that would stop srm is flagged by rules validate; a text report ends with its totals and why it exits as it does. */
class RulesAndSummaryTest {
    @TempDir
    Path dir;

    @Test
    void rules_validate_warns_about_a_rule_that_calls_system_exit() throws IOException {
        Path d = Files.createDirectories(dir.resolve("exit"));
        Files.writeString(d.resolve("rules.drl"), """
                package custom;
                import dev.srm.facts.*;

                rule "custom-stop-everything"
                    @kind("classification") @title("Stops the run: System.exit in a title is only text") @source("https://docs.aws.amazon.com/")
                when
                    Resource( service == "S3" )
                then
                    System.exit(0);
                end
                """);
        Run run = Run.of("rules", "validate", "--extra-rules", d.toString(), "--scenarios", dir.resolve("none").toString());
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.err().lines().filter(l -> l.startsWith("warning: ")).toList()).as(run.toString()).containsExactly(
                "warning: " + d.resolve("rules.drl") + ":9: calls System.exit (ends srm with a code it did not choose); rules should"
                        + " only match facts and insert facts, and srm cannot vouch for a run that does this");
    }

    @Test
    void a_text_report_ends_with_totals_and_the_reason_for_the_exit_code() {
        Run run = Run.of("evaluate", "scenarios/services/aws/s3-missing.yaml");
        assertThat(run.code()).as(run.toString()).isEqualTo(4);
        String[] lines = run.out().split("\n");
        int findings = Run.of("evaluate", "scenarios/services/aws/s3-missing.yaml", "--format", "json").out().split("\"fingerprint\"", -1).length - 1;
        assertThat(findings).as("the JSON report of the same scenario").isEqualTo(106);
        assertThat(lines[lines.length - 2]).isEqualTo("Totals: 1 scenario, 9 resources, 106 findings (critical 10, high 12, medium 62, low 22; owner CUSTOMER 106)");
        assertThat(lines[lines.length - 1]).isEqualTo("Exit 4: a finding at or above --fail-on high.");
        Run summary = Run.of("evaluate", "--summary", "scenarios/services/aws/s3-missing.yaml");
        assertThat(summary.out()).isEqualTo(lines[lines.length - 2] + "\n" + lines[lines.length - 1] + "\n");
    }
}
