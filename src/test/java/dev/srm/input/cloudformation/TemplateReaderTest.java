package dev.srm.input.cloudformation;

import dev.srm.facts.Inventory;
import dev.srm.facts.Setting;
import dev.srm.input.InputException;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The template reader on its own: parsing, intrinsic functions, conditions, SAM, nested stacks and bad templates. */
class TemplateReaderTest {
    private static Scenario read(String yaml) {
        return read("stack.yaml", yaml, TemplateParameters.NONE);
    }

    private static Scenario read(String name, String text, TemplateParameters parameters) {
        try {
            List<Scenario> all = new CloudFormationReader(parameters).read(name, text.getBytes(StandardCharsets.UTF_8));
            assertThat(all).hasSize(1);
            return all.get(0);
        } catch (InputException e) {
            throw new AssertionError(e.problem().toString());
        }
    }

    private static String problem(String name, String text) {
        try {
            new CloudFormationReader().read(name, text.getBytes(StandardCharsets.UTF_8));
        } catch (InputException e) {
            return e.problem().toString();
        }
        throw new AssertionError("expected a problem");
    }

    /** A resource's settings as path = value, in order. */
    private static Map<String, String> settings(Scenario s, String id) {
        ResourceSpec r = s.resource(id);
        assertThat(r).as("resource %s among %s", id, s.resources().stream().map(ResourceSpec::id).toList()).isNotNull();
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting x : r.settings()) {
            if (!x.path().contains("[Key=")) {
                out.put(x.path(), x.value());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- parsing

    @Test
    void short_form_tags_read_as_their_long_form() {
        Scenario tags = read("""
                Parameters: {Env: {Type: String, Default: prod}}
                Resources:
                  Logs: {Type: AWS::S3::Bucket}
                  Data:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub '${Env}-data-${AWS::Region}'
                      LoggingConfiguration: {DestinationBucketName: !Ref Logs}
                      Tags: [{Key: arn, Value: !GetAtt Logs.Arn}, {Key: joined, Value: !Join ['-', [a, !Ref Env]]},
                             {Key: second, Value: !Select [1, !Split [',', 'x,y,z']]}]
                """);
        Scenario longForm = read("json.json", """
                {"Parameters": {"Env": {"Type": "String", "Default": "prod"}},
                 "Resources": {
                  "Logs": {"Type": "AWS::S3::Bucket"},
                  "Data": {"Type": "AWS::S3::Bucket", "Properties": {
                    "BucketName": {"Fn::Sub": "${Env}-data-${AWS::Region}"},
                    "LoggingConfiguration": {"DestinationBucketName": {"Ref": "Logs"}},
                    "Tags": [{"Key": "arn", "Value": {"Fn::GetAtt": ["Logs", "Arn"]}},
                             {"Key": "joined", "Value": {"Fn::Join": ["-", ["a", {"Ref": "Env"}]]}},
                             {"Key": "second", "Value": {"Fn::Select": [1, {"Fn::Split": [",", "x,y,z"]}]}}]}}}}
                """, TemplateParameters.NONE);
        assertThat(settings(tags, "Data")).isEqualTo(settings(longForm, "Data")).containsEntry("BucketName", "prod-data-us-east-1")
                .containsEntry("LoggingConfiguration.DestinationBucketName", "Logs").containsEntry("Tags[0].Value", "Logs")
                .containsEntry("Tags[1].Value", "a-prod").containsEntry("Tags[2].Value", "y");
        assertThat(tags.resource("Data").tags()).containsEntry("joined", "a-prod");
    }

    @Test
    void a_tag_that_is_not_cloudformations_is_refused_with_its_place_and_no_class_is_ever_loaded() {
        assertThat(problem("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Rain::Embed x.txt\n"))
                .isEqualTo("t.yaml:5:19: /Resources/B/Properties/BucketName: !Rain::Embed is a directive of the rain CLI, which 'rain pkg' "
                        + "expands into CloudFormation: give srm the packaged template (rain pkg TEMPLATE > packaged.yaml)");
        assertThat(problem("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Base32 x.txt\n"))
                .startsWith("t.yaml:5:19: /Resources/B/Properties/BucketName: unknown tag !Base32; CloudFormation's short forms are !Ref,");
        assertThat(problem("t.json", "{\"Resources\": {\"Net\": {\"Type\": {\"Rain::Module\": \"../modules/vpc.yml\"}}}}"))
                .isEqualTo("t.json:1:32: /Resources/Net/Type: Rain::Module is a directive of the rain CLI, which 'rain pkg' "
                        + "expands into CloudFormation: give srm the packaged template (rain pkg TEMPLATE > packaged.yaml)");
        // the long form of !Rain::Embed, as the JSON templates of aws-cloudformation-templates write it: refused as
        // the short form is, not read as an object where a string belongs
        assertThat(problem("t.json", "{\"Resources\": {\"F\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": "
                + "{\"Code\": {\"ZipFile\": {\"Rain::Embed\": \"handler.py\"}}}}}}"))
                .isEqualTo("t.json:1:90: /Resources/F/Properties/Code/ZipFile: Rain::Embed is a directive of the rain CLI, which 'rain pkg' "
                        + "expands into CloudFormation: give srm the packaged template (rain pkg TEMPLATE > packaged.yaml)");
        assertThat(problem("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: !!python/object:os.system {a: 1}\n"))
                .startsWith("t.yaml:4:17: /Resources/B/Properties: unsupported YAML tag !!python/object:os.system;");
        assertThat(problem("t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: &n x, Tags: *n}\n"))
                .isEqualTo("t.yaml:4:42: /Resources/B/Properties/Tags: YAML alias *n: CloudFormation does not support aliases; write the value out");
    }

    @Test
    void yaml_core_tags_keep_their_value() {
        assertThat(settings(read("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !!str 012}\n"), "B"))
                .containsEntry("BucketName", "012");
        String head = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n";
        Map<String, String> db = settings(read(head + "      BackupRetentionPeriod: !!int 14\n      MultiAZ: !!bool yes\n"
                + "      StorageEncrypted: !!bool Off\n      AllocatedStorage: !!float 1e2\n      Iops: !!null ~\n"), "Db");
        assertThat(db).containsEntry("BackupRetentionPeriod", "14").containsEntry("MultiAZ", "true")
                .containsEntry("StorageEncrypted", "false").containsEntry("AllocatedStorage", "1e2").doesNotContainKey("Iops");
    }

    /** A core tag on a value it does not fit is a YAML error, as CloudFormation's loader has it: never the text after the tag. */
    @Test
    void a_yaml_core_tag_on_a_value_it_does_not_fit_is_refused() {
        String head = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration:\n        Status: ";
        assertThat(problem("t.yaml", head + "!!int Enabled\n")).isEqualTo("t.yaml:6:17: /Resources/B/Properties/VersioningConfiguration/Status:"
                + " YAML tag !!int on 'Enabled', which is not an integer; write the value without the tag, or one that fits it");
        assertThat(problem("t.yaml", head + "!!bool Enabled\n")).contains("YAML tag !!bool on 'Enabled', which is not a boolean");
        assertThat(problem("t.yaml", head + "!!float .\n")).contains("YAML tag !!float on '.', which is not a floating-point number");
        assertThat(problem("t.yaml", head + "!!seq {a: 1}\n")).contains("YAML tag !!seq on a mapping, which is not a sequence");
        assertThat(problem("t.yaml", head + "!!null Enabled\n")).contains("YAML tag !!null on 'Enabled', which is not null");
    }

    // ---------------------------------------------------------------- bad templates

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- a list                                   | t.yaml:1:1: not a CloudFormation template: a list found, a mapping with AWSTemplateFormatVersion and Resources expected",
            "AWSTemplateFormatVersion: '2010-09-09'     | t.yaml: /Resources: missing; a template declares at least one resource under Resources",
            "Resources: {}                              | t.yaml:1:1: /Resources: empty; a template declares at least one resource under Resources",
            "Resources: [a]                             | t.yaml:1:12: /Resources: a list found, a map from logical ids to resources expected",
            "Resources: {B: {Properties: {}}}           | t.yaml:1:13: /Resources/B: no Type; every resource needs one, e.g. Type: AWS::S3::Bucket",
            "Resources: {B: {Type: [x]}}                | t.yaml:1:23: /Resources/B/Type: a list found, a resource type name such as AWS::S3::Bucket expected",
            "Resources: {my-bucket: {Type: AWS::S3::Bucket}} | t.yaml:1:13: /Resources/my-bucket: logical id 'my-bucket' is not alphanumeric (A-Z, a-z, 0-9); CloudFormation rejects it",
            "Resources: {B: {Type: AWS::S3::Bucket}, B: {Type: AWS::S3::Bucket}} | t.yaml:1:41: /Resources/B: duplicate key 'B' (first at line 1); each key may appear once",
    })
    void each_bad_template_is_one_line_with_its_place(String text, String expected) {
        assertThat(problem("t.yaml", text.trim())).isEqualTo(expected.trim());
    }

