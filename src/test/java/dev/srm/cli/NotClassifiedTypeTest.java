package dev.srm.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A type srm deliberately does not classify is reported with the reason, not as an unknown type. */
class NotClassifiedTypeTest {
    private static final String TEMPLATE = "src/test/resources/templates-not-classified/capacity-reservation.yaml";

    @Test
    void a_capacity_reservation_is_explained_and_the_instance_placed_in_it_is_classified() {
        CliRun run = CliRun.of("evaluate", TEMPLATE, "--parameter", "SubnetId=subnet-0a1b2c3d", "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.clean()).isTrue();
        assertThat(run.err()).contains(TEMPLATE + ":12: resource 'BatchCapacity': CloudFormation type "
                        + "'AWS::EC2::CapacityReservation' is deliberately not classified: capacity, placement or scheduling "
                        + "construct: it holds no data and runs no customer code")
                .contains("; its layers are reported as UNKNOWN")
                .doesNotContain("unknown CloudFormation type").doesNotContain("unknown configuration key");
        assertThat(run.out()).contains("BatchHost: EC2 AWS::EC2::Instance");
    }

    @Test
    void a_type_of_no_catalogued_service_is_still_unknown() {
        CliRun run = CliRun.of("evaluate", "src/test/resources/templates/serverless-patterns/apigw-lambda-observability/template.yaml",
                "--fail-on", "none");
        assertThat(run.err()).contains("unknown CloudFormation type 'AWS::CloudWatch::Alarm'")
                .doesNotContain("deliberately not classified: capacity");
    }
}
