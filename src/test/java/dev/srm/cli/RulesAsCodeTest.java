package dev.srm.cli;

import dev.srm.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** srm's rules-as-code commands: list, show, validate, test, explain, schema, and user rules. */
@Slow
class RulesAsCodeTest {
    @TempDir
    Path dir;

    private static final String HEADER = "package custom;\nimport dev.srm.facts.*;\nimport dev.srm.engine.dsl.Srm;\n\n";

    private Path rules(String name, String drl) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("rules.drl"), drl);
        return d;
    }

    private Path scenario(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void rules_list_shows_every_rule_with_kind_severity_layer_and_source() {
        CliRun text = CliRun.of("rules", "list");
        assertThat(text.code()).isZero();
        assertThat(text.out()).containsPattern("s3-block-public-access +control +HIGH +iam-access-control +https://docs\\.aws");
        CliRun json = CliRun.of("rules", "list", "--format", "json");
        assertThat(json.out()).contains("\"id\": \"rds-backup-retention\"", "\"kind\": \"control\"", "\"securityHub\": \"RDS.11\"");
    }

    @Test
    void rules_show_prints_metadata_drl_with_lines_and_the_scenarios_that_exercise_it() {
        CliRun run = CliRun.of("rules", "show", "rds-backup-retention");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("source:   https://docs.aws.amazon.com/AmazonRDS/")
                .containsPattern("where: +bundled:controls/databases\\.drl:\\d+")
                .containsPattern("\\d+ \\| rule \"rds-backup-retention\"")
                .contains("scenarios/study/rds-backup-retention.yaml");
        assertThat(CliRun.of("rules", "show", "no-such-rule").code()).isEqualTo(2);
    }

    @Test
    void rules_validate_passes_on_the_bundled_pack() {
        CliRun run = CliRun.of("rules", "validate");
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("ok: ");
    }

    @Test
    void a_drl_syntax_error_points_at_the_drl_file_and_line() throws IOException {
        Path d = rules("syntax", HEADER + "rule \"broken\"\n    @kind(\"policy\")\nwhen\n    Resource( id == \n then\nend\n");
        CliRun run = CliRun.of("rules", "validate", d.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).startsWith("srm: " + d.resolve("rules.drl") + ":").doesNotContain(".java");
        assertThat(run.clean()).isTrue();
    }

    @Test
    void a_rule_without_metadata_is_rejected() throws IOException {
        Path d = rules("nometa", HEADER + "rule \"bare\"\nwhen\n    Resource()\nthen\nend\n");
        CliRun run = CliRun.of("rules", "validate", d.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains(d.resolve("rules.drl") + ":5: rule 'bare': missing @kind metadata",
                "rules.drl:5: rule 'bare': missing @source metadata", "missing @title metadata");
    }

    @Test
    void a_control_without_integrations_or_with_an_unknown_layer_is_rejected() throws IOException {
        Path d = rules("badcontrol", HEADER + """
                rule "half-control"
                    @kind("control") @title("x") @layer("the-cloud") @severity("HIGH") @remediation("r")
                    @source("https://docs.aws.amazon.com/")
                when
                    $c : Classification()
                then
                    Srm.control(drools, $c.resource(), "x");
                end
                """);
        CliRun run = CliRun.of("rules", "validate", "--extra-rules", d.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("unknown @layer 'the-cloud'", "a control needs at least one of @integrations");
    }

    @Test
    void a_duplicate_rule_id_is_rejected_naming_both_places() throws IOException {
        Path d = rules("dup", HEADER.replace("custom", "custom.other") + """
                rule "s3-bucket"
                    @kind("classification") @title("again") @source("https://docs.aws.amazon.com/")
                when
                    $r : Resource( service == "S3" )
                then
                end
                """);
        CliRun run = CliRun.of("rules", "validate", "--extra-rules", d.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("duplicate rule id 's3-bucket'", "bundled:model/classification.drl:", d.resolve("rules.drl") + ":");
    }

    private static final String CONFLICTING = HEADER + """
            rule "custom-s3-patching-is-customer"
                @kind("duty") @title("wrong on purpose") @source("https://docs.aws.amazon.com/")
            when
                $c : Classification( service == "S3" )
            then
                Srm.dutyByConfig(drools, $c.resource(), "os-patching", Party.CUSTOMER, "a conflicting claim");
            end
            rule "custom-s3-patching-is-aws"
                @kind("duty") @title("right") @source("https://docs.aws.amazon.com/")
            when
                $c : Classification( service == "S3" )
            then
                Srm.dutyByConfig(drools, $c.resource(), "os-patching", Party.AWS, "the service is managed");
            end
            """;

    @Test
    void two_rules_that_disagree_are_a_conflict_naming_both_not_last_write_wins() throws IOException {
        Path d = rules("conflict", CONFLICTING);
        CliRun run = CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--extra-rules", d.toString(),
                "--format", "json", "--fail-on", "none");
        assertThat(run.out()).contains("\"party\": \"CONFLICT\"",
                "\"rule\": \"custom-s3-patching-is-aws + custom-s3-patching-is-customer\"");
        CliRun validate = CliRun.of("rules", "validate", "--extra-rules", d.toString());
        assertThat(validate.code()).isEqualTo(3);
        assertThat(validate.err()).contains("CONFLICT on customer-data layer guest-os-and-app-patching",
                "custom-s3-patching-is-aws says AWS", "custom-s3-patching-is-customer says CUSTOMER");
    }

    @Test
    void srm_test_reports_a_failing_expectation_with_expected_and_actual() throws IOException {
        Path f = scenario("wrong.yaml", """
                srm: 1
                id: wrong-expectation
                resources:
                  - {id: bucket, service: S3}
                expect:
                  layers: {bucket: {guest-os-and-app-patching: CUSTOMER}}
                  findings: [{rule: s3-block-public-access, resource: bucket}]
                """);
        CliRun run = CliRun.of("test", f.toString());
        assertThat(run.code()).isEqualTo(5);
        assertThat(run.out()).contains("FAIL " + f + " (wrong-expectation): 2 of 2 expectations failed",
                "layers.bucket.guest-os-and-app-patching", "expected: CUSTOMER", "actual:   AWS",
                "expected: a finding s3-block-public-access on bucket", "actual:   no finding from s3-block-public-access",
                "0 passed, 2 failed");
        CliRun junit = CliRun.of("test", f.toString(), "--format", "junit");
        assertThat(junit.out()).contains("<testsuites name=\"srm test\"", "<failure message=\"layers.bucket.guest-os-and-app-patching: expected CUSTOMER, got AWS\"");
    }

    @Test
    void srm_test_reports_coverage_and_enforces_a_minimum() {
        CliRun run = CliRun.of("test", "scenarios", "--coverage");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("Rule coverage: \\d+\\.\\d% \\(\\d+ of \\d+ evaluation rules fired at least once; "
                + "triage rules, which only srm triage runs, are not counted: 'srm rules list' shows both\\)")
                .contains("Never fired:");
        assertThat(CliRun.of("test", "scenarios/study", "--coverage-min", "99").code()).isEqualTo(5);
    }

    @Test
    void explain_traces_a_finding_back_to_the_settings_and_rules_that_produced_it() {
        CliRun run = CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--explain", "--format", "json",
                "--fail-on", "none");
        assertThat(run.out()).contains("\"explanation\": [",
                "← rule finding-missing-control matched control s3-block-public-access MISSING on customer-data",
                "← rule requirement-not-met matched PublicAccessBlockConfiguration.BlockPublicAcls = false on customer-data",
                "← rule s3-block-public-access matched customer-data is S3/bucket (SERVERLESS)",
                "← rule s3-bucket matched resource customer-data (service S3)");
        assertThat(CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--format", "json", "--fail-on", "none").out())
                .doesNotContain("\"explanation\"");
    }

    @Test
    void schema_prints_the_file_the_validator_uses() throws IOException {
        CliRun run = CliRun.of("schema");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(Path.of("docs/scenario.schema.json")));
    }

    @Test
    void the_documented_user_rule_example_works() {
        CliRun run = CliRun.of("evaluate", "scenarios/services/network-and-storage.yaml", "scenarios/study/s3-public-bucket.yaml",
                "--extra-rules", "docs/examples/extra-rules", "--format", "json", "--fail-on", "none");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\"rule\": \"bank-no-elastic-beanstalk\"", "\"id\": \"bank-confidential-buckets-object-lock\"");
        CliRun complete = CliRun.of("evaluate", "scenarios/account/complete-inventory.yaml",
                "--extra-rules", "docs/examples/extra-rules", "--format", "json", "--fail-on", "none");
        assertThat(complete.out()).containsPattern("\"rule\": \"s3-versioning\",\\s+\"severity\": \"HIGH\"");
        assertThat(CliRun.of("rules", "validate", "--extra-rules", "docs/examples/extra-rules").code()).isZero();
    }
}
