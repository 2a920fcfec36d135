package dev.srm.input.cloudformation;

import dev.srm.facts.Setting;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pseudo parameters: a nested stack is deployed in its parent's account and region, so the values
 * given for the parent are its own; srm's placeholders (us-east-1, 123456789012) never decide a
 * condition.
 */
class NestedPseudoParametersTest {
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: 2010-09-09
            Conditions:
              InFrankfurt: !Equals [!Ref AWS::Region, eu-central-1]
              IsAuditAccount: !Equals [!Sub '${AWS::AccountId}', '111122223333']
            Resources:
              DataKey:
                Type: AWS::KMS::Key
                Condition: InFrankfurt
                Properties: {EnableKeyRotation: true}
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: !If [IsAuditAccount, 'aws:kms', AES256]
            """;

    @Test
    void a_placeholder_region_or_account_does_not_decide_a_condition() throws Exception {
        Scenario s = new CloudFormationReader().read("data.yaml", TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        assertThat(s.undecided().reasons().get("DataKey")).satisfies(n -> assertThat(n).contains("condition 'InFrankfurt'")
                .contains("AWS::Region is a value of the deployment (srm's placeholder is 'us-east-1'; give --parameter AWS::Region=VALUE)"));
        assertThat(s.resource("Data").settings()).filteredOn(x -> x.path().endsWith("SSEAlgorithm")).singleElement()
                .satisfies(x -> assertThat(x.value()).startsWith("${unknown, one of 'aws:kms', 'AES256'").contains("AWS::AccountId"));

        TemplateParameters given = new TemplateParameters(Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "111122223333"), Map.of());
        Scenario decided = new CloudFormationReader(given).read("data.yaml", TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get(0);
        assertThat(decided.resource("DataKey")).isNull();
        assertThat(decided.resource("Data").settings()).filteredOn(x -> x.path().endsWith("SSEAlgorithm")).singleElement()
                .extracting(Setting::value).isEqualTo("aws:kms");
    }

    @Test
    void a_mapping_looked_up_by_a_placeholder_region_is_undecided_unless_every_region_gives_the_same_value() throws Exception {
        String template = """
                AWSTemplateFormatVersion: 2010-09-09
                Mappings:
                  RegionSettings:
                    eu-central-1: {LogRetention: 3653, Versioning: Enabled}
                    us-east-1: {LogRetention: 90, Versioning: Enabled}
                  PartitionPrincipals:
                    aws: {EC2: ec2.amazonaws.com}
                    aws-cn: {EC2: ec2.amazonaws.com.cn}
                Resources:
                  AuditLogs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      RetentionInDays: !FindInMap [RegionSettings, !Ref AWS::Region, LogRetention]
                  Archive:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration:
                        Status: !FindInMap [RegionSettings, !Ref AWS::Region, Versioning]
                  NodeRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - {Effect: Allow, Action: 'sts:AssumeRole', Principal: {Service: !FindInMap [PartitionPrincipals, !Ref AWS::Partition, EC2]}}
                """;
        byte[] bytes = template.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Scenario s = new CloudFormationReader().read("audit.yaml", bytes).get(0);
        assertThat(s.resource("AuditLogs").settings()).filteredOn(x -> x.path().equals("RetentionInDays")).singleElement()
                .satisfies(x -> assertThat(x.value()).startsWith("${unknown").contains("picks a different value for each AWS::Region")
                        .contains("give --parameter AWS::Region=VALUE"));
        assertThat(s.resource("Archive").settings()).filteredOn(x -> x.path().equals("VersioningConfiguration.Status")).singleElement()
                .extracting(Setting::value).as("the same in every region").isEqualTo("Enabled");
        assertThat(s.resource("NodeRole").settings()).filteredOn(x -> x.path().endsWith("Principal.Service")).singleElement()
                .extracting(Setting::value).as("the placeholder partition is every commercial region's").isEqualTo("ec2.amazonaws.com");

        TemplateParameters given = new TemplateParameters(Map.of("AWS::Region", "eu-central-1"), Map.of());
        Scenario frankfurt = new CloudFormationReader(given).read("audit.yaml", bytes).get(0);
        assertThat(frankfurt.resource("AuditLogs").settings()).filteredOn(x -> x.path().equals("RetentionInDays")).singleElement()
                .extracting(Setting::value).isEqualTo("3653");
    }

    @Test
    void a_nested_stack_takes_the_region_and_account_given_for_its_parent(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("logging.yaml"), """
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  AccessLogs:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub 'access-logs-${AWS::Region}-${AWS::AccountId}'
                """);
        Path app = dir.resolve("app.yaml");
        Files.writeString(app, """
                AWSTemplateFormatVersion: 2010-09-09
                Resources:
                  Logging:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: ./logging.yaml
                """);
        TemplateParameters given = new TemplateParameters(Map.of("AWS::Region", "eu-west-1", "AWS::AccountId", "210987654321"),
                Map.of());
        Scenario s = new CloudFormationReader(given).readFile(app, Files.readAllBytes(app)).get(0);
        assertThat(s.resource("Logging/AccessLogs").settings()).extracting(Setting::path, Setting::value)
                .contains(org.assertj.core.groups.Tuple.tuple("BucketName", "access-logs-eu-west-1-210987654321"));
    }
}
