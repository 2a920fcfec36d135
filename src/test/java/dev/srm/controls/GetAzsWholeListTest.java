package dev.srm.controls;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AvailabilityZones: !GetAZs '' on a Classic Load Balancer or an Auto Scaling group without subnets is
 * every zone where the account's default VPC has a default subnet, and the resource runs in those
 * subnets; AWS creates one in every zone, and every Region has at least three. AutoScaling.2 and ELB.10
 * were UNKNOWN ("how many Availability Zones it spans is unknown") for the commonest way the older
 * samples write a fleet.
 */
class GetAzsWholeListTest {
    private static final Evaluation FLEET = Packs.evaluateTemplate(Path.of("src/test/resources/templates-azs/default-vpc-fleet.yaml"));

    @Test
    void a_classic_load_balancer_on_every_zone_getazs_gives_spans_two_zones_or_more() {
        ControlResult lb = control(FLEET, "WebLoadBalancer", "elb-clb-multi-az");
        assertThat(lb.status()).isEqualTo(Status.MET);
        assertThat(lb.evidence()).singleElement().satisfies(e -> assertThat(e)
                .contains("every zone Fn::GetAZs gives").contains("default subnet").contains("deleted its default subnets"));
    }

    @Test
    void an_auto_scaling_group_on_every_zone_of_its_region_spans_two_zones_or_more() {
        // Fn::GetAZs of !Ref AWS::Region is the same list as of ''
        assertThat(control(FLEET, "WebGroup", "autoscaling-multi-az").status()).isEqualTo(Status.MET);
    }

    @Test
    void subnets_beside_the_list_decide_the_zones() {
        // the group's subnets must lie in its AvailabilityZones: one subnet is one zone, whatever the list
        assertThat(control(FLEET, "WorkerGroup", "autoscaling-multi-az").status()).isEqualTo(Status.MISSING);
        // subnets from a parameter may all be in one zone
        assertThat(control(FLEET, "BatchGroup", "autoscaling-multi-az").status()).isEqualTo(Status.UNKNOWN);
    }
}
