package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** srm matrix, compare and crm from the command line, on the bundled pack. */
class ExploreCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path AUDIT = Path.of("src", "test", "resources", "golden", "audit", "audit.json");

    @TempDir
    Path dir;

    private static JsonNode layer(JsonNode row, String layer) {
        for (JsonNode c : row.path("cells")) {
            if (c.path("layer").asText().equals(layer)) {
                return c;
            }
        }
        throw new AssertionError("no layer " + layer + " in " + row);
    }

    private static JsonNode duty(JsonNode cell, String duty) {
        for (JsonNode d : cell.path("duties")) {
            if (d.path("id").asText().equals(duty)) {
                return d;
            }
        }
        throw new AssertionError("no duty " + duty + " in " + cell);
    }

    @Test
    void matrix_of_lambda_is_what_the_rules_say_and_a_setting_moves_patching_to_the_customer() throws Exception {
        CliRun zip = CliRun.of("matrix", "Lambda", "--format", "json");
        assertThat(zip.code()).isZero();
        JsonNode row = JSON.readTree(zip.out()).path("rows").get(0);
        assertThat(row.path("variant").asText()).isEqualTo("zip");
        assertThat(layer(row, "guest-os-and-app-patching").path("party").asText()).isEqualTo("SHARED"); // AWS: OS and runtime; customer: code
        assertThat(layer(row, "guest-os-and-app-patching").path("duties").get(0).path("source").asText()).startsWith("https://");

        CliRun image = CliRun.of("matrix", "Lambda", "--config", "PackageType=Image", "--format", "json");
        JsonNode imageRow = JSON.readTree(image.out()).path("rows").get(0);
        assertThat(imageRow.path("variant").asText()).isEqualTo("container-image");
        assertThat(layer(imageRow, "guest-os-and-app-patching").path("party").asText()).isEqualTo("SHARED"); // the runtime moves into the image
        // what moves is the runtime's patching: Lambda's on a managed runtime, the customer's rebuild in an image
        assertThat(duty(layer(row, "guest-os-and-app-patching"), "runtime-patching").path("party").asText()).isEqualTo("AWS");
        assertThat(duty(layer(imageRow, "guest-os-and-app-patching"), "runtime-patching").path("party").asText()).isEqualTo("CUSTOMER");
        assertThat(duty(layer(imageRow, "guest-os-and-app-patching"), "runtime-patching").path("rule").asText())
                .isEqualTo("lambda-container-image-runtime-patching");

        CliRun text = CliRun.of("matrix", "Lambda");
        assertThat(text.out()).startsWith("Lambda zip (SERVERLESS)").contains("guest-os-and-app-patching       SHARED")
                .contains("Customer controls (").contains("Security Hub Lambda.");
    }

    @Test
    void a_variant_is_found_by_the_rules_from_the_service_types() throws Exception {
        CliRun url = CliRun.of("matrix", "Lambda:function-url", "--format", "csv");
        assertThat(url.code()).isZero();
        assertThat(url.out()).startsWith("subject,service,variant,type,").contains("Lambda:function-url,Lambda,function-url,AWS::Lambda::Url,");
        CliRun all = CliRun.of("matrix", "EC2:*", "--format", "markdown");
        assertThat(all.out()).contains("## EC2 instance (IAAS)").contains("## EC2 launch-template (IAAS)");
    }

    @Test
    void bad_subjects_and_settings_are_usage_errors_with_one_line() {
        CliRun unknown = CliRun.of("matrix", "Mainframe");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("srm: unknown service 'Mainframe' (known services: EC2,");
        CliRun variant = CliRun.of("matrix", "ECS:fargate");
        assertThat(variant.code()).isEqualTo(2);
        assertThat(variant.err()).contains("no resource of ECS as variant 'fargate'").contains("--config KEY=VALUE");
        CliRun config = CliRun.of("matrix", "Lambda", "--config", "PackageType");
        assertThat(config.code()).isEqualTo(2);
        assertThat(config.err()).startsWith("srm: --config: 'PackageType' is not KEY=VALUE");
        CliRun path = CliRun.of("matrix", "Lambda", "--config", "Layers[x]=arn");
        assertThat(path.code()).isEqualTo(2);
        assertThat(path.err()).startsWith("srm: --config: 'Layers[x]' is not a property path (Name, Name.Sub, Name[0].Sub)");
        CliRun index = CliRun.of("matrix", "EC2", "--config", "NetworkInterfaces[99999999999].SubnetId=subnet-0a1b2c3d");
        assertThat(index.code()).as("an index is refused, not capped: the resource would not be the one asked for").isEqualTo(2);
        assertThat(index.err()).startsWith("srm: --config: 'NetworkInterfaces[99999999999].SubnetId': a list index above 1000");
        CliRun above = CliRun.of("matrix", "EC2", "--config", "NetworkInterfaces[1001].SubnetId=subnet-0a1b2c3d");
        assertThat(above.err()).as("was capped to 1000 without a word").startsWith("srm: --config: 'NetworkInterfaces[1001].SubnetId': a list index above 1000");
        assertThat(CliRun.of("matrix", "EC2", "--config", "NetworkInterfaces[0001].SubnetId=subnet-0a1b2c3d", "--format", "json").code()).isZero();
        CliRun clash = CliRun.of("matrix", "Lambda", "--config", "VpcConfig.SubnetIds[0]=subnet-0a1b2c3d", "--config", "VpcConfig=none");
        assertThat(clash.code()).as("one of the two would be dropped: the row would not be what was asked").isEqualTo(2);
        assertThat(clash.err()).startsWith("srm: --config: 'VpcConfig' clashes with another setting");
        CliRun twice = CliRun.of("matrix", "RDS", "--config", "BackupRetentionPeriod=1", "--config", "BackupRetentionPeriod=30");
        assertThat(twice.code()).as("the last value used to win without a word").isEqualTo(2);
        assertThat(twice.err()).startsWith("srm: --config: 'BackupRetentionPeriod' is given twice ('1' and '30'); give it once");
        CliRun triage = CliRun.of("triage", "--service", "RDS", "--kind", "unpatched-vulnerability", "--config", "Engine=mysql",
                "--config", "Engine=custom-oracle-ee");
        assertThat(triage.code()).isEqualTo(2);
        assertThat(triage.err()).startsWith("srm: --config 'Engine' is given twice ('mysql' and 'custom-oracle-ee'); give it once");
        CliRun parameter = CliRun.of("evaluate", "src/test/resources/templates/aws-cloudformation-templates/webapp.yaml",
                "--parameter", "Env=dev", "--parameter", "Env=prod");
        assertThat(parameter.code()).isEqualTo(2);
        assertThat(parameter.err()).startsWith("srm: --parameter: 'Env' is given twice ('dev' and 'prod'); give it once");
        assertThat(unknown.clean() && variant.clean() && config.clean() && path.clean() && index.clean() && above.clean() && clash.clean())
                .isTrue();
    }

    @Test
    void compare_ec2_to_lambda_moves_patching_to_aws_and_files_give_the_same_moves() throws Exception {
        CliRun text = CliRun.of("compare", "EC2", "Lambda");
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("EC2 instance (IAAS) -> Lambda zip (SERVERLESS)")
                .contains("Moves to AWS (the customer does less):\n").contains("guest-os-and-app-patching / os-patching")
                .contains("Controls that disappear (").contains("ec2-imdsv2");
        JsonNode services = JSON.readTree(CliRun.of("compare", "EC2", "Lambda", "--format", "json").out());
        Path ec2 = dir.resolve("ec2.yaml");
        Path lambda = dir.resolve("lambda.yaml");
        Files.writeString(ec2, "srm: 1\nid: web\nresources:\n  - {id: web, service: EC2}\n");
        Files.writeString(lambda, "srm: 1\nid: api\nresources:\n  - {id: api, service: Lambda}\n");
        JsonNode files = JSON.readTree(CliRun.of("compare", ec2.toString(), lambda.toString(), "--format", "json").out());
        assertThat(files.path("moves")).isEqualTo(services.path("moves"));

        CliRun fargate = CliRun.of("compare", "ECS", "ECS", "--to-config", "LaunchType=FARGATE", "--format", "markdown");
        assertThat(fargate.code()).isZero();
        assertThat(fargate.out()).startsWith("# ECS ec2 (IAAS) → ECS fargate (SERVERLESS)").contains("| guest-os-and-app-patching | CUSTOMER |");
        assertThat(CliRun.of("compare", "ECS", "ECS", "--from-config", "LaunchType=FARGATE", "--format", "markdown").out())
                .as("--from-config sets the FROM side only").startsWith("# ECS fargate (SERVERLESS) → ECS ec2 (IAAS)");
        assertThat(CliRun.of("compare", "ECS", "ECS", "--config", "LaunchType=FARGATE", "--format", "markdown").out())
                .as("--config sets both sides").startsWith("# ECS fargate (SERVERLESS) → ECS fargate (SERVERLESS)");
    }

    @Test
    void crm_of_the_audit_answers_per_requirement_with_status() throws Exception {
        CliRun md = CliRun.of("crm", AUDIT.toString(), "--framework", "cis-aws");
        assertThat(md.code()).isZero();
        assertThat(md.out()).contains("## CIS AWS Foundations Benchmark (cis-aws-foundations)")
                .contains("| v1.4.0/3.2 | shared | UNKNOWN | cloudtrail-log-file-validation (UNKNOWN 1) |");
        JsonNode json = JSON.readTree(CliRun.of("crm", AUDIT.toString(), "--format", "json").out());
        assertThat(json.path("frameworks")).hasSize(3);
        assertThat(json.path("scenarios").asInt()).isEqualTo(8);
        CliRun csv = CliRun.of("crm", AUDIT.toString(), "--framework", "pci", "--format", "csv");
        assertThat(csv.out()).startsWith("framework,requirement,responsibility,status,srm_controls,layers,duties,services\r\npci-dss,");
        CliRun none = CliRun.of("crm", AUDIT.toString(), "--framework", "sox");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("srm: --framework: unknown framework 'sox' (the pack maps ");
    }

    @Test
    void a_status_or_party_srm_never_writes_is_an_input_error_at_its_pointer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        JsonNode audit = JSON.readTree(AUDIT.toFile());
        JsonNode evaluation = audit.path("evaluations").get(1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) evaluation.path("resources").get(0).path("controls").get(0)).put("status", "MISSNG");
        Path typo = dir.resolve("audit.json");
        JSON.writeValue(typo.toFile(), audit);
        CliRun r = CliRun.of("crm", typo.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().lines().toList()).containsExactly("srm: " + typo + ": /evaluations/1/resources/0/controls/0/status: expected one of MET, "
                + "MISSING, UNKNOWN, NOT_APPLICABLE, CONFLICT, found 'MISSNG'");
        ((com.fasterxml.jackson.databind.node.ObjectNode) evaluation.path("resources").get(0).path("controls").get(0)).put("status", "MET");
        ((com.fasterxml.jackson.databind.node.ObjectNode) evaluation.path("resources").get(0).path("layers").get(2)).put("party", "aws");
        JSON.writeValue(typo.toFile(), audit);
        assertThat(CliRun.of("crm", typo.toString()).err()).contains(": /evaluations/1/resources/0/layers/2/party: expected one of AWS, CUSTOMER, SHARED, "
                + "UNKNOWN, CONFLICT, found 'aws'");
    }

    @Test
    void crm_of_scenario_files_evaluates_them_first() throws Exception {
        CliRun r = CliRun.of("crm", "scenarios/study", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode crm = JSON.readTree(r.out());
        assertThat(crm.path("scenarios").asInt()).isEqualTo(4);
        assertThat(crm.path("services").toString()).contains("S3");
    }

    @Test
    void the_readme_examples_are_what_srm_prints() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String matrix = CliRun.of("matrix", "Lambda").out().lines().filter(l -> !l.strip().startsWith("source:"))
                .collect(java.util.stream.Collectors.joining("\n")).strip();
        assertThat(readme).as("README shows srm matrix Lambda").contains("```\n" + matrix + "\n```");
        assertThat(readme).as("README shows srm compare EC2 Lambda").contains("```\n" + CliRun.of("compare", "EC2", "Lambda").out().strip() + "\n```");
    }
}