    @Test
    void a_circular_dependency_between_resources_is_one_line_naming_the_cycle() {
        assertThat(problem("t.yaml", """
                Resources:
                  A: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: !Ref B}}
                  B: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: !Sub '${C.GroupId}'}}
                  C: {Type: AWS::EC2::SecurityGroup, DependsOn: A}
                """)).isEqualTo("t.yaml:2:3: /Resources/A: circular dependency between resources A -> B -> C -> A (through Ref,"
                + " Fn::GetAtt, Fn::Sub or DependsOn); CloudFormation rejects the template");
    }

    @Test
    void a_circular_condition_is_one_line() {
        assertThat(problem("t.yaml", """
                Conditions:
                  A: !Condition B
                  B: !Not [!Condition A]
                Resources:
                  X: {Type: AWS::S3::Bucket, Condition: A}
                """)).isEqualTo("t.yaml:2:3: /Conditions/A: circular condition A -> B -> A; CloudFormation rejects the template");
    }

    @Test
    void a_template_over_cloudformations_size_limit_is_refused() {
        String big = "Resources:\n  B: {Type: AWS::S3::Bucket}\n# " + "x".repeat(TemplateParser.MAX_BYTES) + "\n";
        assertThat(new CloudFormationReader().claims("big.yaml", big.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(problem("big.yaml", big)).startsWith("big.yaml: the template is " + big.length() + " bytes, over the 1048576-byte limit");
    }

    @Test
    void a_parameter_value_outside_its_allowed_values_is_refused() {
        String t = "Parameters: {Env: {Type: String, AllowedValues: [dev, prod], Default: dev}}\nResources: {B: {Type: AWS::S3::Bucket}}\n";
        assertThatThrownBy(() -> new CloudFormationReader(TemplateParameters.of(Map.of("Env", "test")))
                .read("t.yaml", t.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessage("t.yaml:1:14: /Parameters/Env: --parameter Env gives 'test', which is not one of its AllowedValues (dev, prod)");
    }

    // ---------------------------------------------------------------- detection and identity

    @Test
    void templates_are_recognised_by_content_and_scenarios_are_not() {
        CloudFormationReader r = new CloudFormationReader();
        assertThat(r.claims("a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n".getBytes())).isTrue();
        assertThat(r.claims("a.json", "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}".getBytes())).isTrue();
        assertThat(r.claims("a.yaml", "srm: 1\nid: x\nresources: [{id: b, type: AWS::S3::Bucket}]\n".getBytes())).isFalse();
        assertThat(r.claims("a.json", "{\"Findings\": []}".getBytes())).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "templates/Shop_Prod.yaml, shop-prod",
            "cdk.out/ShopStack.template.json, shopstack",
            "my-app/template.yaml, my-app",
            "template.yml, template",
    })
    void the_scenario_id_comes_from_the_file_name(String file, String id) {
        assertThat(CloudFormationReader.scenarioId(file)).isEqualTo(id);
    }

    @Test
    void a_template_is_complete_for_its_resources_unless_its_metadata_says_otherwise() {
        Scenario plain = read("Description: |\n  Shop\n  more\nResources: {B: {Type: AWS::S3::Bucket}}\n");
        assertThat(plain.inventory()).isEqualTo(Inventory.RESOURCES);
        assertThat(plain.title()).isEqualTo("Shop");
        Scenario partial = read("Metadata: {srm: {inventory: partial, id: shop, owner: payments}}\nResources: {B: {Type: AWS::S3::Bucket}}\n");
        assertThat(partial.inventory()).isEqualTo(Inventory.PARTIAL);
        assertThat(partial.id()).isEqualTo("shop");
        assertThat(partial.owner()).isEqualTo("payments");
        assertThat(problem("t.yaml", "Metadata: {srm: {inventory: full}}\nResources: {B: {Type: AWS::S3::Bucket}}\n"))
                .startsWith("t.yaml:1:18: /Metadata/srm/inventory: 'full'; expected resources");
    }

    // ---------------------------------------------------------------- parameters, conditions, unknowns

    @Test
    void parameters_take_their_default_unless_given_and_an_undeclared_one_is_a_warning() {
        String t = """
                Parameters:
                  Size: {Type: Number, Default: 8}
                  Zones: {Type: CommaDelimitedList, Default: 'a, b'}
                Resources:
                  V: {Type: AWS::EC2::Volume, Properties: {Size: !Ref Size, AvailabilityZone: !Select [1, !Ref Zones]}}
                """;
        assertThat(settings(read(t), "V")).containsEntry("Size", "8").containsEntry("AvailabilityZone", "b");
        Scenario given = read("t.yaml", t, TemplateParameters.of(Map.of("Size", "100", "Sise", "1")));
        assertThat(settings(given, "V")).containsEntry("Size", "100");
        assertThat(given.warnings()).containsExactly("--parameter Sise: the template declares no parameter Sise (it declares Size, Zones);"
                + " the value is not used");
    }

    @Test
    void pseudo_parameters_have_documented_placeholders_and_the_region_can_be_given() {
        String t = """
                Mappings: {AMI: {us-east-1: {Id: ami-1}, eu-west-1: {Id: ami-2}}}
                Resources:
                  I:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: !FindInMap [AMI, !Ref 'AWS::Region', Id]
                      UserData:
                        Fn::Base64: !Sub '${AWS::AccountId} ${AWS::Partition} ${AWS::StackName} ${AWS::URLSuffix}'
                """;
        assertThat(settings(read(t), "I")).containsEntry("UserData", "123456789012 aws stack amazonaws.com");
        assertThat(settings(read(t), "I").get("ImageId")).as("the placeholder region picks no entry of a per-region mapping")
                .startsWith("${unknown").contains("picks a different value for each AWS::Region");
        assertThat(settings(read("t.yaml", t, TemplateParameters.of(Map.of("AWS::Region", "eu-west-1"))), "I"))
                .containsEntry("ImageId", "ami-2");
    }

    @Test
    void conditions_decide_which_resources_exist_and_an_undecidable_one_marks_the_resource() {
        Scenario s = read("""
                Parameters:
                  Env: {Type: String, Default: prod}
                  Vpc: {Type: String}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsDev: !Not [!Condition IsProd]
                  HasVpc: !Not [!Equals [!Ref Vpc, '']]
                  ProdInVpc: !And [!Condition IsProd, !Condition HasVpc]
                  Either: !Or [!Condition IsProd, !Condition HasVpc]
                Resources:
                  Prod: {Type: AWS::S3::Bucket, Condition: IsProd}
                  Dev: {Type: AWS::S3::Bucket, Condition: IsDev}
                  Vpc: {Type: AWS::S3::Bucket, Condition: ProdInVpc}
                  Any: {Type: AWS::S3::Bucket, Condition: Either}
                  Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref Dev, PolicyDocument: {}}}
                """);
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly("Prod", "Vpc", "Any", "Policy");
        assertThat(s.resource("Prod").notes()).isEmpty();
        assertThat(s.resource("Any").notes()).isEmpty();
        assertThat(s.undecided().reasons()).containsExactly(Map.entry("Vpc", "exists only if condition 'ProdInVpc' is true, which srm"
                + " cannot decide (parameter Vpc has no Default and no value was given (--parameter Vpc=VALUE))"));
        assertThat(s.undecided().without()).extracting(ResourceSpec::id).containsExactly("Prod", "Any", "Policy");
        assertThat(settings(s, "Policy").get("Bucket"))
                .isEqualTo("${unknown: a reference to resource Dev, which does not exist because condition 'IsDev' is false}");
    }

    @Test
    void fn_if_follows_a_decided_condition_and_no_value_removes_the_property() {
        Map<String, String> s = settings(read("""
                Parameters: {Env: {Type: String, Default: dev}, Key: {Type: String}}
                Conditions: {IsProd: !Equals [!Ref Env, prod], HasKey: !Not [!Equals [!Ref Key, '']]}
                Resources:
                  B:
                    Type: AWS::S3::Bucket
                    Properties:
                      VersioningConfiguration: {Status: !If [IsProd, Enabled, Suspended]}
                      ObjectLockEnabled: !If [IsProd, true, !Ref 'AWS::NoValue']
                      AccessControl: !If [HasKey, Private, Private]
                      BucketName: !If [HasKey, !Ref Key, b]
                      LoggingConfiguration: !If [HasKey, {DestinationBucketName: logs}, !Ref 'AWS::NoValue']
                """), "B");
        assertThat(s).containsEntry("VersioningConfiguration.Status", "Suspended").doesNotContainKey("ObjectLockEnabled")
                .containsEntry("AccessControl", "Private");
        // both branches are named: another Fn::If on HasKey that chooses other values is another value
        assertThat(s.get("BucketName")).isEqualTo("${unknown: Fn::If on condition 'HasKey' ((parameter Key has no Default and no value"
                + " was given (--parameter Key=VALUE)) or 'b'), which srm cannot decide: parameter Key"
                + " has no Default and no value was given (--parameter Key=VALUE)}");
        assertThat(s.get("LoggingConfiguration")).startsWith("${unknown, may be absent: Fn::If on condition 'HasKey'");
    }

    @Test
    void an_instance_launched_from_a_launch_template_of_the_template_has_its_parameters_unless_it_sets_them() {
        Scenario scenario = read("""
                Resources:
                  WebLaunchTemplate:
                    Type: AWS::EC2::LaunchTemplate
                    Properties:
                      LaunchTemplateName: web
                      LaunchTemplateData:
                        ImageId: ami-0abcdef1234567890
                        InstanceType: t3.small
                        MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}
                        BlockDeviceMappings: [{DeviceName: /dev/xvda, Ebs: {Encrypted: true, VolumeSize: 20, VolumeType: gp3}}]
                        NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: false, SubnetId: subnet-0123456789abcdef0,
                                             Groups: [sg-0123456789abcdef0]}]
                        IamInstanceProfile: {Arn: 'arn:aws:iam::111122223333:instance-profile/web-ssm'}
                        Monitoring: {Enabled: true}
                  Web:
                    Type: AWS::EC2::Instance
                    Properties:
                      LaunchTemplate: {LaunchTemplateId: !Ref WebLaunchTemplate, Version: !GetAtt WebLaunchTemplate.LatestVersionNumber}
                  Batch:
                    Type: AWS::EC2::Instance
                    Properties:
                      LaunchTemplate: {LaunchTemplateName: web, Version: '1'}
                      InstanceType: c7g.large
                      MetadataOptions: {HttpTokens: optional}
                """);
        Map<String, String> web = settings(scenario, "Web");
        assertThat(web).containsEntry("MetadataOptions.HttpTokens", "required").containsEntry("BlockDeviceMappings[0].Ebs.Encrypted", "true")
                .containsEntry("NetworkInterfaces[0].AssociatePublicIpAddress", "false")
                .containsEntry("NetworkInterfaces[0].GroupSet[0]", "sg-0123456789abcdef0")
                .containsEntry("IamInstanceProfile", "arn:aws:iam::111122223333:instance-profile/web-ssm").containsEntry("Monitoring", "true");
        assertThat(scenario.resource("Web").notes()).anySatisfy(n -> assertThat(n).startsWith("ImageId, InstanceType, MetadataOptions")
                .endsWith("from launch template WebLaunchTemplate (line 2)"));
        // what the instance sets wins: the template's HttpTokens and InstanceType are not taken
        Map<String, String> batch = settings(scenario, "Batch");
        assertThat(batch).containsEntry("MetadataOptions.HttpTokens", "optional").containsEntry("InstanceType", "c7g.large")
                .doesNotContainKey("MetadataOptions.HttpPutResponseHopLimit").containsEntry("ImageId", "ami-0abcdef1234567890");
    }

    @Test
    void what_only_a_deployment_knows_is_an_explicit_unknown_naming_its_intrinsic() {
        Map<String, String> s = settings(read("""
                Parameters:
                  Ami: {Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>', Default: /aws/service/ami}
                Resources:
                  I:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: !Ref Ami
                      SubnetId: !ImportValue NetworkStack-Subnet
                      AvailabilityZone: !Select [0, !GetAZs '']
                      KeyName: '{{resolve:ssm:/keys/default}}'
                      UserData: !Sub '${AWS::StackName}-${Other}'
                """), "I");
        assertThat(s).containsEntry("ImageId", "${unknown: parameter Ami (AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>) is read"
                        + " from the Systems Manager parameter '/aws/service/ami' at deploy time}")
                .containsEntry("SubnetId", "${unknown: Fn::ImportValue 'NetworkStack-Subnet': a value another stack exports, known only at deploy time}")
                .containsEntry("AvailabilityZone", "${unknown: Fn::Select 0: Fn::GetAZs (the stack's Region): the account's Availability Zones are known only at deploy time}")
                .containsEntry("KeyName", "${unknown: the dynamic reference {{resolve:ssm:/keys/default}}, which CloudFormation resolves"
                        + " at deploy time}")
                .containsEntry("UserData", "${unknown: Fn::Sub '${AWS::StackName}-${Other}': Ref to 'Other', which is neither a parameter nor a resource of the template}");
    }

    @Test
    void fn_cidr_is_computed_for_ipv4() {
        assertThat(settings(read("""
                Resources:
                  S: {Type: AWS::EC2::Subnet, Properties: {CidrBlock: !Select [2, !Cidr [10.0.0.0/16, 4, 8]]}}
                """), "S")).containsEntry("CidrBlock", "10.0.2.0/24");
        assertThat(Cidr.subnets("10.1.0.0/16", "2", "12")).containsExactly("10.1.0.0/20", "10.1.16.0/20");
        assertThat(Cidr.subnets("fd00::/56", "2", "64")).isNull();
    }

    @Test
    void a_bucket_policy_names_its_bucket_and_an_instance_its_security_group_by_logical_id() {
        Scenario s = read("""
                Resources:
                  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: web}}
                  Web: {Type: AWS::EC2::Instance, Properties: {SecurityGroupIds: [!GetAtt Sg.GroupId], ImageId: ami-1}}
                  Data: {Type: AWS::S3::Bucket}
                  Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: !Ref Data, PolicyDocument: {Statement: []}}}
                """);
        assertThat(settings(s, "Policy")).containsEntry("Bucket", "Data");
        assertThat(settings(s, "Web")).containsEntry("SecurityGroupIds[0]", "Sg");
        assertThat(s.resource("Web").line()).isEqualTo(3);
    }

    // ---------------------------------------------------------------- parameters files

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[\"Env=prod\", \"Size=9\"]",
            "[{\"ParameterKey\": \"Env\", \"ParameterValue\": \"prod\"}, {\"ParameterKey\": \"Size\", \"ParameterValue\": \"9\"}]",
            "{\"Parameters\": {\"Env\": \"prod\", \"Size\": \"9\"}, \"Tags\": {}}",
    })
    void a_parameters_file_in_each_format_aws_cloudformation_deploy_reads(String content, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("params.json");
        Files.writeString(file, content);
        TemplateParameters p = TemplateParameters.read(file);
        assertThat(p.values()).containsExactly(Map.entry("Env", "prod"), Map.entry("Size", "9"));
        assertThat(p.plus(TemplateParameters.of(Map.of("Size", "10"))).values()).containsEntry("Size", "10");
    }

    @Test
    void a_parameters_file_of_another_shape_is_one_line(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "{\"Env\": \"prod\"}");
        assertThatThrownBy(() -> TemplateParameters.read(file)).isInstanceOf(InputException.class)
                .hasMessageEndingWith("not a parameters file: a map without Parameters; expected [\"Key=Value\", ...],"
                        + " [{\"ParameterKey\": \"Key\", \"ParameterValue\": \"Value\"}, ...] or {\"Parameters\": {\"Key\": \"Value\"}}"
                        + " as aws cloudformation deploy reads them");
    }

    // ---------------------------------------------------------------- SAM

    @Test
    void a_sam_function_becomes_the_function_its_role_and_its_event_sources_with_globals_applied() {
        Scenario s = read("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function: {Runtime: python3.12, Timeout: 10, Tracing: Active, Environment: {Variables: {A: '1'}}}
                Resources:
                  Table: {Type: AWS::Serverless::SimpleTable}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: s3://bucket/code.zip
                      Handler: app.handler
                      Environment: {Variables: {B: '2'}}
                      Policies: [AmazonS3ReadOnlyAccess, {DynamoDBReadPolicy: {TableName: !Ref Table}}]
                      Events:
                        Get: {Type: Api, Properties: {Path: /, Method: get}}
                        Queue: {Type: SQS, Properties: {Queue: arn:aws:sqs:us-east-1:1:q}}
                """);
        assertThat(s.resources()).extracting(r -> r.id() + " " + r.type()).containsExactly(
                "Table AWS::DynamoDB::Table", "FnGetPermissionProd AWS::Lambda::Permission", "FnQueue AWS::Lambda::EventSourceMapping",
                "FnRole AWS::IAM::Role", "Fn AWS::Lambda::Function", "ServerlessRestApi AWS::ApiGateway::RestApi",
                "ServerlessRestApiDeployment AWS::ApiGateway::Deployment", "ServerlessRestApiDeploymentStage AWS::ApiGateway::Stage",
                "ServerlessRestApiProdStage AWS::ApiGateway::Stage");
        assertThat(settings(s, "Fn")).containsEntry("Runtime", "python3.12").containsEntry("Timeout", "10")
                .containsEntry("TracingConfig.Mode", "Active").containsEntry("Environment.Variables.A", "1")
                .containsEntry("Environment.Variables.B", "2").containsEntry("Code.S3Bucket", "bucket").containsEntry("Role", "FnRole");
        Map<String, String> role = settings(s, "FnRole");
        assertThat(role).containsEntry("AssumeRolePolicyDocument.Statement[0].Principal.Service[0]", "lambda.amazonaws.com")
                .containsEntry("ManagedPolicyArns[0]", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
                .containsEntry("ManagedPolicyArns[1]", "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess")
                .containsEntry("ManagedPolicyArns[2]", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess")
                .containsEntry("ManagedPolicyArns[3]", "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole")
                .containsEntry("Policies[0].PolicyName", "FnRolePolicy1")
                .containsEntry("Policies[0].PolicyDocument.Statement[0].Resource[0]",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/Table");
        assertThat(settings(s, "Table")).containsEntry("BillingMode", "PAY_PER_REQUEST").containsEntry("KeySchema[0].AttributeName", "id");
        assertThat(s.resource("Fn").notes()).containsExactly("created by SAM from AWS::Serverless::Function Fn");
        assertThat(s.resource("FnRole").line()).isEqualTo(s.resource("Fn").line()).isEqualTo(6);
    }

    @Test
    void sam_apis_state_machines_and_layers_map_to_what_sam_creates() {
        Scenario s = read("""
                Transform: [AWS::Serverless-2016-10-31]
                Resources:
                  Http: {Type: AWS::Serverless::HttpApi, Properties: {StageName: v1}}
                  Rest: {Type: AWS::Serverless::Api, Properties: {StageName: prod, TracingEnabled: true}}
                  Flow: {Type: AWS::Serverless::StateMachine, Properties: {Definition: {StartAt: A}, Tracing: {Enabled: true}}}
                  Lib: {Type: AWS::Serverless::LayerVersion, Properties: {ContentUri: lib/}}
                """);
        assertThat(s.resources()).extracting(r -> r.id() + " " + r.type()).containsExactly(
                "Http AWS::ApiGatewayV2::Api", "Httpv1Stage AWS::ApiGatewayV2::Stage", "Rest AWS::ApiGateway::RestApi",
                "RestDeployment AWS::ApiGateway::Deployment", "RestDeploymentStage AWS::ApiGateway::Stage", "RestprodStage AWS::ApiGateway::Stage",
                "FlowRole AWS::IAM::Role",
                "Flow AWS::StepFunctions::StateMachine", "Lib AWS::Lambda::LayerVersion");
        assertThat(settings(s, "RestprodStage")).containsEntry("TracingEnabled", "true").containsEntry("RestApiId", "Rest");
        assertThat(settings(s, "Flow")).containsEntry("TracingConfiguration.Enabled", "true").containsEntry("RoleArn", "FlowRole");
        assertThat(settings(s, "Lib").get("Content.S3Bucket")).startsWith("${unknown: SAM code at the local path 'lib/'");
    }

    @Test
    void another_macro_is_a_warning_and_the_resources_stay_as_written() {
        Scenario s = read("Transform: MyMacro\nResources: {B: {Type: AWS::S3::Bucket}}\n");
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly("B");
        assertThat(s.resources().get(0).partial()).as("the macro may set what the template leaves out").isTrue();
        assertThat(s.warnings()).containsExactly("stack.yaml: the transform MyMacro is a macro srm does not run, and it may rewrite"
                + " any resource: srm judges what the template writes, and a setting it leaves out is not evidence (the macro may add it)");
        Scenario hosted = read("Transform: [{Name: AWS::Include, Parameters: {Location: 's3://acme-snippets/outputs.yaml'}}]\n"
                + "Resources: {B: {Type: AWS::S3::Bucket}}\n");
        assertThat(hosted.resources().get(0).partial()).isFalse();
        assertThat(hosted.warnings()).containsExactly("stack.yaml: the transform AWS::Include is a macro srm does not run; the"
                + " resources are evaluated as written");
    }

    // ---------------------------------------------------------------- nested stacks

    @Test
    void nested_templates_are_read_only_for_a_template_file_and_only_in_its_directory(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.yaml");
        Files.writeString(secret, "Resources:\n  Leaked: {Type: AWS::S3::Bucket, Properties: {BucketName: do-not-leak-me}}\n");
        Path app = Files.createDirectories(dir.resolve("app")).resolve("app.yaml");
        String template = """
                Resources:
                  Up: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: ../secret.yaml}}
                  Absolute: {Type: AWS::CloudFormation::Stack, Metadata: {'aws:asset:path': '%s'}, Properties: {TemplateURL: x}}
                """.formatted(secret.toAbsolutePath().toString().replace("secret.yaml", "secret.json"));
        Files.writeString(app, template);
        Files.copy(secret, dir.resolve("secret.json"));

        // a file the user named: nothing above its directory is read
        Scenario fromFile = new CloudFormationReader().readFile(app, Files.readAllBytes(app)).get(0);
        assertThat(fromFile.resources()).extracting(ResourceSpec::id).containsExactly("Up", "Absolute");
        assertThat(String.join("\n", fromFile.warnings())).contains("nested stack Up: its template ../secret.yaml is outside the directory of")
                .doesNotContain("do-not-leak-me");
        // the same text held in memory (a request to srm serve): no file is opened, whatever it names
        Scenario inMemory = new CloudFormationReader().read(app.toString(), Files.readAllBytes(app)).get(0);
        assertThat(inMemory.resources()).extracting(ResourceSpec::id).containsExactly("Up", "Absolute");
        assertThat(String.join("\n", inMemory.warnings())).contains("is not read: the template was not read from a file")
                .doesNotContain("do-not-leak-me");
    }

    @Test
    void a_nested_stack_with_a_local_template_is_followed_with_its_parameters_and_outputs(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("network.yaml"), """
                Parameters: {Cidr: {Type: String}}
                Resources:
                  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: !Ref Cidr}}
                Outputs:
                  VpcId: {Value: !Ref Vpc}
                """);
        Path parent = dir.resolve("app.yaml");
        Files.writeString(parent, """
                Resources:
                  Network: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: network.yaml, Parameters: {Cidr: 10.0.0.0/16}}}
                  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: !GetAtt Network.Outputs.VpcId}}
                  Remote: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: 'https://example.com/t.yaml'}}
                """);
        Scenario s = new CloudFormationReader().readFile(parent, Files.readAllBytes(parent)).get(0);
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly("Network", "Network/Vpc", "Sg", "Remote");
        assertThat(settings(s, "Network/Vpc")).containsEntry("CidrBlock", "10.0.0.0/16");
        assertThat(settings(s, "Sg")).containsEntry("VpcId", "Network/Vpc");
        assertThat(s.resource("Network/Vpc").line()).isEqualTo(2);
        assertThat(s.resource("Network/Vpc").notes()).singleElement().asString().startsWith("from nested stack template ")
                .endsWith("network.yaml line 3");
        assertThat(s.warnings().stream().collect(Collectors.joining("\n"))).contains("nested stack Remote: its template is at"
                + " https://example.com/t.yaml, not a local file; its resources are not evaluated");
    }

    /**
     * An empty plain YAML value is null, as {@code ~} is and as JSON's null is: {@code Properties:}
     * with nothing after it is a resource without properties (it was refused as "the scalar ''"),
     * and {@code KmsKeyId:} is no key, where a quoted '' stays the empty string it says.
     */
    @Test
    void an_empty_yaml_value_is_null_and_a_quoted_one_an_empty_string() {
        Scenario s = read("""
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  AuditLogs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                  OrdersQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: orders
                      KmsMasterKeyId:
                      RedrivePolicy: ~
                  OrdersTopic:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: ''
                  AppSubnet:
                    Type: AWS::EC2::Subnet
                    Properties:
                      VpcId: vpc-0a1b2c3d4e5f60718
                      CidrBlock: 10.20.1.0/24
                      AvailabilityZone: !Select [0, !GetAZs ]
                """);
        assertThat(settings(s, "AuditLogs")).isEmpty();
        assertThat(settings(s, "OrdersQueue")).containsOnlyKeys("QueueName");
        assertThat(settings(s, "OrdersTopic")).containsEntry("TopicName", "");
        assertThat(settings(s, "AppSubnet")).containsKey("AvailabilityZone");
    }

    /**
     * Fn::Select of a list attribute (widdix's VPC templates take the first of the VPC's
     * Ipv6CidrBlocks): the deployment gives the list, so the value is unknown, and the template is
     * not told that an index is "outside the list", which it is not.
     */
    @Test
    void selecting_from_a_list_attribute_is_unknown_without_a_warning() {
        Scenario s = read("""
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  VPC:
                    Type: AWS::EC2::VPC
                    Properties: {CidrBlock: 10.30.0.0/16}
                  VPCCidrBlock:
                    Type: AWS::EC2::VPCCidrBlock
                    Properties: {AmazonProvidedIpv6CidrBlock: true, VpcId: !Ref VPC}
                  SubnetAPublic:
                    DependsOn: VPCCidrBlock
                    Type: AWS::EC2::Subnet
                    Properties:
                      AvailabilityZone: !Select [0, !GetAZs '']
                      CidrBlock: 10.30.0.0/20
                      Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt 'VPC.Ipv6CidrBlocks'], 4, 64]]
                      MapPublicIpOnLaunch: true
                      VpcId: !Ref VPC
                """);
        assertThat(s.warnings()).noneSatisfy(w -> assertThat(w).contains("outside the list"));
        assertThat(settings(s, "SubnetAPublic").get("Ipv6CidrBlock")).startsWith("${unknown: ");
    }
}
