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
    void a_finding_of_ten_thousand_resources_is_read_with_every_resource_located() throws Exception {
        byte[] bytes = finding(10_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dev.srm.input.asff.AsffReader reader = new dev.srm.input.asff.AsffReader(
                dev.srm.rules.IncidentCatalog.load(dev.srm.rules.RuleSources.bundled()));
        long start = System.nanoTime();
        java.util.List<dev.srm.model.Scenario> read = reader.read("findings.json", bytes);
        System.out.println("ASFF reader, one finding with 10,000 resources: " + (System.nanoTime() - start) / 1_000_000 + " ms");
        assertThat(read).hasSize(1);
        assertThat(read.get(0).resources()).hasSize(10_000);
        assertThat(read.get(0).resources().get(9_999).line()).isEqualTo(10_016); // each resource on its own line
    }
}
