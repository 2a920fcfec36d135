package dev.srm.fuzz;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The faults the fuzz properties found, each as a plain example through the command line. */
class FoundByFuzzingTest {
    @TempDir
    Path dir;

    @Test
    void a_template_nested_past_the_limit_is_one_line_with_its_place_in_srm_words() throws IOException {
        StringBuilder yaml = new StringBuilder("""
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  OrdersBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      Tags:
                """);
        for (int i = 0; i < 201; i++) {
            yaml.append("        ").append("  ".repeat(i)).append("- \n");
        }
        Path file = dir.resolve("stack.yaml");
        Cli.Outcome o = Cli.run(file, yaml.toString().getBytes(StandardCharsets.UTF_8), "evaluate", "--fail-on", "none");
        Contract.kept(o, file, Set.of(3));
        assertThat(o.err()).contains("nested more than 200 levels deep, srm's limit; flatten the structure")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void an_asff_finding_with_a_blank_id_is_refused_with_its_pointer_not_an_internal_error() throws IOException {
        Path file = dir.resolve("finding.json");
        String finding = """
                {"SchemaVersion": "2018-10-08", "Id": " ", "ProductArn": "arn:aws:securityhub:eu-west-1::product/aws/guardduty",
                 "GeneratorId": "guardduty", "AwsAccountId": "111122223333",
                 "Types": ["Effects/Data Exposure/Policy:S3-BucketBlockPublicAccessDisabled"],
                 "CreatedAt": "2026-04-18T22:10:02.845Z", "UpdatedAt": "2026-04-18T22:36:44.118Z",
                 "Severity": {"Label": "LOW"}, "Title": "Block Public Access was disabled", "Description": "Seen by GuardDuty",
                 "Resources": [{"Type": "AwsS3Bucket", "Id": "arn:aws:s3:::acme-customer-data", "Region": "eu-west-1"}]}
                """;
        Cli.Outcome o = Cli.run(file, finding.getBytes(StandardCharsets.UTF_8), "triage");
        Contract.kept(o, file, Set.of(3));
        assertThat(o.errLines()).containsExactly("srm: " + file + ":1:33: /Id: the finding's Id must be a non-empty string, found a blank one");
    }
}
