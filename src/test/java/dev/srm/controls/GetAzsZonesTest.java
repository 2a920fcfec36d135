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
 * AutoScaling.2 counts a group's Availability Zones. Templates name their subnets' zones with
 * !Select [i, !GetAZs ''], which only the deployment resolves; but the zones at distinct indexes of
 * one Region's list are distinct, and at one index the same. A group on zones 0 and 1 was UNKNOWN;
 * one with both subnets on zone 0 was UNKNOWN too, though it runs in one zone.
 */
class GetAzsZonesTest {
    private static final Evaluation FLEET = Packs.evaluateTemplate(Path.of("src/test/resources/templates-azs/web-fleet.yaml"));

    @Test
    void distinct_indexes_of_one_regions_zones_are_distinct_zones() {
        ControlResult web = control(FLEET, "WebGroup", "autoscaling-multi-az");
        assertThat(web.status()).isEqualTo(Status.MET);
        assertThat(web.evidence()).anySatisfy(e -> assertThat(e).contains("zone 0 of Fn::GetAZs").contains("zone 1 of Fn::GetAZs"));
    }

    @Test
    void two_subnets_on_the_same_index_are_one_zone() {
        assertThat(control(FLEET, "BatchGroup", "autoscaling-multi-az").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void a_named_zone_beside_a_getazs_one_may_be_the_same_zone() {
        // zone 0 of us-east-1's list may well be us-east-1a
        assertThat(control(FLEET, "LegacyGroup", "autoscaling-multi-az").status()).isEqualTo(Status.UNKNOWN);
    }
}
