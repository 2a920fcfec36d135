package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code srm triage} on what is deployed: a Terraform plan (a bucket in a module whose public
 * access block is a split-out resource) and AWS Config inventories, one account or an aggregator
 * of several. The answer names the owner and where the resource was read from.
 */
class TriageInputsTest {
    private static final Path PLAN = Path.of("src/test/resources/terraform/plan-s3-module.json");
    private static final Path SNAPSHOT = Path.of("src/test/resources/config/snapshot.json");
    private static final Path AGGREGATOR = Path.of("src/test/resources/config/aggregator-select.json");
    private static final String BUCKET = "module.audit_logs.aws_s3_bucket.trail";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_data_exposure_on_a_planned_module_bucket_is_the_customers_and_names_the_plan_and_address() {
        CliRun r = CliRun.of("triage", PLAN.toString(), "--kind", "data-exposure", "--resource", BUCKET,
                "--summary", "Objects of the CloudTrail archive listed anonymously");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.clean()).isTrue();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("CUSTOMER owns the remediation: ")
                .contains(BUCKET + " (S3 bucket, SERVERLESS)");
        assertThat(r.out()).contains("\nfrom: " + PLAN + ":10 " + BUCKET + "\n");
        assertThat(r.out()).as("the folded public access block is the bucket's evidence")
                .containsPattern("MISSING +S3 bucket blocks public access");
    }

    @Test
    void json_gives_the_resource_origin_with_its_pointer_into_the_planned_values() throws Exception {
        CliRun r = CliRun.of("triage", PLAN.toString(), "--kind", "data-exposure", "--resource", BUCKET, "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode t = JSON.readTree(r.out());
        assertThat(t.path("owner").asText()).isEqualTo("CUSTOMER");
        JsonNode origin = t.path("resource").path("origin");
        assertThat(origin.path("file").asText()).isEqualTo(PLAN.toString());
        assertThat(origin.path("address").asText()).isEqualTo(BUCKET);
        assertThat(origin.path("pointer").asText()).startsWith("/planned_values/root_module/child_modules/0/");
    }

    @Test
    void a_misconfigured_instance_of_a_config_snapshot_is_the_customers_and_names_its_arn_and_capture_time() {
        String instance = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0";
        CliRun r = CliRun.of("triage", SNAPSHOT.toString(), "--kind", "network-exposure", "--resource", instance,
                "--detected-by", "GuardDuty");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("CUSTOMER owns the remediation: network-configuration of "
                + instance + " (EC2 instance, IAAS)");
        assertThat(r.out()).containsPattern("\nfrom: " + java.util.regex.Pattern.quote(SNAPSHOT + ":") + "\\d+ "
                + java.util.regex.Pattern.quote(instance + " captured 2026-03-01T08:00:00.000Z (account 111122223333, eu-west-1)") + "\n");
    }

    @Test
    void an_aggregator_of_several_accounts_triages_the_account_that_holds_the_resource() {
        String bucket = "arn:aws:s3:::acme-audit-logs-777788889999";
        CliRun r = CliRun.of("triage", AGGREGATOR.toString(), "--kind", "data-exposure", "--resource", bucket);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("CUSTOMER owns the remediation: ").contains("route to payments")
                .contains("from: " + AGGREGATOR).contains("(account 777788889999");
    }

    @Test
    void an_aggregator_without_a_resource_or_with_one_it_lacks_is_one_line() {
        CliRun none = CliRun.of("triage", AGGREGATOR.toString(), "--kind", "data-exposure", "--service", "S3");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).isEqualTo("srm: " + AGGREGATOR + ": holds 3 scenarios (config-111122223333, config-444455556666,"
                + " config-777788889999); triage one at a time, or name the resource with --resource\n");
        CliRun missing = CliRun.of("triage", AGGREGATOR.toString(), "--kind", "data-exposure", "--resource", "arn:aws:s3:::nowhere");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("srm: --resource 'arn:aws:s3:::nowhere': no such resource in any of the 3 scenarios of "
                + AGGREGATOR + "\n").doesNotContain("\tat ");
    }
}
