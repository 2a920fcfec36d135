package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from srm on CloudFormation, SAM and CDK inputs: evaluate, audit and triage. */
class TemplateCommandTest {
    private static final String PAIR = "src/test/resources/templates-pairs/shop-data.yaml";
    private static final String CDK = "src/test/resources/templates/aws-cdk/nested-stack.cdk.out";

    @Test
    void evaluate_reads_a_template_and_parameters_change_the_answer() {
        CliRun prod = CliRun.of("evaluate", PAIR, "--fail-on", "none");
        assertThat(prod.code()).as(prod.err()).isZero();
        assertThat(prod.out()).contains("Data: S3 AWS::S3::Bucket, bucket, model SERVERLESS").doesNotContain("DevScratch");
        CliRun dev = CliRun.of("evaluate", PAIR, "--parameter", "Env=dev", "--fail-on", "none");
        assertThat(dev.out()).contains("DevScratch: S3 AWS::S3::Bucket");
        assertThat(dev.clean()).isTrue();
    }

    @Test
    void a_parameters_file_and_the_command_line_give_values_and_the_command_line_wins(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("params.json");
        Files.writeString(file, "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"dev\"}]");
        assertThat(CliRun.of("evaluate", PAIR, "--parameters-file", file.toString(), "--fail-on", "none").out()).contains("DevScratch");
        assertThat(CliRun.of("evaluate", PAIR, "--parameters-file", file.toString(), "--parameter", "Env=prod", "--fail-on", "none")
                .out()).doesNotContain("DevScratch");
    }

    @Test
    void a_bad_parameter_is_one_line() {
        CliRun noEquals = CliRun.of("evaluate", PAIR, "--parameter", "Env");
        assertThat(noEquals.code()).isEqualTo(2);
        assertThat(noEquals.err()).contains("--parameter").contains("Env");
        CliRun notAllowed = CliRun.of("evaluate", PAIR, "--parameter", "Env=test");
        assertThat(notAllowed.code()).isEqualTo(3);
        assertThat(notAllowed.err().strip()).isEqualTo("srm: " + PAIR + ":4:3: /Parameters/Env: --parameter Env gives 'test', which is not"
                + " one of its AllowedValues (dev, prod)");
        CliRun undeclared = CliRun.of("evaluate", PAIR, "--parameter", "Envv=prod", "--fail-on", "none");
        assertThat(undeclared.code()).isZero();
        assertThat(undeclared.err()).contains("warning: --parameter Envv: the template declares no parameter Envv (it declares Env,"
                + " AdminCidr); the value is not used");
        CliRun missingFile = CliRun.of("evaluate", PAIR, "--parameters-file", "no-such-params.json");
        assertThat(missingFile.code()).isEqualTo(3);
        assertThat(missingFile.err().strip()).isEqualTo("srm: no-such-params.json: no such file");
    }

    @Test
    void a_cdk_cloud_assembly_is_evaluated_stack_by_stack_with_its_nested_stacks() {
        CliRun run = CliRun.of("evaluate", CDK, "--format", "json", "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"id\": \"nested-stacks-test\"")
                .contains("NestedStack1NestedStackNestedStack1NestedStackResource7E64AD52/fn5FF616E3")
                .doesNotContain("\"id\": \"manifest\"", "assets");
    }

    @Test
    void a_bad_template_in_a_batch_is_one_line_and_the_others_are_still_evaluated(@TempDir Path dir) throws Exception {
        Files.copy(Path.of(PAIR), dir.resolve("good.yaml"));
        Files.copy(Path.of("src/test/resources/templates-bad/aws-cloudformation-templates/apigateway-lambda-integration.yaml"),
                dir.resolve("rain.yaml"));
        Files.writeString(dir.resolve("typeless.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Properties: {}\n");
        CliRun run = CliRun.of("evaluate", dir.toString(), "--format", "json", "--fail-on", "none");
        assertThat(run.code()).isEqualTo(3);
        List<String> lines = run.err().lines().filter(l -> l.startsWith("srm: ")).toList();
        assertThat(lines).containsExactly(
                "srm: " + dir.resolve("rain.yaml") + ":108:18: /Resources/LambdaFunction/Properties/Code/ZipFile: !Rain::Embed is a"
                        + " directive of the rain CLI, which 'rain pkg' expands into CloudFormation: give srm the packaged template"
                        + " (rain pkg TEMPLATE > packaged.yaml)",
                "srm: " + dir.resolve("typeless.yaml") + ":3:3: /Resources/B: no Type; every resource needs one, e.g. Type: AWS::S3::Bucket");
        assertThat(run.out()).contains("\"id\": \"good\"");
    }

    @Test
    void audit_over_templates_writes_the_six_reports_with_template_lines(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("audit", "src/test/resources/templates/serverless-patterns", CDK, PAIR, "--out", out.toString(),
                "--fail-on", "none", "--no-progress", "--jobs", "2");
        assertThat(run.code()).as(run.err()).isZero();
        Set<String> written = new TreeSet<>();
        try (var files = Files.list(out)) {
            files.forEach(f -> written.add(f.getFileName().toString()));
        }
        assertThat(written).containsExactlyInAnyOrder("audit.json", "audit.csv", "audit.md", "audit.html", "audit.sarif", "audit.junit.xml");
        JsonNode sarif = new ObjectMapper().readTree(out.resolve("audit.sarif").toFile());
        JsonNode versioning = null;
        for (JsonNode r : sarif.path("runs").get(0).path("results")) {
            if (r.path("properties").path("resource").asText().equals("Data")
                    && r.path("properties").path("scenario").asText().equals("shop-data")) {
                versioning = r;
            }
        }
        assertThat(versioning).as("a finding on the template's Data bucket").isNotNull();
        JsonNode location = versioning.path("locations").get(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).endsWith("templates-pairs/shop-data.yaml");
        assertThat(location.path("region").path("startLine").asInt()).as("the line of Data in the template").isEqualTo(31);
    }

    @Test
    void triage_reads_a_template_as_the_scenario_of_an_incident() {
        CliRun run = CliRun.of("triage", PAIR, "--resource", "Data", "--kind", "data-exposure");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("CUSTOMER owns the remediation").contains("Data (S3 bucket");
    }

    @Test
    void the_format_can_be_forced_and_a_scenario_is_then_not_a_template() {
        CliRun run = CliRun.of("evaluate", "scenarios/study/s3-public-bucket.yaml", "--input-format", "cloudformation");
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: scenarios/study/s3-public-bucket.yaml: /Resources: missing; a template declares at"
                + " least one resource under Resources");
    }
}
