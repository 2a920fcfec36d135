package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every finding names where its resource came from: a Terraform plan's file and module address,
 * an AWS Config item's ARN and capture time, a CloudFormation template's file and line; in the
 * JSON, SARIF and CSV reports of one audit over the three inputs, and in the text of evaluate.
 */
class OriginsTest {
    private static final Path PLAN = Path.of("src/test/resources/terraform/plan-s3-module.json");
    private static final Path SNAPSHOT = Path.of("src/test/resources/config/snapshot.json");
    private static final Path SNAPSHOT_GZ = Path.of("src/test/resources/config/snapshot.json.gz");
    private static final Path TEMPLATE = Path.of("src/test/resources/templates/aws-cloudformation-templates/ec2-instance-with-security-group.yaml");
    private static final String BUCKET = "module.audit_logs.aws_s3_bucket.trail";
    private static final String INSTANCE_ARN = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    @BeforeAll
    static void audit() {
        CliRun r = CliRun.of("audit", PLAN.toString(), SNAPSHOT.toString(), TEMPLATE.toString(), "--out", out.toString(),
                "--format", "json", "--format", "sarif", "--format", "csv", "--fail-on", "none", "--no-progress", "--jobs", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.clean()).isTrue();
    }

    private static JsonNode evaluation(String scenarioId) throws Exception {
        JsonNode report = JSON.readTree(out.resolve("audit.json").toFile());
        return StreamSupport.stream(report.path("evaluations").spliterator(), false)
                .filter(e -> e.path("scenario").path("id").asText().equals(scenarioId)).findFirst().orElseThrow();
    }

    private static List<JsonNode> findingsOn(JsonNode evaluation, String resource) {
        List<JsonNode> out = new ArrayList<>();
        evaluation.path("findings").forEach(f -> {
            if (f.path("resource").asText().equals(resource)) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void a_finding_on_a_module_bucket_of_a_plan_names_the_plan_file_the_module_address_and_the_planned_values() throws Exception {
        List<JsonNode> findings = findingsOn(evaluation("plan-s3-module"), BUCKET);
        assertThat(findings).isNotEmpty();
        JsonNode origin = findings.get(0).path("origin");
        assertThat(origin.path("file").asText()).isEqualTo(PLAN.toString());
        assertThat(origin.path("address").asText()).isEqualTo(BUCKET);
        assertThat(origin.path("pointer").asText()).isEqualTo("/planned_values/root_module/child_modules/0/resources/0");
        assertThat(origin.path("line").asInt()).isEqualTo(lineOf(PLAN, "\"address\": \"" + BUCKET + "\"") - 1);
        assertThat(origin.has("arn")).as("a plan gives no ARN before apply").isFalse();
    }

    @Test
    void a_finding_on_a_config_item_names_its_arn_capture_time_account_and_region() throws Exception {
        List<JsonNode> findings = findingsOn(evaluation("config-111122223333"), INSTANCE_ARN);
        assertThat(findings).isNotEmpty();
        JsonNode origin = findings.get(0).path("origin");
        assertThat(origin.path("file").asText()).isEqualTo(SNAPSHOT.toString());
        assertThat(origin.path("arn").asText()).isEqualTo(INSTANCE_ARN);
        assertThat(origin.path("capturedAt").asText()).isEqualTo("2026-03-01T08:00:00.000Z");
        assertThat(origin.path("account").asText()).isEqualTo("111122223333");
        assertThat(origin.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(origin.path("pointer").asText()).startsWith("/configurationItems/");
        assertThat(origin.path("line").asInt()).as("the line the item starts on").isPositive()
                .isLessThan(lineOf(SNAPSHOT, "\"ARN\": \"" + INSTANCE_ARN + "\""));
    }

    @Test
    void a_finding_on_a_template_resource_names_the_template_its_line_and_logical_id() throws Exception {
        JsonNode e = evaluation("ec2-instance-with-security-group");
        JsonNode origin = findingsOn(e, "EC2Instance").get(0).path("origin");
        assertThat(origin.path("file").asText()).isEqualTo(TEMPLATE.toString());
        assertThat(origin.path("line").asInt()).isEqualTo(79).isEqualTo(lineOf(TEMPLATE, "  EC2Instance:"));
        assertThat(origin.path("address").asText()).isEqualTo("EC2Instance");
        JsonNode resource = StreamSupport.stream(e.path("resources").spliterator(), false)
                .filter(r -> r.path("id").asText().equals("EC2Instance")).findFirst().orElseThrow();
        assertThat(resource.path("origin")).isEqualTo(origin);
    }

    @Test
    void sarif_locates_each_result_at_its_origin_and_carries_address_arn_and_capture_time() throws Exception {
        JsonNode results = JSON.readTree(out.resolve("audit.sarif").toFile()).path("runs").get(0).path("results");
        JsonNode bucket = result(results, BUCKET);
        JsonNode physical = bucket.path("locations").get(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo(PLAN.toString());
        assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(lineOf(PLAN, "\"address\": \"" + BUCKET + "\"") - 1);
        assertThat(bucket.path("properties").path("origin").path("address").asText()).isEqualTo(BUCKET);

        JsonNode instance = result(results, INSTANCE_ARN);
        assertThat(instance.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo(SNAPSHOT.toString());
        JsonNode origin = instance.path("properties").path("origin");
        assertThat(origin.path("arn").asText()).isEqualTo(INSTANCE_ARN);
        assertThat(origin.path("capturedAt").asText()).isEqualTo("2026-03-01T08:00:00.000Z");
        assertThat(origin.path("describe").asText()).contains(INSTANCE_ARN, "captured 2026-03-01T08:00:00.000Z");

        JsonNode ec2 = result(results, "EC2Instance");
        assertThat(ec2.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(79);
    }

    private static JsonNode result(JsonNode results, String resource) {
        return StreamSupport.stream(results.spliterator(), false)
                .filter(r -> r.path("properties").path("resource").asText().equals(resource)).findFirst().orElseThrow();
    }

    @Test
    void csv_has_an_origin_column_on_every_row() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("audit.csv"));
        assertThat(lines.get(0)).endsWith(",origin");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("," + BUCKET + ",").endsWith("," + PLAN + ":"
                + (lineOf(PLAN, "\"address\": \"" + BUCKET + "\"") - 1) + " " + BUCKET));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("," + INSTANCE_ARN + ",")
                .contains(INSTANCE_ARN + " captured 2026-03-01T08:00:00.000Z (account 111122223333, eu-west-1)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains(",EC2Instance,").endsWith("," + TEMPLATE + ":79 EC2Instance"));
    }

    @Test
    void evaluate_as_text_says_where_each_resource_is_from_and_a_gzipped_snapshot_gives_no_line() {
        CliRun r = CliRun.of("evaluate", PLAN.toString(), SNAPSHOT_GZ.toString(), "--fail-on", "none");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("  from: " + PLAN + ":" + (lineOf(PLAN, "\"address\": \"" + BUCKET + "\"") - 1) + " " + BUCKET + "\n")
                .contains("  from: " + SNAPSHOT_GZ + " /configurationItems/");
        assertThat(r.out()).doesNotContain("from: " + SNAPSHOT_GZ + ":");
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " is not in " + file);
    }
}
