package dev.srm.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from `srm evaluate` on the bundled scenarios. */
class EvaluateCommandTest {

    @Test
    void fail_on_decides_exit_4() {
        String file = "scenarios/study/rds-backup-retention.yaml"; // two MEDIUM findings
        assertThat(CliRun.of("evaluate", file).code()).isZero();
        assertThat(CliRun.of("evaluate", file, "--fail-on", "medium").code()).isEqualTo(4);
        assertThat(CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml").code()).isEqualTo(4);
        assertThat(CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--fail-on", "none").code()).isZero();
        assertThat(CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--fail-on", "CRITICAL").code()).isZero();
    }

    @Test
    void text_output_summarises_each_resource_for_a_person() {
        CliRun run = CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--fail-on", "none");
        assertThat(run.out())
                .contains("customer-data: S3 AWS::S3::Bucket, bucket, model SERVERLESS, customer share LOW")
                .containsPattern("iam-access-control +CUSTOMER")
                .containsPattern("MISSING +S3 bucket blocks public access \\[s3-block-public-access\\] Security Hub S3.8")
                .contains("HIGH     S3 bucket blocks public access on customer-data (owner CUSTOMER; layer iam-access-control, run by CUSTOMER)")
                // under a SHARED layer, one line per party names the duties it holds
                .containsPattern("data-encryption-classification +SHARED")
                .containsPattern("\\n +AWS: +Encryption at rest")
                .containsPattern("\\n +CUSTOMER: +Key management, Data classification");
    }

    @Test
    void json_output_has_the_documented_keys() {
        CliRun run = CliRun.of("evaluate", "scenarios/study/ec2-patching.yaml", "--format", "json", "--fail-on", "none");
        assertThat(run.out()).startsWith("{\n  \"scenario\": {\n    \"id\": \"ec2-patching\"")
                .contains("\"serviceModel\": \"IAAS\"", "\"customerShare\": \"HIGH\"", "\"layers\": [",
                        "\"controls\": [", "\"findings\": [", "\"integrations\": [", "\"remediation\":", "\"owner\": \"CUSTOMER\"");
    }

    @Test
    void output_to_a_file() throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempDirectory("srm").resolve("report.json");
        CliRun run = CliRun.of("evaluate", "scenarios/study", "--format", "json", "-o", out.toString(), "--fail-on", "none");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(java.nio.file.Files.readString(out)).startsWith("{\n  \"evaluations\": [");
    }

    @Test
    void help_lists_the_exit_codes() {
        CliRun run = CliRun.of("evaluate", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Exit codes:", "3   an input", "4   a finding at or above --fail-on");
    }

    @Test
    void the_output_is_byte_identical_across_runs() {
        String a = CliRun.of("evaluate", "scenarios", "--format", "json", "--fail-on", "none").out();
        String b = CliRun.of("evaluate", "scenarios", "--format", "json", "--fail-on", "none").out();
        assertThat(a).isNotEmpty().isEqualTo(b);
    }
}
