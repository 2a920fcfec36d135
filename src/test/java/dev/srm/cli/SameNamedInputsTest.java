package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repository of stacks keeps its templates under the same name in different directories
 * ({@code services/orders/infra/template.yaml}, {@code services/billing/infra/template.yaml}), and
 * a Terraform repository its plans ({@code envs/prod/plan.json}, {@code envs/staging/plan.json}).
 * Their ids are made from the path, so they were the same: srm dropped every input after the
 * first as a duplicate (exit 3). Now each of them takes its directories' names in front, as few
 * as make them distinct, with a warning; every input is evaluated, under the same id whichever
 * command reads it (so that a baseline of one matches the other). {@code srm import} still lets
 * the first keep the id. A declared id stays the user's: declaring one twice is still a duplicate.
 */
class SameNamedInputsTest {
    @TempDir
    Path dir;

    private static final String ORDERS_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: Orders service
            Resources:
              OrdersTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
            """;

    private static final String BILLING_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Billing service
            Resources:
              InvoiceQueue:
                Type: AWS::SQS::Queue
                Properties:
                  SqsManagedSseEnabled: true
            """;

    private Path write(String path, String content) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private Path services() throws IOException {
        write("services/orders/infra/template.yaml", ORDERS_TEMPLATE);
        write("services/billing/infra/template.yaml", BILLING_TEMPLATE);
        return dir.resolve("services");
    }

    private static List<String> ids(JsonNode evaluations) {
        List<String> out = new ArrayList<>();
        evaluations.forEach(e -> out.add(e.at("/scenario/id").asText() + " " + e.at("/scenario/file").asText()));
        return out;
    }

    @Test
    void evaluate_keeps_both_templates_and_says_which_id_each_has() throws Exception {
        Path services = services();
        CliRun run = CliRun.of("evaluate", services.toString(), "--format", "json", "--fail-on", "none");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(ids(out.get("evaluations"))).containsExactly(
                "billing-infra " + services.resolve("billing/infra/template.yaml"),
                "orders-infra " + services.resolve("orders/infra/template.yaml"));
        assertThat(run.err()).contains("warning: " + services.resolve("orders/infra/template.yaml") + ": scenario id 'orders-infra':"
                + " 'infra', made from the file's path, is also that of " + services.resolve("billing/infra/template.yaml") + " in this batch");
    }

    @Test
    void audit_evaluates_every_plan_of_the_same_name_in_the_order_of_their_ids() throws Exception {
        String plan = Files.readString(Path.of("src/test/resources/terraform/plan-s3-module.json"));
        write("envs/prod/plan.json", plan);
        write("envs/staging/plan.json", plan);
        write("envs/dev/plan.json", plan);
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("audit", dir.resolve("envs").toString(), "--out", out.toString(), "--format", "json",
                "--fail-on", "none");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertThat(ids(audit.get("evaluations"))).containsExactly(
                "dev-plan " + dir.resolve("envs/dev/plan.json"),
                "prod-plan " + dir.resolve("envs/prod/plan.json"),
                "staging-plan " + dir.resolve("envs/staging/plan.json"));
        assertThat(audit.at("/portfolio/totals/failedInputs").asInt()).isZero();
    }

    @Test
    void import_writes_each_under_the_id_it_got() throws Exception {
        Path services = services();
        Path out = dir.resolve("imported");
        CliRun run = CliRun.of("import", services.toString(), "--output", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("infra.yaml")).content().contains("id: infra", "Billing service");
        assertThat(out.resolve("orders-infra.yaml")).content().contains("id: orders-infra", "Orders service",
                "# warning: " + services.resolve("orders/infra/template.yaml") + ": scenario id 'orders-infra': 'infra', made from");
    }

    @Test
    void two_scenarios_of_one_file_under_one_id_are_a_duplicate_for_evaluate_too() throws Exception {
        // a YAML stream of two scenario documents that both declare id x: audit refused the second, evaluate must too
        Path file = write("two.yaml", """
                srm: 1
                id: x
                resources:
                  - {id: orders-data, type: "AWS::S3::Bucket", configuration: {BucketName: a-data}}
                ---
                srm: 1
                id: x
                resources:
                  - {id: invoices-data, type: "AWS::S3::Bucket", configuration: {BucketName: b-data}}
                """);
        CliRun run = CliRun.of("evaluate", file.toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("duplicate scenario id 'x'");
        assertThat(run.out()).contains("orders-data").doesNotContain("invoices-data");
    }

    @Test
    void an_id_the_templates_declare_twice_is_still_a_duplicate() throws Exception {
        write("a/stack.yaml", BILLING_TEMPLATE + "Metadata:\n  srm: {id: billing}\n");
        write("b/stack.yaml", BILLING_TEMPLATE + "Metadata:\n  srm: {id: billing}\n");
        write("c/stack.yaml", BILLING_TEMPLATE); // made from the name 'stack' and free: kept as it is
        CliRun run = CliRun.of("evaluate", dir.toString(), "--fail-on", "none");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("srm: " + dir.resolve("b/stack.yaml") + ":/id: duplicate scenario id 'billing' (also used by "
                + dir.resolve("a/stack.yaml") + ")");
        assertThat(run.out()).contains("== Billing service [stack] (" + dir.resolve("c/stack.yaml") + ")");
    }
    @Test
    void two_aws_config_snapshots_of_one_account_are_both_evaluated() throws Exception {
        // an AWS Config snapshot's id is made from its account and Region (config-111122223333-eu-west-1): a directory of
        // daily snapshots of one account lost every file after the first as a duplicate id (exit 3)
        String snapshot = Files.readString(Path.of("src/test/resources/config/elastic-ips.json"));
        write("snapshots/2026-12-03.json", snapshot);
        write("snapshots/2026-12-04.json", snapshot);
        CliRun run = CliRun.of("evaluate", dir.resolve("snapshots").toString(), "--format", "json", "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertThat(out.get("evaluations")).hasSize(2);
        assertThat(run.err()).contains("scenario id '2026-12-04-config-111122223333': 'config-111122223333', made from the input's AWS"
                + " account, is taken by");
    }
}

