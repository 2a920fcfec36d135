package dev.srm.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** An ASFF finding's resources are located in one pass over the file: a finding of 10,000 resources is triaged. */
class AsffScaleTest {
    @TempDir
    Path dir;

    static String finding(int resources) {
        StringBuilder b = new StringBuilder("""
                {
                  "Findings": [
                    {
                      "SchemaVersion": "2018-10-08",
                      "Id": "arn:aws:securityhub:eu-west-1:111122223333:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/0b5a1c2d",
                      "ProductArn": "arn:aws:securityhub:eu-west-1::product/aws/securityhub",
                      "GeneratorId": "aws-foundational-security-best-practices/v/1.0.0/S3.8",
                      "AwsAccountId": "111122223333",
                      "Types": ["Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices"],
                      "CreatedAt": "2026-04-18T22:10:02.845Z",
                      "UpdatedAt": "2026-04-18T22:36:44.118Z",
                      "Severity": {"Label": "HIGH"},
                      "Title": "S3 general purpose buckets should block public access",
                      "Description": "This control checks whether an S3 general purpose bucket blocks public access at the bucket level.",
                      "Compliance": {"Status": "FAILED", "SecurityControlId": "S3.8"},
                      "Resources": [
                """);
        for (int i = 0; i < resources; i++) {
            b.append(i == 0 ? "" : ",\n").append("        {\"Type\": \"AwsS3Bucket\", \"Id\": \"arn:aws:s3:::orders-exports-")
                    .append(i).append("\", \"Partition\": \"aws\", \"Region\": \"eu-west-1\", \"Tags\": {\"team\": \"orders\"}}");
        }
        return b.append("\n      ]\n    }\n  ]\n}\n").toString();
    }

    @Test
    void a_finding_of_ten_thousand_resources_is_triaged() throws IOException {
        Path f = dir.resolve("findings.json");
        Files.writeString(f, finding(10_000));
        long start = System.nanoTime();
        Run run = Run.of("triage", "--format", "json", f.toString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("triage of one ASFF finding with 10,000 resources: " + ms + " ms");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.out()).contains("arn:aws:s3:::orders-exports-0");
    }
}
