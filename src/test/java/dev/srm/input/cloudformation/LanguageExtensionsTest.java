package dev.srm.input.cloudformation;

import dev.srm.facts.Setting;
import dev.srm.input.InputException;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Fn::ForEach} of the AWS::LanguageExtensions transform, and the other template forms the
 * cfn-lint test templates showed srm misread: templates of modules or custom types only, local
 * artifact paths written for {@code aws cloudformation package}, {@code Fn::GetStackOutput}.
 */
class LanguageExtensionsTest {
    private static Scenario read(String yaml) {
        return read(yaml, TemplateParameters.NONE);
    }

    private static Scenario read(String yaml, TemplateParameters parameters) {
        try {
            List<Scenario> all = new CloudFormationReader(parameters).read("stack.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            assertThat(all).hasSize(1);
            return all.get(0);
        } catch (InputException e) {
            throw new AssertionError(e.problem().toString());
        }
    }

    private static String problem(String yaml) {
        try {
            new CloudFormationReader().read("stack.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        } catch (InputException e) {
            return e.problem().toString();
        }
        throw new AssertionError("expected a problem");
    }

    private static Map<String, String> settings(Scenario s, String id) {
        ResourceSpec r = s.resource(id);
        assertThat(r).as("resource %s among %s", id, ids(s)).isNotNull();
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting x : r.settings()) {
            if (!x.path().contains("[Key=")) {
                out.put(x.path(), x.value());
            }
        }
        return out;
    }

    private static List<String> ids(Scenario s) {
        return s.resources().stream().map(ResourceSpec::id).toList();
    }

    private static List<String> types(Scenario s) {
        return s.resources().stream().map(r -> r.id() + " " + r.type()).toList();
    }

    // ---------------------------------------------------------------- Fn::ForEach in Resources

    @Test
    void a_loop_over_a_list_makes_one_resource_per_item_with_ref_to_the_identifier_replaced() {
        Scenario s = read("""
                AWSTemplateFormatVersion: 2010-09-09
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Tables:
                    - TableName
                    - [Points, Score, Leaderboard]
                    - DynamoDB${TableName}:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          TableName: !Ref TableName
                          BillingMode: PAY_PER_REQUEST
                          AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                          KeySchema: [{AttributeName: id, KeyType: HASH}]
                          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}
                          SSESpecification: {SSEEnabled: true}
                  GameEvents:
                    Type: AWS::SNS::Topic
                    Properties: {TopicName: game-events, KmsMasterKeyId: alias/aws/sns}
                """);
        assertThat(ids(s)).containsExactly("DynamoDBPoints", "DynamoDBScore", "DynamoDBLeaderboard", "GameEvents");
        assertThat(settings(s, "DynamoDBScore")).containsEntry("TableName", "Score")
                .containsEntry("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", "true");
        assertThat(s.resource("DynamoDBScore").line()).isEqualTo(4);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void a_comma_delimited_list_parameter_is_a_collection_and_ampersand_strips_what_is_not_alphanumeric() {
        String template = """
                Transform: AWS::LanguageExtensions
                Parameters:
                  AllowedCidrs:
                    Type: CommaDelimitedList
                    Default: 10.20.0.0/16,192.168.10.0/24
                  VpcId:
                    Type: AWS::EC2::VPC::Id
                    Default: vpc-0a1b2c3d4e5f67890
                Resources:
                  Fn::ForEach::Ingress:
                    - Cidr
                    - !Ref AllowedCidrs
                    - HttpsFrom&{Cidr}:
                        Type: AWS::EC2::SecurityGroup
                        Properties:
                          GroupDescription: !Sub 'HTTPS from ${Cidr}'
                          VpcId: !Ref VpcId
                          SecurityGroupIngress:
                            - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: !Ref Cidr}
                """;
        Scenario s = read(template);
        assertThat(ids(s)).containsExactly("HttpsFrom10200016", "HttpsFrom19216810024");
        assertThat(settings(s, "HttpsFrom19216810024")).containsEntry("GroupDescription", "HTTPS from 192.168.10.0/24")
                .containsEntry("SecurityGroupIngress[0].CidrIp", "192.168.10.0/24");

        Scenario given = read(template, new TemplateParameters(Map.of("AllowedCidrs", "0.0.0.0/0"), Map.of()));
        assertThat(ids(given)).containsExactly("HttpsFrom00000");
        assertThat(settings(given, "HttpsFrom00000")).containsEntry("SecurityGroupIngress[0].CidrIp", "0.0.0.0/0");
    }

    @Test
    void nested_loops_name_the_resources_of_their_own_copy_with_ref_and_getatt_of_a_sub() {
        Scenario s = read("""
                AWSTemplateFormatVersion: 2010-09-09
                Transform: AWS::LanguageExtensions
                Mappings:
                  Cidrs:
                    Public: {A: 10.0.0.0/24, B: 10.0.1.0/24}
                    Private: {A: 10.0.10.0/24, B: 10.0.11.0/24}
                Resources:
                  Vpc:
                    Type: AWS::EC2::VPC
                    Properties: {CidrBlock: 10.0.0.0/16}
                  Fn::ForEach::Tiers:
                    - Tier
                    - [Public, Private]
                    - Nacl${Tier}:
                        Type: AWS::EC2::NetworkAcl
                        Properties: {VpcId: !Ref Vpc}
                      Fn::ForEach::Zones:
                        - Zone
                        - [A, B]
                        - ${Tier}Subnet${Zone}:
                            Type: AWS::EC2::Subnet
                            Properties:
                              VpcId: !Ref Vpc
                              CidrBlock: !FindInMap [Cidrs, !Ref Tier, !Ref Zone]
                              MapPublicIpOnLaunch: !Equals [!Ref Tier, Public]
                          Nacl${Tier}Subnet${Zone}Association:
                            Type: AWS::EC2::SubnetNetworkAclAssociation
                            Properties:
                              SubnetId: !Ref {Fn::Sub: '${Tier}Subnet${Zone}'}
                              NetworkAclId: !GetAtt [!Sub 'Nacl${Tier}', Id]
                """);
        assertThat(ids(s)).containsExactly("Vpc", "NaclPublic", "PublicSubnetA", "NaclPublicSubnetAAssociation", "PublicSubnetB",
                "NaclPublicSubnetBAssociation", "NaclPrivate", "PrivateSubnetA", "NaclPrivateSubnetAAssociation", "PrivateSubnetB",
                "NaclPrivateSubnetBAssociation");
        assertThat(settings(s, "PrivateSubnetB")).containsEntry("CidrBlock", "10.0.11.0/24").containsEntry("MapPublicIpOnLaunch", "false");
        assertThat(settings(s, "PublicSubnetA")).containsEntry("MapPublicIpOnLaunch", "true");
        assertThat(settings(s, "NaclPrivateSubnetBAssociation")).containsEntry("SubnetId", "PrivateSubnetB")
                .containsEntry("NetworkAclId", "NaclPrivate");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void a_loop_in_properties_conditions_and_outputs_and_a_condition_picked_from_a_mapping() {
        Scenario s = read("""
                AWSTemplateFormatVersion: 2010-09-09
                Transform: AWS::LanguageExtensions
                Parameters:
                  Environment: {Type: String, Default: prod, AllowedValues: [dev, prod]}
                Mappings:
                  Logging:
                    Condition: {Audit: IsProd}
                Conditions:
                  Fn::ForEach::Envs:
                    - Env
                    - [dev, prod]
                    - Is&{Env}: !Equals [!Ref Environment, !Ref Env]
                  IsProd: !Condition Isprod
                Resources:
                  Fn::ForEach::Buckets:
                    - Purpose
                    - [Assets, Audit]
                    - ${Purpose}Bucket:
                        Type: AWS::S3::Bucket
                        Condition: !FindInMap [Logging, Condition, !Ref Purpose, {DefaultValue: !Ref AWS::NoValue}]
                        Properties:
                          BucketName: !Sub 'example-${Environment}-${Purpose}'
                          PublicAccessBlockConfiguration:
                            Fn::ForEach::Blocks:
                              - Setting
                              - [BlockPublicAcls, BlockPublicPolicy, IgnorePublicAcls, RestrictPublicBuckets]
                              - ${Setting}: true
                Outputs:
                  Fn::ForEach::Arns:
                    - Purpose
                    - [Assets]
                    - ${Purpose}BucketArn:
                        Value: !GetAtt [!Sub '${Purpose}Bucket', Arn]
                """);
        assertThat(ids(s)).containsExactly("AssetsBucket", "AuditBucket");
        assertThat(settings(s, "AuditBucket")).containsEntry("BucketName", "example-prod-Audit")
                .containsEntry("PublicAccessBlockConfiguration.BlockPublicAcls", "true")
                .containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "true");

        Scenario dev = read("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Environment: {Type: String, Default: dev}
                Mappings:
                  Logging:
                    Condition: {Audit: IsProd}
                Conditions:
                  Fn::ForEach::Envs: [Env, [dev, prod], {'Is${Env}': !Equals [!Ref Environment, !Ref Env]}]
                  IsProd: !Condition Isprod
                Resources:
                  Fn::ForEach::Buckets:
                    - Purpose
                    - [Assets, Audit]
                    - ${Purpose}Bucket:
                        Type: AWS::S3::Bucket
                        Condition: !FindInMap [Logging, Condition, !Ref Purpose, {DefaultValue: !Ref AWS::NoValue}]
                """);
        assertThat(ids(dev)).as("the audit bucket exists only in prod").containsExactly("AssetsBucket");
    }

    @Test
    void a_loop_making_sam_functions_is_expanded_before_sam() {
        Scenario s = read("""
                Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
                Resources:
                  Fn::ForEach::Handlers:
                    - Name
                    - [Orders, Invoices]
                    - ${Name}Function:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: !Sub '${Name}.handler'
                          CodeUri: s3://example-artifacts-eu-west-1/handlers.zip
                          Tracing: Active
                """);
        assertThat(ids(s)).contains("OrdersFunction", "InvoicesFunction", "OrdersFunctionRole");
        assertThat(settings(s, "InvoicesFunction")).containsEntry("Handler", "Invoices.handler")
                .containsEntry("Code.S3Bucket", "example-artifacts-eu-west-1").containsEntry("TracingConfig.Mode", "Active");
    }

    @Test
    void a_list_of_identifiers_takes_one_value_from_each_item() {
        Scenario s = read("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Queues:
                    - [Name, Retention]
                    - [[Orders, '345600'], [Audit, '1209600']]
                    - ${Name}Queue:
                        Type: AWS::SQS::Queue
                        Properties: {QueueName: !Sub '${Name}-queue', MessageRetentionPeriod: !Ref Retention, SqsManagedSseEnabled: true}
                """);
        assertThat(settings(s, "AuditQueue")).containsEntry("QueueName", "Audit-queue").containsEntry("MessageRetentionPeriod", "1209600");
    }

    @Test
    void a_collection_only_a_deployment_decides_is_a_warning_and_the_template_is_still_read() {
        Scenario s = read("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  QueueNames: {Type: CommaDelimitedList}
                Resources:
                  Fn::ForEach::Queues:
                    - Name
                    - !Ref QueueNames
                    - ${Name}Queue: {Type: AWS::SQS::Queue}
                """);
        assertThat(s.resources()).isEmpty();
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("stack.yaml:5: /Resources/Fn::ForEach::Queues: its collection"
                + " is known only at deploy time (parameter QueueNames has no Default").contains("--parameter QueueNames=VALUE")
                .contains("not evaluated"));
    }

    @Test
    void an_empty_collection_makes_nothing() {
        Scenario s = read("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  ExtraQueues: {Type: CommaDelimitedList, Default: ''}
                Resources:
                  Main: {Type: AWS::SQS::Queue, Properties: {SqsManagedSseEnabled: true}}
                  Fn::ForEach::Queues: [Name, !Ref ExtraQueues, {'${Name}Queue': {Type: AWS::SQS::Queue}}]
                """);
        assertThat(ids(s)).containsExactly("Main");
        assertThat(s.warnings()).isEmpty();
    }

    // ---------------------------------------------------------------- loops CloudFormation rejects

    @Test
    void a_malformed_loop_is_one_line_naming_its_place() {
        assertThat(problem("""
                Resources:
                  Fn::ForEach::Topics:
                    - Name
                    - [Alerts]
                    - ${Name}Topic: {Type: AWS::SNS::Topic}
                """)).isEqualTo("stack.yaml:2:3: /Resources/Fn::ForEach::Topics: Fn::ForEach needs the AWS::LanguageExtensions"
                + " transform (Transform: AWS::LanguageExtensions); CloudFormation rejects the template without it");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Topics: [Name, [Alerts, Billing]]
                """)).isEqualTo("stack.yaml:3:3: /Resources/Fn::ForEach::Topics: a list of 2 found;"
                + " [identifier, collection, {OutputKey: OutputValue}] expected");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Topics: [{Ref: Name}, [Alerts], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).startsWith("stack.yaml:3:25: /Resources/Fn::ForEach::Topics/0: a map found, an identifier");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Topics: [Name, {Alerts: 1}, {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).startsWith("stack.yaml:3:31: /Resources/Fn::ForEach::Topics/1: a map found, a collection");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Topics: [Name, [Alerts, Billing], {AlertsTopic: {Type: AWS::SNS::Topic}}]
                """)).isEqualTo("stack.yaml:3:3: /Resources: Fn::ForEach::Topics makes 'AlertsTopic', which is already there (each"
                + " copy's key must differ: put ${Identifier} in it); CloudFormation rejects the template");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  AlertsTopic: {Type: AWS::SNS::Topic}
                  Fn::ForEach::Topics: [Name, [Alerts, Billing], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).startsWith("stack.yaml:4:3: /Resources: Fn::ForEach::Topics makes 'AlertsTopic', which is already there");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Topics: [Name, [alerts-prod], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).isEqualTo("stack.yaml:3:3: /Resources/alerts-prodTopic: logical id 'alerts-prodTopic' is not alphanumeric"
                + " (A-Z, a-z, 0-9); CloudFormation rejects it (after Fn::ForEach is expanded)");
    }

