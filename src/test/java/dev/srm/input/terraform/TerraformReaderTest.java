package dev.srm.input.terraform;

import dev.srm.facts.Setting;
import dev.srm.input.InputException;
import dev.srm.input.ReadScenario;
import dev.srm.input.mapping.Unknown;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans and states written from the AWS provider's documented schema and the documented JSON
 * output format of {@code terraform show -json} (Terraform is not installable here from a
 * package registry): modules, values known only after apply, split-out resources and types
 * without a mapping.
 */
class TerraformReaderTest {
    private static final TerraformReader READER = new TerraformReader();

    static ReadScenario read(String file) throws IOException, InputException {
        Path p = Path.of("src/test/resources/terraform", file);
        return READER.readScenario(p.getFileName().toString(), Files.readAllBytes(p));
    }

    static Map<String, String> settings(ResourceSpec r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : r.settings()) {
            out.put(s.path(), s.value());
        }
        return out;
    }

    static ResourceSpec resource(Scenario s, String id) {
        ResourceSpec r = s.resource(id);
        assertThat(r).as("resource " + id + " among " + s.resources().stream().map(ResourceSpec::id).toList()).isNotNull();
        return r;
    }

    @Test
    void a_plan_folds_split_out_bucket_resources_into_the_bucket_through_the_plans_references() throws Exception {
        Scenario s = read("plan-modules.json").scenario();
        assertThat(s.id()).isEqualTo("plan-modules");
        ResourceSpec bucket = resource(s, "aws_s3_bucket.logs");
        assertThat(bucket.type()).isEqualTo("AWS::S3::Bucket");
        assertThat(settings(bucket)).containsEntry("BucketName", "acme-audit-logs")
                .containsEntry("PublicAccessBlockConfiguration.BlockPublicAcls", "true")
                .containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "false")
                .containsEntry("BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm", "aws:kms")
                .containsEntry("VersioningConfiguration.Status", "Enabled");
        assertThat(bucket.tags()).containsEntry("owner", "payments");
        assertThat(s.resources()).extracting(ResourceSpec::id)
                .doesNotContain("aws_s3_bucket_public_access_block.logs", "aws_s3_bucket_versioning.logs", "aws_sqs_queue.retired");
        ResourceSpec policy = resource(s, "aws_s3_bucket_policy.logs");
        assertThat(policy.type()).isEqualTo("AWS::S3::BucketPolicy");
        assertThat(settings(policy)).containsEntry("Bucket", "aws_s3_bucket.logs")
                .containsEntry("PolicyDocument.Statement[0].Condition.Bool.aws:SecureTransport", "false");
    }

    @Test
    void a_v2_stage_names_its_api_and_the_api_its_protocol_so_a_websocket_stage_is_told_from_an_http_one() throws Exception {
        Scenario s = read("plan-websocket-stages.json").scenario();
        assertThat(settings(resource(s, "aws_apigatewayv2_api.tracking"))).containsEntry("ProtocolType", "WEBSOCKET");
        assertThat(settings(resource(s, "aws_apigatewayv2_stage.live"))).containsEntry("ApiId", "aws_apigatewayv2_api.tracking")
                .containsEntry("DefaultRouteSettings.LoggingLevel", "OFF");
        assertThat(settings(resource(s, "aws_apigatewayv2_stage.checkout"))).containsEntry("ApiId", "aws_apigatewayv2_api.checkout");
    }

    @Test
    void values_known_only_after_apply_are_unknown_settings_with_a_warning_never_absent() throws Exception {
        ReadScenario r = read("plan-modules.json");
        ResourceSpec bucket = resource(r.scenario(), "aws_s3_bucket.logs");
        // kms_master_key_id = aws_kms_key.data.arn, inside a rule block: the key the plan creates, by its address
        assertThat(settings(bucket)).containsEntry(
                "BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.KMSMasterKeyID", "aws_kms_key.data");
        ResourceSpec db = resource(r.scenario(), "module.db/0.aws_db_instance.main");
        // kms_key_id = var.kms_key_arn, which the module call gives aws_kms_key.data.arn
        assertThat(settings(db)).containsEntry("KmsKeyId", "aws_kms_key.data").containsEntry("StorageEncrypted", "true")
                .containsEntry("PubliclyAccessible", "false").containsEntry("EnableCloudwatchLogsExports[0]", "postgresql");
        ResourceSpec permission = resource(r.scenario(), "aws_lambda_permission.apigw");
        assertThat(settings(permission)).containsEntry("SourceArn", Unknown.UNSET_MARKER);
        assertThat(r.warnings()).anyMatch(w -> w.contains("aws_lambda_permission.apigw: known only after apply: SourceArn"));
    }

    @Test
    void module_paths_are_in_the_ids_and_references_resolve_across_modules_and_to_unknown_ids() throws Exception {
        Scenario s = read("plan-modules.json").scenario();
        assertThat(resource(s, "module.network.aws_vpc.main").type()).isEqualTo("AWS::EC2::VPC");
        assertThat(settings(resource(s, "module.network.aws_flow_log.main"))).containsEntry("ResourceType", "VPC")
                .containsEntry("ResourceId", "module.network.aws_vpc.main").containsEntry("TrafficType", "REJECT");
        Map<String, String> sg = settings(resource(s, "module.network.aws_security_group.web"));
        assertThat(sg).containsEntry("SecurityGroupIngress[0].CidrIp", "0.0.0.0/0").containsEntry("SecurityGroupIngress[0].FromPort", "22")
                .containsEntry("SecurityGroupIngress[1].CidrIp", "0.0.0.0/0").containsEntry("SecurityGroupIngress[1].FromPort", "443")
                .containsEntry("SecurityGroupIngress[2].CidrIpv6", "::/0");
        Map<String, String> fn = settings(resource(s, "aws_lambda_function.api"));
        assertThat(fn).containsEntry("Role", "aws_iam_role.lambda").containsEntry("Runtime", "nodejs20.x").containsEntry("PackageType", "Zip")
                .doesNotContainKey("ReservedConcurrentExecutions");
        assertThat(settings(resource(s, "aws_iam_role.lambda")))
                .containsEntry("ManagedPolicyArns[0]", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
                .containsEntry("AssumeRolePolicyDocument.Statement[0].Principal.Service", "lambda.amazonaws.com");
        assertThat(settings(resource(s, "aws_lambda_permission.apigw"))).containsEntry("FunctionName", "aws_lambda_function.api")
                .containsEntry("Principal", "apigateway.amazonaws.com");
        assertThat(settings(resource(s, "aws_guardduty_detector.main"))).containsEntry("Enable", "true")
                .containsEntry("Features[0].Name", "S3_DATA_EVENTS").containsEntry("Features[0].Status", "ENABLED");
        assertThat(settings(resource(s, "aws_cloudtrail.org"))).containsEntry("IsOrganizationTrail", "true")
                .containsEntry("KMSKeyId", "aws_kms_key.data");
        assertThat(s.account()).extracting(Setting::path, Setting::value).contains(org.assertj.core.groups.Tuple.tuple("organization", "true"));
    }

    @Test
    void a_type_without_a_mapping_and_another_providers_resource_are_warnings_naming_them() throws Exception {
        ReadScenario r = read("plan-modules.json");
        assertThat(r.warnings()).anyMatch(w -> w.equals("plan-modules.json: no srm mapping for Terraform type aws_route_table: 1 resource not assessed (aws_route_table.main)"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("random_id (provider hashicorp/random, not AWS)"));
        assertThat(r.scenario().resources()).extracting(ResourceSpec::id).doesNotContain("aws_route_table.main", "data.aws_caller_identity.current");
    }

    @Test
    void a_state_gives_known_values_of_every_kind_of_resource() throws Exception {
        ReadScenario r = read("state.json");
        Scenario s = r.scenario();
        assertThat(settings(resource(s, "aws_instance.web"))).containsEntry("MetadataOptions.HttpTokens", "optional")
                .containsEntry("NetworkInterfaces[0].AssociatePublicIpAddress", "true")
                .containsEntry("BlockDeviceMappings[0].Ebs.Encrypted", "true").containsEntry("BlockDeviceMappings[1].Ebs.Encrypted", "false")
                .doesNotContainKey("IamInstanceProfile");
        assertThat(resource(s, "aws_instance.web").tags()).containsEntry("env", "prod");
        assertThat(settings(resource(s, "aws_ebs_volume.data"))).containsEntry("Encrypted", "false");
        assertThat(settings(resource(s, "aws_dynamodb_table.orders"))).containsEntry("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", "true")
                .containsEntry("DeletionProtectionEnabled", "true");
        assertThat(settings(resource(s, "aws_eks_cluster.main"))).containsEntry("ResourcesVpcConfig.EndpointPublicAccess", "true")
                .containsEntry("EncryptionConfig[0].Resources[0]", "secrets").containsEntry("Logging.ClusterLogging.EnabledTypes[1].Type", "audit");
        assertThat(settings(resource(s, "aws_eks_node_group.workers"))).containsEntry("ClusterName", "aws_eks_cluster.main");
        Map<String, String> task = settings(resource(s, "aws_ecs_task_definition.web"));
        assertThat(task).containsEntry("ContainerDefinitions[0].Privileged", "true")
                .containsEntry("ContainerDefinitions[0].Environment[0].Name", "AWS_ACCESS_KEY_ID")
                .containsEntry("ContainerDefinitions[0].LogConfiguration.LogDriver", "awslogs");
        assertThat(task.values()).doesNotContain("AKIAEXAMPLE");
        assertThat(settings(resource(s, "aws_ecs_service.web"))).containsEntry("NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp", "ENABLED")
                .containsEntry("LaunchType", "FARGATE").containsEntry("Cluster", "aws_ecs_cluster.main");
        assertThat(settings(resource(s, "aws_sqs_queue.jobs"))).containsEntry("SqsManagedSseEnabled", "true").doesNotContainKey("KmsMasterKeyId");
        assertThat(settings(resource(s, "aws_cloudfront_distribution.site")))
                .containsEntry("DistributionConfig.CacheBehaviors[0].ViewerProtocolPolicy", "allow-all")
                .containsEntry("DistributionConfig.Origins[0].OriginAccessControlId", "E2OAC").doesNotContainKey("DistributionConfig.WebACLId");
        assertThat(settings(resource(s, "aws_organizations_policy.deny_root"))).containsEntry("Type", "SERVICE_CONTROL_POLICY")
                .containsEntry("Content.Statement[0].Condition.ArnLike.aws:PrincipalArn", "arn:aws:iam::*:root");
        assertThat(settings(resource(s, "module.data.aws_rds_cluster.main"))).containsEntry("Engine", "aurora-postgresql")
                .containsEntry("BackupRetentionPeriod", "1");
        assertThat(s.account()).extracting(Setting::path)
                .contains("configRecorder", "passwordPolicy.MinimumPasswordLength", "passwordPolicy.RequireSymbols");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void a_raw_state_file_folds_by_value_and_keeps_what_configures_a_bucket_it_does_not_hold() throws Exception {
        ReadScenario r = read("terraform.tfstate.json");
        Scenario s = r.scenario();
        assertThat(settings(resource(s, "aws_s3_bucket.site/assets"))).containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "true")
                .containsEntry("BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm", "AES256")
                .containsEntry("VersioningConfiguration.Status", "Suspended");
        ResourceSpec legacy = resource(s, "module.edge.aws_s3_bucket_acl.legacy");
        assertThat(legacy.type()).isEqualTo("AWS::S3::Bucket");
        assertThat(settings(legacy)).containsEntry("AccessControl", "PublicRead");
        assertThat(r.warnings()).containsExactly("terraform.tfstate.json: module.edge.aws_s3_bucket_acl.legacy: the aws_s3_bucket it configures "
                + "('acme-legacy-uploads') is not in this state file; its settings are assessed as a AWS::S3::Bucket of their own");
    }

    @Test
    void a_plan_from_another_provider_is_one_line_naming_it() {
        assertThatThrownBy(() -> read("plan-google.json")).isInstanceOf(InputException.class)
                .hasMessage("plan-google.json:7:9: /planned_values/root_module/resources/0: a plan of the hashicorp/google provider "
                        + "(google_storage_bucket.data and 1 more); srm reads resources of the AWS provider (hashicorp/aws) only");
    }

    @Test
    void a_terraform_0_12_state_names_its_providers_as_0_12_did_and_is_read() throws Exception {
        assertThat(Instance.providerSource("provider.aws")).isEqualTo("aws");
        assertThat(Instance.providerSource("module.replica.provider.aws.west")).isEqualTo("aws");
        assertThat(Instance.providerSource("provider[\"registry.terraform.io/hashicorp/aws\"].west")).isEqualTo("hashicorp/aws");
        assertThat(Instance.providerSource("module.net.provider[\"registry.terraform.io/hashicorp/aws\"]")).isEqualTo("hashicorp/aws");
        assertThat(Instance.providerSource("provider.google")).isEqualTo("google");

        Scenario s = read("terraform-0.12.tfstate").scenario();
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly("aws_db_instance.orders", "module.replica.aws_s3_bucket.backups");
        assertThat(settings(resource(s, "aws_db_instance.orders"))).containsEntry("PubliclyAccessible", "true")
                .containsEntry("StorageEncrypted", "false");
    }

    @Test
    void a_block_folds_into_the_for_each_instance_it_names_and_into_the_bucket_of_its_own_module_instance() throws Exception {
        // aws_s3_bucket.this["logs"] and ["data"]; module.site["public"] and ["private"], each with its bucket and block;
        // every bucket name is known only after apply, so the blocks are placed by the references of the configuration
        ReadScenario r = read("plan-for-each.json");
        Scenario s = r.scenario();

        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactlyInAnyOrder("aws_s3_bucket.this/data", "aws_s3_bucket.this/logs",
                "module.site/private.aws_s3_bucket.this", "module.site/public.aws_s3_bucket.this");
        assertThat(settings(resource(s, "aws_s3_bucket.this/logs"))).containsEntry("PublicAccessBlockConfiguration.BlockPublicAcls", "false");
        assertThat(settings(resource(s, "aws_s3_bucket.this/data"))).doesNotContainKey("PublicAccessBlockConfiguration.BlockPublicAcls");
        assertThat(settings(resource(s, "module.site/public.aws_s3_bucket.this")))
                .containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "false");
        assertThat(settings(resource(s, "module.site/private.aws_s3_bucket.this")))
                .containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "true");
        assertThat(r.warnings()).noneSatisfy(w -> assertThat(w).contains("is not in this plan"));
    }

    @Test
    void a_plan_or_state_with_a_part_of_the_wrong_type_is_one_problem_at_its_pointer_not_a_silent_empty_scenario() {
        String bucket = "{\"address\":\"aws_s3_bucket.b\",\"mode\":\"managed\",\"type\":\"aws_s3_bucket\",\"name\":\"b\",\"values\":%s}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"child_modules\":{\"address\":\"module.m\"}}}}",
                "/planned_values/root_module/child_modules: expected a list, found an object");
        cases.put("{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":5}}}",
                "/planned_values/root_module/resources: expected a list, found a number");
        cases.put("{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":[" + bucket.formatted("\"oops\"") + "]}}}",
                "/planned_values/root_module/resources/0/values: expected an object, found text");
        cases.put("{\"format_version\":\"1.2\",\"planned_values\":{\"root_module\":{\"resources\":["
                        + bucket.formatted("{}").replace("\"managed\"", "\"managd\"") + "]}}}",
                "/planned_values/root_module/resources/0/mode: expected mode managed or data, found 'managd'");
        cases.put("{\"format_version\":\"1.2\",\"planned_values\":\"none\"}", "/planned_values: expected an object, found text");
        cases.put("{\"version\":4,\"terraform_version\":\"1.9.8\",\"resources\":[{\"mode\":\"managed\",\"type\":\"aws_s3_bucket\","
                + "\"name\":\"b\",\"provider\":\"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\",\"instances\":[{\"attributes\":7}]}]}",
                "/resources/0/instances/0/attributes: expected an object, found a number");
        cases.forEach((json, message) -> assertThatThrownBy(() -> READER.readScenario("plan.json", json.getBytes()))
                .as(json).isInstanceOf(InputException.class).hasMessageContaining(message));
    }

    @Test
    void a_duplicate_key_in_a_plan_is_one_line_at_its_place_never_the_last_one_silently_winning() throws Exception {
        String plan = Files.readString(Path.of("src/test/resources/terraform/plan-s3-module.json"));
        String twice = plan.replaceFirst("\"block_public_acls\": true,", "\"block_public_acls\": false, \"block_public_acls\": true,");
        assertThat(twice).isNotEqualTo(plan);
        assertThatThrownBy(() -> READER.readScenario("plan.json", twice.getBytes())).isInstanceOf(InputException.class)
                .hasMessage("plan.json:44:64: /planned_values/root_module/child_modules/0/resources/1/values/block_public_acls:"
                        + " duplicate key 'block_public_acls' (first at line 44); each key may appear once");
    }

    @Test
    void a_resource_address_given_twice_is_one_line_naming_both_places_never_the_first_silently_dropped() throws Exception {
        String plan = Files.readString(Path.of("src/test/resources/terraform/plan-s3-module.json"));
        String block = plan.substring(plan.indexOf("            {\n              \"address\": \"module.audit_logs.aws_s3_bucket_public_access_block.trail\""),
                plan.indexOf("          ]\n        }\n      ]\n    }\n  },"));
        // the same block again, as a hand-merged plan would hold it, with other values
        String twice = plan.replace(block, block.stripTrailing() + ",\n" + block.replace("\"block_public_acls\": true", "\"block_public_acls\": false"));
        assertThat(twice).isNotEqualTo(plan);
        assertThatThrownBy(() -> READER.readScenario("plan.json", twice.getBytes())).isInstanceOf(InputException.class)
                .hasMessage("plan.json:52:13: /planned_values/root_module/child_modules/0/resources/2: duplicate resource address"
                        + " module.audit_logs.aws_s3_bucket_public_access_block.trail (first at line 36:"
                        + " /planned_values/root_module/child_modules/0/resources/1); each address may appear once");

        String state = Files.readString(Path.of("src/test/resources/terraform/terraform.tfstate.json"));
        String instance = state.substring(state.indexOf("        {\n          \"index_key\": \"assets\""), state.indexOf("      ]\n    },"));
        String again = state.replaceFirst(java.util.regex.Pattern.quote(instance),
                java.util.regex.Matcher.quoteReplacement(instance.stripTrailing() + ",\n" + instance));
        assertThatThrownBy(() -> READER.readScenario("terraform.tfstate", again.getBytes())).isInstanceOf(InputException.class)
                .hasMessageStartingWith("terraform.tfstate:49:9: /resources/0/instances/1: duplicate resource address"
                        + " aws_s3_bucket.site[\"assets\"] (first at line 14: /resources/0/instances/0)");
    }

    @Test
    void a_deposed_object_of_a_replacement_is_not_a_duplicate_and_not_the_resource() throws Exception {
        // create_before_destroy left the old bucket deposed: Terraform destroys it; the current object is the resource
        String state = Files.readString(Path.of("src/test/resources/terraform/terraform.tfstate.json"));
        String instance = state.substring(state.indexOf("        {\n          \"index_key\": \"assets\""), state.indexOf("      ]\n    },"));
        String deposed = instance.replace("\"index_key\": \"assets\",", "\"index_key\": \"assets\",\n          \"deposed\": \"5d8a3b1c\",")
                .replace("\"sse_algorithm\": \"AES256\"", "\"sse_algorithm\": \"aws:kms\"");
        String withDeposed = state.replaceFirst(java.util.regex.Pattern.quote(instance),
                java.util.regex.Matcher.quoteReplacement(instance.stripTrailing() + ",\n" + deposed));
        assertThat(withDeposed).contains("\"deposed\": \"5d8a3b1c\"");
        ReadScenario r = READER.readScenario("terraform.tfstate", withDeposed.getBytes());
        assertThat(settings(resource(r.scenario(), "aws_s3_bucket.site/assets")))
                .containsEntry("BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm", "AES256");
        assertThat(r.warnings()).contains("terraform.tfstate: 1 deposed object not assessed (aws_s3_bucket.site[\"assets\"]): what a"
                + " create_before_destroy replacement left to destroy; the current object of the same address is assessed");
    }

    @Test
    void a_terraform_0_11_state_is_one_line_saying_what_to_do() {
        assertThatThrownBy(() -> read("terraform-0.11.tfstate")).isInstanceOf(InputException.class)
                .hasMessage("terraform-0.11.tfstate:6:3: /modules: a Terraform 0.11.14 state (state format version 3); srm reads Terraform 0.12 "
                        + "or later: upgrade the configuration and run 'terraform show -json' with Terraform 0.12 or later");
    }

    @Test
    void terraform_json_is_recognised_by_content_and_scenarios_are_not() {
        assertThat(READER.claims("x.json", "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.8\"}".getBytes())).isTrue();
        assertThat(READER.claims("x.json", "{\"srm\": 1, \"id\": \"a\", \"resources\": []}".getBytes())).isFalse();
        assertThat(TerraformReader.scenarioId("plans/Prod Plan.tfplan.json")).isEqualTo("prod-plan");
    }
}
