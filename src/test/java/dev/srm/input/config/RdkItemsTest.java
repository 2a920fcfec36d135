package dev.srm.input.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example configuration items of the AWS Config RDK (src/test/resources/config/rdk/README.md): an
 * older security group item, CloudFormation-shaped items that record an identifier, and a bucket
 * without access logging.
 */
class RdkItemsTest {
    private static final Path RDK = Path.of("src/test/resources/config/rdk");
    private static final String GROUP = "arn:aws:ec2:us-east-1:264683526309:security-group/sg-1d56fc66";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An item of the older shape gives a rule's IPv4 addresses only as plain strings under ipRanges: SSH open to
     * 0.0.0.0/0 fails EC2.13, EC2.19 and EC2.53. They were UNKNOWN, without evidence.
     */
    @Test
    void a_security_group_item_with_ip_ranges_only_is_judged_on_them() throws Exception {
        Evaluation e = evaluate(RDK.resolve("AWS_EC2_SecurityGroup.json"));
        for (String c : List.of("ec2-security-group-no-open-ssh", "vpc-sg-no-high-risk-ports", "vpc-sg-no-admin-ports-ipv4")) {
            ControlResult r = control(e, GROUP, c);
            assertThat(r.status()).as("%s %s", c, r.evidence()).isEqualTo(Status.MISSING);
            assertThat(r.evidence()).anyMatch(x -> x.startsWith("NOT_MET: ingress from 0.0.0.0/0 on tcp port 22"));
        }
        assertThat(control(e, GROUP, "ec2-security-group-no-open-rdp").status()).isEqualTo(Status.MET);
        Map<String, String> group = ConfigReaderTest.settings(only(RDK.resolve("AWS_EC2_SecurityGroup.json")));
        assertThat(group).containsEntry("SecurityGroupIngress[0].CidrIp", "0.0.0.0/0").containsEntry("SecurityGroupIngress[0].IpProtocol", "tcp")
                .containsEntry("SecurityGroupIngress[0].FromPort", "22").containsEntry("SecurityGroupEgress[0].IpProtocol", "-1")
                .doesNotContainKey("SecurityGroupIngress[1].CidrIp");
    }

    /** A later item gives the same addresses twice, under ipRanges and ipv4Ranges: one rule, read once. */
    @Test
    void an_item_with_both_ip_ranges_and_ipv4_ranges_counts_each_address_once(@TempDir Path tmp) throws Exception {
        ObjectNode item = (ObjectNode) JSON.readTree(RDK.resolve("AWS_EC2_SecurityGroup.json").toFile());
        for (String list : List.of("ipPermissions", "ipPermissionsEgress")) {
            ObjectNode rule = (ObjectNode) item.at("/configuration/" + list + "/0");
            ArrayNode v4 = rule.putArray("ipv4Ranges");
            v4.addObject().put("cidrIp", "0.0.0.0/0");
            rule.putArray("ipv6Ranges");
        }
        Path both = tmp.resolve("both.json");
        JSON.writeValue(both.toFile(), item);
        Map<String, String> group = ConfigReaderTest.settings(only(both));
        assertThat(group).containsEntry("SecurityGroupIngress[0].CidrIp", "0.0.0.0/0").doesNotContainKey("SecurityGroupIngress[1].CidrIp")
                .doesNotContainKey("SecurityGroupEgress[1].CidrIp");
        assertThat(control(evaluate(both), GROUP, "ec2-security-group-no-open-ssh").status()).isEqualTo(Status.MISSING);
    }

    /**
     * Config records identifiers beside a CloudFormation-shaped configuration (a launch template's and a Glue job's
     * Id): keys the type's schema does not have are left out, without the warning each item gave.
     */
    @Test
    void keys_a_copied_item_records_beyond_the_schema_are_left_out_silently() throws Exception {
        for (String file : List.of("AWS_EC2_LaunchTemplate.json", "AWS_Glue_Job.json")) {
            Evaluation e = evaluate(RDK.resolve(file));
            assertThat(e.warnings()).as(file).noneMatch(w -> w.contains("unknown configuration key"));
            assertThat(ConfigReaderTest.settings(only(RDK.resolve(file)))).as(file).doesNotContainKey("Id").isNotEmpty();
        }
        assertThat(ConfigReaderTest.settings(only(RDK.resolve("AWS_EC2_LaunchTemplate.json"))))
                .containsEntry("LaunchTemplateName", "test").containsEntry("LaunchTemplateData.ImageId", "ami-test");
    }

    /** destinationBucketName: null is a bucket without access logging: S3.9 says it is not set, not "" (an empty string). */
    @Test
    void a_bucket_without_a_log_bucket_is_said_to_have_none() throws Exception {
        Evaluation e = evaluate(RDK.resolve("AWS_S3_Bucket.json"));
        ControlResult logging = control(e, "arn:aws:s3:::mborch-test-bucket-config-item", "s3-access-logging");
        assertThat(logging.status()).isEqualTo(Status.MISSING);
        assertThat(logging.evidence()).containsExactly("NOT_MET: expected LoggingConfiguration.DestinationBucketName is not empty, found it not set"
                + " (the input states LoggingConfiguration.DestinationBucketName whole, and sets no value for it)");
    }

    private static ResourceSpec only(Path item) throws Exception {
        List<ResourceSpec> resources = ConfigReaderTest.read(new ConfigReader(GroupBy.account), item).get(0).scenario().resources();
        return resources.get(0);
    }

    private static Evaluation evaluate(Path item) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(item.getFileName().toString(), Files.readAllBytes(item), InputFormat.config, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }
}
