package dev.srm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's {@code expect.asOf} is the day its expectations hold on: {@code srm test} checks
 * them as of that day, whatever today is. AWS deprecated the python3.8 Lambda runtime on
 * 2024-10-14 (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html#runtimes-deprecated).
 */
class ExpectAsOfTest {
    @TempDir
    Path dir;

    private Path scenario(String name, String asOf, String status, String patching) throws IOException {
        return Files.writeString(dir.resolve(name), """
                srm: 1
                id: %s
                inventory: complete
                resources:
                  - id: invoice-export
                    type: AWS::Lambda::Function
                    configuration:
                      FunctionName: invoice-export
                      Runtime: python3.8
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/invoice-export-role
                      Code: {S3Bucket: billing-artifacts-123456789012, S3Key: invoice-export/1.4.2.zip}
                expect:
                  asOf: %s
                  controls:
                    invoice-export: {lambda-supported-runtime: %s}
                  duties:
                    invoice-export: {runtime-patching: %s}
                """.formatted(name.replace(".yaml", ""), asOf, status, patching));
    }

    @Test
    void expectations_are_checked_as_of_their_day() throws IOException {
        Path before = scenario("before.yaml", "2024-10-13", "MET", "AWS");
        Path after = scenario("after.yaml", "2024-10-14", "MISSING", "CUSTOMER");
        CliRun run = CliRun.of("test", before.toString(), after.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).as(run.out()).isZero();
        assertThat(run.out()).contains("4 passed, 0 failed");

        Path wrong = scenario("wrong.yaml", "2024-10-13", "MISSING", "CUSTOMER");
        CliRun failed = CliRun.of("test", wrong.toString());
        assertThat(failed.code()).as("the day decides: on 2024-10-13 python3.8 was still supported").isEqualTo(5);
    }

    @Test
    void a_misspelt_rule_in_no_findings_fails_instead_of_passing_whatever_srm_answers() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), """
                srm: 1
                id: typo
                resources:
                  - id: assets
                    type: AWS::S3::Bucket
                    configuration: {PublicAccessBlockConfiguration: {BlockPublicAcls: false}}
                expect:
                  noFindings: [s3-block-publc-access]
                """);
        CliRun run = CliRun.of("test", typo.toString());
        assertThat(run.code()).as(run.out()).isEqualTo(5);
        assertThat(run.out()).contains("'s3-block-publc-access' names no rule or control of the rule pack (misspelt?)");
    }

    @Test
    void a_day_that_does_not_exist_is_one_line_with_its_place() throws IOException {
        Path bad = scenario("bad.yaml", "2026-02-30", "MET", "AWS");
        CliRun run = CliRun.of("test", bad.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.clean()).isTrue();
        assertThat(run.err().lines().filter(l -> l.startsWith("srm: ")).toList()).singleElement().asString()
                .startsWith("srm: " + bad + ":14:").contains("/expect/asOf", "2026-02-30");
    }
}
