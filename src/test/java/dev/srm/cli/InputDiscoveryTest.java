package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a directory walk makes of a repository laid out as AWS Quick Starts are: CloudFormation templates named
 * {@code *.template} (JSON or YAML) are read, and a parameters file kept beside them (create-stack's
 * {@code file://} format) is named for what it is, one line and exit 3, while the templates are still evaluated.
 */
class InputDiscoveryTest {
    @TempDir
    Path dir;

    /** A Quick Start's Microsoft AD template, JSON, named as Quick Starts name them. */
    private static final String AD_TEMPLATE = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Description": "This template creates a managed Microsoft AD Directory Service into private subnets in separate Availability Zones inside a VPC.",
              "Parameters": {
                "DomainDNSName": {"Type": "String", "Default": "example.com"},
                "DomainNetBIOSName": {"Type": "String", "Default": "example"},
                "DomainAdminPassword": {"Type": "String", "NoEcho": "true"},
                "PrivateSubnet1ID": {"Type": "AWS::EC2::Subnet::Id"},
                "PrivateSubnet2ID": {"Type": "AWS::EC2::Subnet::Id"},
                "VPCID": {"Type": "AWS::EC2::VPC::Id"}
              },
              "Resources": {
                "DHCPOptions": {
                  "Type": "AWS::EC2::DHCPOptions",
                  "Properties": {
                    "DomainName": {"Ref": "DomainDNSName"},
                    "DomainNameServers": ["AmazonProvidedDNS"]
                  }
                },
                "DomainMemberSG": {
                  "Type": "AWS::EC2::SecurityGroup",
                  "Properties": {
                    "GroupDescription": "Domain Members",
                    "VpcId": {"Ref": "VPCID"},
                    "SecurityGroupIngress": [
                      {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "CidrIp": "10.0.0.0/16"}
                    ]
                  }
                }
              }
            }
            """;

    /** The workshop's template, YAML with short forms. */
    private static final String WORKSHOP_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Workshop Auto Scaling group of domain-joined instances
            Parameters:
              KeyPairName:
                Type: AWS::EC2::KeyPair::KeyName
              VPCID:
                Type: AWS::EC2::VPC::Id
            Resources:
              InstanceSecurityGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: Workshop instances
                  VpcId: !Ref VPCID
                  SecurityGroupIngress:
                    - IpProtocol: tcp
                      FromPort: 3389
                      ToPort: 3389
                      CidrIp: 10.0.0.0/16
            """;

    /** {@code aws cloudformation create-stack --parameters file://asgparams.json}, as the workshop keeps it. */
    private static final String ASG_PARAMS = """
            [
              {
                "ParameterKey": "VPCID",
                "ParameterValue": "vpc-0a1b2c3d4e5f67890"
              },
              {
                "ParameterKey": "KeyPairName",
                "ParameterValue": "workshop"
              }
            ]
            """;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private Path quickStart() throws IOException {
        write("templates/ad-1.template", AD_TEMPLATE);
        write("templates/workshop/workshop-asg.yaml", WORKSHOP_TEMPLATE);
        write("templates/workshop/asgparams.json", ASG_PARAMS);
        write("templates/workshop/README.md", "# Workshop\n\nDeploy with `aws cloudformation create-stack --stack-name asg"
                + " --template-body file://workshop-asg.yaml --parameters file://asgparams.json`.\n");
        return dir.resolve("templates");
    }

    private static List<String> errorLines(CliRun run) {
        return run.err().lines().filter(l -> l.startsWith("srm: ")).toList();
    }

    private static List<String> ids(CliRun run) throws IOException {
        JsonNode root = new ObjectMapper().readTree(run.out());
        if (root.has("scenario")) { // one input: its evaluation alone
            return List.of(root.path("scenario").path("id").asText());
        }
        List<String> ids = new ArrayList<>();
        root.path("evaluations").forEach(e -> ids.add(e.path("scenario").path("id").asText()));
        return ids;
    }

    @Test
    void a_quick_start_directory_reads_its_template_files_and_names_the_parameters_file_beside_them() throws IOException {
        Path templates = quickStart();
        CliRun run = CliRun.of("evaluate", templates.toString(), "--format", "json", "--fail-on", "none");

        // was: ad-1.template skipped without a word, and "asgparams.json:1:1: /: array found, object expected"
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        Path params = templates.resolve("workshop/asgparams.json");
        assertThat(errorLines(run)).as(run.err()).containsExactly("srm: " + params + ":1:1: a CloudFormation parameters file"
                + " (create-stack's [{\"ParameterKey\": ..., \"ParameterValue\": ...}]), not an input: give it with"
                + " --parameters-file " + params + " (its values then apply to every template of the run)");
        assertThat(ids(run)).containsExactly("ad-1", "workshop-asg");
        JsonNode errors = new ObjectMapper().readTree(run.out()).path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("file").asText()).isEqualTo(params.toString());
        assertThat(run.err()).doesNotContain("README.md");
    }

    @Test
    void the_parameters_file_named_as_an_input_is_an_error_and_given_with_parameters_file_it_is_read() throws IOException {
        Path templates = quickStart();
        Path params = templates.resolve("workshop/asgparams.json");
        CliRun named = CliRun.of("evaluate", params.toString());
        assertThat(named.code()).as(named.err()).isEqualTo(3);
        assertThat(errorLines(named)).as(named.err()).hasSize(1);
        assertThat(named.err()).contains(params + ":1:1: a CloudFormation parameters file (create-stack's")
                .doesNotContain("array found, object expected");

        // what the line advises: given with --parameters-file, the file's values reach the template
        CliRun given = CliRun.of("evaluate", templates.resolve("workshop/workshop-asg.yaml").toString(), "--parameters-file",
                params.toString(), "--format", "json", "--fail-on", "none");
        assertThat(given.code()).as(given.err()).isZero();
        assertThat(errorLines(given)).as(given.err()).isEmpty();
        assertThat(ids(given)).containsExactly("workshop-asg");
    }

    @Test
    void every_parameters_file_shape_srm_reads_is_named_and_a_template_is_not_taken_for_one() throws IOException {
        Path overrides = write("deploy/overrides.json", "[\"Environment=prod\", \"InstanceType=t3.micro\"]\n");
        Path configuration = write("pipeline/prod-configuration.json", """
                {
                  "Parameters": {
                    "Versioning": "Enabled",
                    "SubnetIds": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
                  },
                  "Tags": {"CostCenter": "4711"},
                  "StackPolicy": {
                    "Statement": [{"Effect": "Allow", "NotAction": "Update:Delete", "Principal": "*", "Resource": "*"}]
                  }
                }
                """);
        Path yaml = write("pipeline/test-configuration.yaml", "Parameters:\n  Environment: test\n  InstanceType: t3.small\n");
        assertThat(CliRun.of("evaluate", overrides.toString()).err())
                .contains(overrides + ":1:1: a CloudFormation parameters file (aws cloudformation deploy's [\"Key=Value\", ...])");
        assertThat(CliRun.of("evaluate", configuration.toString()).err())
                .contains(configuration + ":1:1: a CloudFormation parameters file (CodePipeline's template configuration");
        CliRun run = CliRun.of("evaluate", yaml.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains(yaml + ":1:1: a CloudFormation parameters file (CodePipeline's template configuration");

        // a template whose Parameters come first declares them ({"Type": ...}): still a template, and the configuration's
        // value reaches it (S3 versioning: Suspended by default, Enabled by the file)
        Path template = write("pipeline/logs.template", """
                {
                  "Parameters": {"Versioning": {"Type": "String", "AllowedValues": ["Enabled", "Suspended"], "Default": "Suspended"}},
                  "Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {"VersioningConfiguration": {"Status": {"Ref": "Versioning"}}}}}
                }
                """);
        CliRun defaults = CliRun.of("evaluate", template.toString(), "--format", "json", "--fail-on", "none");
        assertThat(defaults.code()).as(defaults.err()).isZero();
        assertThat(defaults.out()).contains("expected VersioningConfiguration.Status = Enabled, found Suspended");
        CliRun read = CliRun.of("evaluate", template.toString(), "--parameters-file", configuration.toString(), "--format", "json",
                "--fail-on", "none");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(read.out()).doesNotContain("expected VersioningConfiguration.Status = Enabled, found");
    }

    @Test
    void a_directory_of_template_files_is_read_and_a_template_file_that_is_no_template_is_named() throws IOException {
        write("quickstart/templates/vpc.template", WORKSHOP_TEMPLATE.replace("Workshop Auto Scaling group", "VPC"));
        write("quickstart/templates/ad-1.template", AD_TEMPLATE);
        write("quickstart/templates/ShopStack.template.json", AD_TEMPLATE);
        write("quickstart/templates/dns.template.yaml", WORKSHOP_TEMPLATE);
        CliRun run = CliRun.of("evaluate", dir.resolve("quickstart/templates").toString(), "--format", "json", "--fail-on", "none");
        // was: "no scenario files (*.yaml, *.yml, *.json) in this directory" for the first two alone
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(ids(run)).containsExactlyInAnyOrder("vpc", "ad-1", "shopstack", "dns");

        Path nginx = write("quickstart/templates/nginx.conf.template", """
                server {
                  listen 80;
                  server_name {{ domain_name }};
                  location / { proxy_pass http://127.0.0.1:8080; }
                }
                """);
        CliRun mixed = CliRun.of("evaluate", dir.resolve("quickstart/templates").toString(), "--format", "json", "--fail-on", "none");
        assertThat(mixed.code()).as(mixed.err()).isEqualTo(3);
        assertThat(errorLines(mixed)).as(mixed.err()).containsExactly("srm: " + nginx + ": a .template file that is not a"
                + " CloudFormation template (neither AWSTemplateFormatVersion nor Resources with AWS:: types): srm reads"
                + " CloudFormation templates, scenarios (*.yaml, *.yml, *.json), Terraform plans and AWS Config items");
        assertThat(ids(mixed)).hasSize(4);

        Files.createDirectories(dir.resolve("empty"));
        write("empty/notes.txt", "nothing to read");
        assertThat(CliRun.of("evaluate", dir.resolve("empty").toString()).err())
                .contains("no scenario files (*.yaml, *.yml, *.json, *.template) in this directory");
    }
}