    @Test
    void an_identifier_may_not_be_a_parameter_or_an_outer_identifier_nor_a_loop_name_a_logical_id() {
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Name: {Type: String, Default: alerts}
                Resources:
                  Fn::ForEach::Topics: [Name, [Alerts], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).isEqualTo("stack.yaml:5:25: /Resources/Fn::ForEach::Topics/0: the identifier Name is also a parameter's name;"
                + " CloudFormation rejects the template (name the identifier otherwise)");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Outer:
                    - Name
                    - [Alerts]
                    - Fn::ForEach::Inner: [Name, [Billing], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).startsWith("stack.yaml:6:28: /Resources/Fn::ForEach::Outer/2/Fn::ForEach::Inner/0: the identifier Name is also"
                + " the identifier of a loop around it");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::AlertsTopic: [Name, [Alerts], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).startsWith("stack.yaml:3:3: /Resources/Fn::ForEach::AlertsTopic: the loop's name AlertsTopic is also a"
                + " resource's logical id");
    }

    @Test
    void a_collection_must_be_known_before_any_resource_is_made() {
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Alerts: {Type: AWS::SNS::Topic}
                  Fn::ForEach::Topics: [Name, [Billing, !Ref Alerts], {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).isEqualTo("stack.yaml:4:31: /Resources/Fn::ForEach::Topics/1: the collection uses Ref Alerts (a resource),"
                + " known only once resources exist; CloudFormation rejects the template (a collection must be known before any"
                + " resource is made)");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Names: {Type: CommaDelimitedList, NoEcho: true, Default: 'a,b'}
                Resources:
                  Fn::ForEach::Topics: [Name, !Ref Names, {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).contains("the collection uses Ref Names (a NoEcho parameter, which a loop may not read)");
        assertThat(problem("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Topics: {Type: CommaDelimitedList, Default: 'a,b'}
                Resources:
                  Fn::ForEach::Topics: [Name, !Ref Topics, {'${Name}Topic': {Type: AWS::SNS::Topic}}]
                """)).contains("/Resources/Fn::ForEach::Topics: the loop's name Topics is also a parameter's name");
    }

    @Test
    void loops_nest_five_deep_and_no_deeper() {
        String five = nested(5);
        assertThat(ids(read(five))).containsExactly("TopicABCDE");
        assertThat(problem(nested(6))).contains("/Fn::ForEach::L6: Fn::ForEach nested 6 deep; CloudFormation allows 5 nested loops");
    }

    /** A template with {@code levels} loops one inside the other, each over one letter. */
    private static String nested(int levels) {
        StringBuilder key = new StringBuilder("Topic");
        for (int i = 1; i <= levels; i++) {
            key.append("${V").append(i).append('}');
        }
        String body = "{'" + key + "': {Type: AWS::SNS::Topic}}";
        for (int i = levels; i >= 1; i--) {
            String loop = "'Fn::ForEach::L" + i + "': [V" + i + ", [" + (char) ('A' + i - 1) + "], " + body + "]";
            body = i == 1 ? loop : "{" + loop + "}";
        }
        return "Transform: AWS::LanguageExtensions\nResources: {" + body + "}\n";
    }

    // ---------------------------------------------------------------- other forms

    @Test
    void a_template_of_modules_and_custom_types_only_is_read_as_a_template() {
        Scenario s = read("""
                Parameters:
                  BucketName: {Type: String, Default: example-site-assets}
                Resources:
                  Site:
                    Type: Example::S3::StaticSite::MODULE
                    Properties: {BucketName: !Ref BucketName}
                  Lookup:
                    Type: Example::Org::AccountLookup
                Outputs:
                  Bucket: {Value: !Ref Site}
                """);
        assertThat(types(s)).containsExactly("Lookup Example::Org::AccountLookup");
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("stack.yaml:4: resource 'Site': Example::S3::StaticSite::MODULE"
                + " is a CloudFormation module").contains("srm does not expand modules, so those resources are not evaluated"));
        assertThat(new CloudFormationReader().claims("stack.yaml", """
                Parameters: {One: {Type: String}}
                Resources: {}
                """.getBytes(StandardCharsets.UTF_8))).as("a template, even one CloudFormation rejects for having no resource").isTrue();
        assertThat(new CloudFormationReader().claims("scenario.yaml", """
                srm: 1
                id: shop
                resources: []
                """.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void a_local_artifact_path_for_aws_cloudformation_package_is_an_unknown_s3_location() {
        Scenario s = read("""
                Resources:
                  Resize:
                    Type: AWS::Lambda::Function
                    Properties:
                      Runtime: nodejs20.x
                      Handler: index.handler
                      Role: arn:aws:iam::123456789012:role/image-resize
                      Code: ./resize/
                  Api:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: images
                      BodyS3Location: s3://example-api-definitions/images/openapi.yaml
                  Repo:
                    Type: AWS::CodeCommit::Repository
                    Properties:
                      RepositoryName: image-service
                      Code: {S3: ./seed.zip}
                """);
        assertThat(settings(s, "Resize").get("Code.S3Bucket")).startsWith("${unknown: the local path './resize/', which aws"
                + " cloudformation package (or sam package) uploads");
        assertThat(settings(s, "Api")).containsEntry("BodyS3Location.Bucket", "example-api-definitions")
                .containsEntry("BodyS3Location.Key", "images/openapi.yaml");
        assertThat(settings(s, "Repo").get("Code.S3.Key")).startsWith("${unknown: the local path './seed.zip'");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void fn_length_counts_a_known_list_and_names_itself_in_an_unknown_one() {
        Scenario s = read("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  QueueNames: {Type: CommaDelimitedList, Default: 'orders,invoices,refunds'}
                  ExtraNames: {Type: CommaDelimitedList}
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      DelaySeconds: {Fn::Length: !Ref QueueNames}
                      MaximumMessageSize: {Fn::Length: !Ref ExtraNames}
                """);
        assertThat(settings(s, "Orders")).containsEntry("DelaySeconds", "3");
        assertThat(settings(s, "Orders").get("MaximumMessageSize")).startsWith("${unknown: Fn::Length: parameter ExtraNames has no Default");
    }

    @Test
    void fn_get_stack_output_is_a_value_of_another_stack_known_at_deploy_time() {
        Scenario s = read("""
                Resources:
                  Alerts:
                    Type: AWS::SNS::Topic
                    Properties:
                      KmsMasterKeyId:
                        Fn::GetStackOutput: {StackName: shared-keys, OutputName: AlertsKeyArn, Region: eu-west-1}
                """);
        assertThat(settings(s, "Alerts").get("KmsMasterKeyId")).startsWith("${unknown: Fn::GetStackOutput {StackName: 'shared-keys'")
                .contains("known only at deploy time");
        assertThat(s.warnings()).isEmpty();
    }
}
