package dev.srm.input.config;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What AWS Config items say about where resources run, as Config records them (zones-and-flow-logs.json,
 * the properties awslabs/aws-config-resource-schema lists): an Auto Scaling group's subnets are one
 * comma-separated text and its zones a list, and a subnet is known by its ARN while other items name it
 * by id.
 */
class ZonesAndFlowLogsTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final String ASG = "arn:aws:autoscaling:eu-west-1:444455556666:autoScalingGroup:5d1e7f3a-2b4c-4d6e-8f0a-1b2c3d4e5f6a:autoScalingGroupName/";

    private static Evaluation evaluate(String file) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(file, Files.readAllBytes(DIR.resolve(file)), InputFormat.config, false);
        assertThat(e).hasSize(1);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("no srm mapping")).noneMatch(w -> w.contains("unknown configuration key"));
        return e.get(0);
    }

    private static ControlResult control(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource));
    }

    private static Status status(Evaluation e, String resource, String control) {
        return control(e, resource, control).status();
    }

    /**
     * AutoScaling.2: Config gives VPCZoneIdentifier as "subnet-a,subnet-b" (aws-config-resource-schema spells it
     * vpczoneIdentifier; vpcZoneIdentifier and vPCZoneIdentifier are read too) and the zones as availabilityZones.
     * The text was read as one subnet that no subnet of the input is, and the zones not at all: every group with
     * two subnets was MISSING.
     */
    @Test
    void an_auto_scaling_groups_subnets_and_zones_are_read_whatever_the_spelling() throws Exception {
        Evaluation e = evaluate("zones-and-flow-logs.json");
        assertThat(status(e, ASG + "web", "autoscaling-multi-az")).isEqualTo(Status.MET);        // vpczoneIdentifier
        assertThat(status(e, ASG + "reports", "autoscaling-multi-az")).isEqualTo(Status.MET);    // vpcZoneIdentifier
        // the repository's snapshot: web-asg in eu-west-1a and eu-west-1b
        List<Evaluation> snapshot = Packs.srm().evaluate("snapshot.json", Files.readAllBytes(DIR.resolve("snapshot.json")), InputFormat.config, false);
        assertThat(status(snapshot.get(0), "arn:aws:autoscaling:eu-west-1:111122223333:autoScalingGroup:1:autoScalingGroupName/web-asg",
                "autoscaling-multi-az")).isEqualTo(Status.MET);
    }

    /**
     * Lambda.5, AutoScaling.2 (and Redshift.16, which count zones the same way): a subnet's zone is its item's, and
     * Config knows the subnet by its ARN while the function and the group name it by id. No zone was found: every
     * function with two subnets was UNKNOWN, and a group whose subnets share one zone too.
     */
    @Test
    void a_subnet_named_by_id_is_found_by_its_arn_and_gives_its_zone() throws Exception {
        Evaluation e = evaluate("zones-and-flow-logs.json");
        String fn = "arn:aws:lambda:eu-west-1:444455556666:function:";
        assertThat(status(e, fn + "orders-api", "lambda-vpc-multi-az")).isEqualTo(Status.MET);         // eu-west-1a and eu-west-1b
        assertThat(status(e, fn + "orders-worker", "lambda-vpc-multi-az")).isEqualTo(Status.MISSING);  // two subnets in eu-west-1a
        // availabilityZones [eu-west-1a] and two subnets of eu-west-1a (vPCZoneIdentifier)
        assertThat(status(e, ASG + "batch", "autoscaling-multi-az")).isEqualTo(Status.MISSING);
    }

    /**
     * EC2.6: a flow log's item names the VPC it logs by id (configuration.resourceId), and the VPC's item is known by
     * its ARN. The flow log was read without its target: every VPC was UNKNOWN. Rejected (or all) traffic meets it;
     * accepted traffic only fails it (vpc-flow-logs-enabled with trafficType REJECT, as Security Hub runs it).
     */
    @Test
    void a_flow_log_belongs_to_the_vpc_its_item_names() throws Exception {
        Evaluation e = evaluate("zones-and-flow-logs.json");
        String vpc = "arn:aws:ec2:eu-west-1:444455556666:vpc/";
        assertThat(status(e, vpc + "vpc-0a1b2c3d4e5f60718", "vpc-flow-logs-enabled")).isEqualTo(Status.MET);      // ALL
        assertThat(status(e, vpc + "vpc-0f1e2d3c4b5a69788", "vpc-flow-logs-enabled")).isEqualTo(Status.MISSING);  // ACCEPT only
    }
}
