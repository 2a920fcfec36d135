package dev.srm.input.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static dev.srm.testing.Results.duty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attributes the Terraform mappings read so that a control decides on a plan what it decides on a
 * template: the attribute set decides the control, a stated default decides it as CloudFormation's
 * default does, and an attribute known only after apply (or missing from an older provider's plan)
 * leaves it UNKNOWN.
 */
class MappedAttributesTest {
    private static final Path MAPPED = Path.of("src/test/resources/terraform/mapped");

    @Test
    void a_launch_configuration_is_judged_on_its_metadata_hop_limit() throws Exception {
        List<Evaluation> e = evaluate("plan-launch-configuration-hop-limit.json");
        assertThat(status(e, "aws_launch_configuration.one_hop", "autoscaling-launch-config-hop-limit")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_launch_configuration.three_hops", "autoscaling-launch-config-hop-limit")).isEqualTo(Status.MISSING);
        // the provider computes the limit when the configuration leaves it out: AWS's choice is known only after apply
        assertThat(status(e, "aws_launch_configuration.tokens_only", "autoscaling-launch-config-hop-limit")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, "aws_launch_configuration.no_metadata_block", "autoscaling-launch-config-hop-limit")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_redshift_cluster_is_multi_az_only_when_its_plan_says_so() throws Exception {
        List<Evaluation> e = evaluate("plan-redshift-multi-az.json");
        assertThat(status(e, "aws_redshift_cluster.multi_az", "redshift-multi-az")).isEqualTo(Status.MET);
        // multi_az defaults to false in the provider, as MultiAZ does in CloudFormation
        ControlResult single = control(e, "aws_redshift_cluster.single_az", "redshift-multi-az");
        assertThat(single.status()).as("%s", single.evidence()).isEqualTo(Status.MISSING);
        assertThat(single.evidence()).anyMatch(x -> x.contains("found false"));
    }

    @Test
    void a_plan_from_a_provider_without_multi_az_states_nothing_about_it() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = (ObjectNode) json.readTree(MAPPED.resolve("plan-redshift-multi-az.json").toFile());
        plan.at("/planned_values/root_module/resources").forEach(r -> ((ObjectNode) r.get("values")).remove("multi_az"));
        plan.at("/resource_changes").forEach(r -> ((ObjectNode) r.at("/change/after")).remove("multi_az"));
        List<Evaluation> e = Packs.srm().evaluate("older-provider.json", json.writeValueAsBytes(plan), InputFormat.terraform, false);
        assertThat(status(e, "aws_redshift_cluster.single_az", "redshift-multi-az")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_elastic_ip_association_gives_its_instance_a_public_ipv4_address() throws Exception {
        List<Evaluation> e = evaluate("plan-eip-association.json");
        ControlResult bastion = control(e, "aws_instance.bastion", "ec2-no-public-ipv4");
        assertThat(bastion.status()).as("%s", bastion.evidence()).isEqualTo(Status.MISSING);
        assertThat(bastion.evidence()).anyMatch(x -> x.startsWith("NOT_MET: aws_eip_association.bastion associates an Elastic IP"));
        // the same instance without an association keeps the private address it launched with
        assertThat(status(e, "aws_instance.worker", "ec2-no-public-ipv4")).isEqualTo(Status.MET);
    }

    /** The commonest Elastic IP of a VPC is its NAT gateway's: the gateway names it, and it has no instance. */
    @Test
    void an_elastic_ip_a_nat_gateway_holds_is_in_use() throws Exception {
        List<Evaluation> e = evaluate("plan-nat-gateway.json");
        ControlResult nat = control(e, "aws_eip.nat", "ec2-unused-eip-removed");
        assertThat(nat.status()).as("%s", nat.evidence()).isEqualTo(Status.MET);
        assertThat(nat.evidence()).anyMatch(x -> x.startsWith("MET: in use: aws_nat_gateway.egress AllocationId = aws_eip.nat"));
        // an address nothing in the plan holds: what apply gives its instance decides
        assertThat(status(e, "aws_eip.reserved", "ec2-unused-eip-removed")).isEqualTo(Status.UNKNOWN);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("aws_nat_gateway"));
    }

    /**
     * A trail's event_selector blocks are its EventSelectors: one logging S3 data events without
     * management events does not meet CloudTrail.1 by itself, and meets S3.22; the other trail,
     * which keeps management events, meets CloudTrail.1 for the account.
     */
    @Test
    void a_trails_event_selectors_decide_whether_it_captures_management_events() throws Exception {
        List<Evaluation> e = evaluate("plan-cloudtrail-event-selectors.json");
        ControlResult trail = accountControl(e, "account-multi-region-trail");
        assertThat(trail.status()).as("%s", trail.evidence()).isEqualTo(Status.MET);
        assertThat(trail.evidence()).anyMatch(x -> x.startsWith("MET: trail aws_cloudtrail.management has IsMultiRegionTrail = true"));
        assertThat(accountControl(e, "s3-trail-object-write-events").status()).isEqualTo(Status.MET);
        // without the trail that keeps management events, the data-events trail alone does not meet CloudTrail.1; a plan
        // shows the trails it manages, not the account's (an organization trail counts), so the account is undecided
        List<Evaluation> alone = evaluateEdited("plan-cloudtrail-event-selectors.json", "\"include_management_events\": true",
                "\"include_management_events\": false");
        ControlResult none = accountControl(alone, "account-multi-region-trail");
        assertThat(none.status()).as("%s", none.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(none.evidence()).anyMatch(x -> x.contains("trail aws_cloudtrail.data_events has IsMultiRegionTrail = true, but its"
                + " event selectors leave out read or write management events"));
        assertThat(none.evidence()).anyMatch(x -> x.contains("the input does not hold all of the account's trails"));
    }

    @Test
    void an_ecs_capacity_provider_is_judged_on_managed_termination_protection() throws Exception {
        List<Evaluation> e = evaluate("plan-ecs-capacity-provider.json");
        assertThat(status(e, "aws_ecs_capacity_provider.protected", "ecs-capacity-provider-termination-protection")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_ecs_capacity_provider.unprotected", "ecs-capacity-provider-termination-protection")).isEqualTo(Status.MISSING);
        // left out of the configuration, the provider reads AWS's value after apply
        assertThat(status(e, "aws_ecs_capacity_provider.unstated", "ecs-capacity-provider-termination-protection")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_service_that_sets_no_launch_type_runs_on_its_clusters_default_strategy() throws Exception {
        // launch_type is optional and computed in provider v5: a plan that does not set it shows it known only after
        // apply. CreateService then uses the cluster's default strategy, here Fargate alone (terraform-aws-modules/ecs):
        // AWS runs the hosts. It was classified ECS on EC2, with the fleet and guest-OS patching the customer's.
        List<Evaluation> e = evaluate("plan-ecs-service-cluster-default.json");
        dev.srm.model.ResourceResult api = resource(e, "aws_ecs_service.api");
        assertThat(api.variant()).isEqualTo("fargate");
        assertThat(api.serviceModel()).isEqualTo("SERVERLESS");
        assertThat(api.layer("host-os-hypervisor-networking").party()).isEqualTo(Responsibility.AWS);
    }

    @Test
    void a_service_on_an_ecs_managed_instances_capacity_provider_leaves_the_hosts_to_aws() throws Exception {
        // the strategy names the provider by name (aws_ecs_capacity_provider.managed.name) and the provider names its
        // cluster: both are read as references now, so the service, its task definition and the cluster are managed
        // instances as in a template; they were ECS on EC2 (the customer's fleet and guest-OS patching)
        List<Evaluation> e = evaluate("plan-ecs-managed-instances.json");
        for (String address : List.of("aws_ecs_cluster.orders", "aws_ecs_capacity_provider.managed", "aws_ecs_task_definition.api",
                "aws_ecs_service.api")) {
            dev.srm.model.ResourceResult r = resource(e, address);
            assertThat(r.variant()).as(address).isEqualTo("managed-instances");
            assertThat(r.layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals("os-patching"))
                    .findFirst().orElseThrow().party()).as(address).isEqualTo(Responsibility.AWS);
        }
    }

    @Test
    void a_fargate_service_without_a_platform_version_runs_on_latest() throws Exception {
        // platform_version left out is AWS's choice, LATEST, as CloudFormation's absent PlatformVersion (ECS.10)
        List<Evaluation> e = evaluate("plan-ecs-service-platform.json");
        assertThat(status(e, "aws_ecs_service.checkout", "ecs-fargate-latest-platform")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_ecs_service.legacy_reports", "ecs-fargate-latest-platform")).isEqualTo(Status.MISSING);
        assertThat(status(e, "aws_ecs_service.spot_workers", "ecs-fargate-latest-platform")).isEqualTo(Status.MET);
        assertThat(resource(e, "aws_ecs_service.spot_workers").variant()).isEqualTo("fargate");
        assertThat(resource(e, "aws_ecs_service.batch_on_ec2").serviceModel()).isEqualTo("IAAS");
        assertThat(status(e, "aws_ecs_service.batch_on_ec2", "ecs-fargate-latest-platform")).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void a_group_launches_several_instance_types_by_override_or_by_attributes_and_one_without_a_mixed_policy() throws Exception {
        // AutoScaling.6: override.instance_requirements (attribute-based selection, the common Spot pattern) was not
        // read, so the group was MISSING with "one instance type []"; a group whose plan states mixed_instances_policy
        // = [] launches its launch template's one type, which the control fails (it was UNKNOWN)
        List<Evaluation> e = evaluate("plan-autoscaling-instance-types.json");
        ControlResult abis = control(e, "aws_autoscaling_group.abis", "autoscaling-multiple-instance-types");
        assertThat(abis.status()).as("%s", abis.evidence()).isEqualTo(Status.MET);
        assertThat(abis.evidence()).anyMatch(x -> x.contains("attribute-based instance type selection"));
        assertThat(status(e, "aws_autoscaling_group.oneaz", "autoscaling-multiple-instance-types")).isEqualTo(Status.MET);
        ControlResult web = control(e, "aws_autoscaling_group.web", "autoscaling-multiple-instance-types");
        assertThat(web.status()).as("%s", web.evidence()).isEqualTo(Status.MISSING);
        assertThat(web.evidence()).anyMatch(x -> x.contains("no MixedInstancesPolicy"));
    }

    @Test
    void subnets_named_by_reference_give_their_zones_to_autoscaling_2() throws Exception {
        // vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id] is known only after apply; the configuration's
        // references name the two subnets of the plan, in eu-west-1a and eu-west-1b (it was UNKNOWN)
        List<Evaluation> e = evaluate("plan-autoscaling-instance-types.json");
        ControlResult web = control(e, "aws_autoscaling_group.web", "autoscaling-multi-az");
        assertThat(web.status()).as("%s", web.evidence()).isEqualTo(Status.MET);
        assertThat(web.evidence()).anyMatch(x -> x.contains("spans 2 Availability Zones [eu-west-1a, eu-west-1b]"));
        // through a variable, the list may hold subnets the plan does not show: undecided
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = (ObjectNode) json.readTree(MAPPED.resolve("plan-autoscaling-instance-types.json").toFile());
        for (JsonNode r : plan.at("/configuration/root_module/resources")) {
            if (r.path("address").asText().equals("aws_autoscaling_group.web")) {
                ((ObjectNode) r.path("expressions").path("vpc_zone_identifier")).putArray("references").add("var.private_subnet_ids");
            }
        }
        List<Evaluation> byVariable = Packs.srm().evaluate("by-variable.json", json.writeValueAsBytes(plan), InputFormat.terraform, false);
        assertThat(status(byVariable, "aws_autoscaling_group.web", "autoscaling-multi-az")).isEqualTo(Status.UNKNOWN);
        // [aws_subnet.private[0].id]: Terraform lists aws_subnet.private[0] and aws_subnet.private; the block stands for
        // that one instance, not for both subnets (it was MET on two zones)
        ControlResult one = control(evaluate("plan-autoscaling-indexed-subnets.json"), "aws_autoscaling_group.web", "autoscaling-multi-az");
        assertThat(one.status()).as("%s", one.evidence()).isEqualTo(Status.MISSING);
        assertThat(one.evidence()).anyMatch(x -> x.contains("spans one Availability Zone [eu-west-1a]"));
    }

    @Test
    void a_sagemaker_model_pulls_its_primary_image_through_the_vpc_only_in_vpc_mode() throws Exception {
        List<Evaluation> e = evaluate("plan-sagemaker-model.json");
        assertThat(status(e, "aws_sagemaker_model.vpc_pull", "sagemaker-model-image-from-vpc")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_sagemaker_model.platform_pull", "sagemaker-model-image-from-vpc")).isEqualTo(Status.MISSING);
        // no image_config block: the plan states the access mode is not set, which the control fails as a template would
        ControlResult none = control(e, "aws_sagemaker_model.no_image_config", "sagemaker-model-image-from-vpc");
        assertThat(none.status()).as("%s", none.evidence()).isEqualTo(Status.MISSING);
        assertThat(none.evidence()).anyMatch(x -> x.contains("found it not set"));
    }

    @Test
    void a_key_the_configuration_reads_as_aws_managed_is_no_customer_managed_key() throws Exception {
        // data.aws_kms_alias.ecr (alias/aws/ecr) and data.aws_kms_key.dynamodb (key_manager AWS): the plan knows their
        // key ARNs, which the repository and the table name; data.aws_kms_alias.orders is a customer's alias
        List<Evaluation> e = evaluate("plan-aws-managed-keys.json");
        ControlResult onAwsKey = control(e, "aws_ecr_repository.orders_api", "ecr-kms-encryption");
        assertThat(onAwsKey.status()).isEqualTo(Status.MISSING);
        assertThat(onAwsKey.evidence()).anySatisfy(x -> assertThat(x).startsWith("NOT_MET:").contains("an AWS managed key"));
        assertThat(status(e, "aws_ecr_repository.billing_api", "ecr-kms-encryption")).isEqualTo(Status.MET);
        assertThat(duty(e, "aws_ecr_repository.orders_api", "key-management").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, "aws_dynamodb_table.orders", "key-management").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, "aws_ecr_repository.billing_api", "key-management").party()).isEqualTo(Responsibility.CUSTOMER);
        // the AWS managed keys are resources of their own, whose controls do not apply; a customer's alias is not one
        assertThat(status(e, "data.aws_kms_alias.ecr", "kms-key-rotation")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(e.stream().flatMap(x -> x.resources().stream()).map(r -> r.id()))
                .contains("data.aws_kms_key.dynamodb").doesNotContain("data.aws_kms_alias.orders");
    }

    @Test
    void a_one_zone_file_system_is_one_zone_in_a_plan_too() throws Exception {
        // availability_zone_name makes an EFS file system One Zone: its data lives in one Availability Zone
        List<Evaluation> e = evaluate("plan-efs-one-zone.json");
        assertThat(duty(e, "aws_efs_file_system.render_scratch", "multi-az-placement").party()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(e, "aws_efs_file_system.render_assets", "multi-az-placement").party()).isNotEqualTo(Responsibility.CUSTOMER);
        // its automatic backups are on by default, but an aws_efs_backup_policy in another configuration may turn them
        // off: undecided, where a template (complete for the file system) takes the default
        assertThat(status(e, "aws_efs_file_system.render_scratch", "efs-automatic-backups")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, "aws_efs_file_system.render_projects", "efs-automatic-backups")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_efs_file_system.render_projects", "efs-in-backup-plan")).isEqualTo(Status.MET);
        // without automatic backups, a backup plan of another configuration may still select it (by tag or ARN)
        ControlResult inPlan = control(e, "aws_efs_file_system.render_assets", "efs-in-backup-plan");
        assertThat(inPlan.status()).isEqualTo(Status.UNKNOWN);
        assertThat(inPlan.evidence()).anySatisfy(x -> assertThat(x).contains("a backup plan outside this input"));
    }

    @Test
    void the_registry_scanning_configuration_scans_the_repositories_its_filters_take_in() throws Exception {
        List<Evaluation> e = evaluate("plan-ecr-registry-scanning.json");
        ControlResult payments = control(e, "aws_ecr_repository.payments_ledger", "ecr-image-scanning");
        assertThat(payments.status()).isEqualTo(Status.MET);
        assertThat(payments.evidence()).anySatisfy(x -> assertThat(x).contains("CONTINUOUS_SCAN").contains("payments-*"));
        assertThat(status(e, "aws_ecr_repository.sandbox", "ecr-image-scanning")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_computed_kms_key_the_configuration_leaves_out_is_the_aws_managed_key() throws Exception {
        // encrypt_at_rest.kms_key_id is optional and computed: left out, OpenSearch uses the AWS managed key aws/es, and
        // the plan says "known after apply". Read as a key that may be the customer's, it made key management the customer's.
        List<Evaluation> e = evaluate("plan-default-keys.json");
        assertThat(duty(e, "aws_opensearch_domain.catalog", "key-management").party()).isNotEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(e, "aws_opensearch_domain.orders", "key-management").party()).isEqualTo(Responsibility.CUSTOMER);
        // a backup vault's kms_key_arn likewise: the AWS managed key for AWS Backup, which the vault control fails
        assertThat(duty(e, "aws_backup_vault.nightly", "key-management").party()).isNotEqualTo(Responsibility.CUSTOMER);
        assertThat(status(e, "aws_backup_vault.nightly", "backup-vault-customer-key")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_backup_selection_by_tag_puts_a_file_system_in_its_plan() throws Exception {
        // aws_backup_selection's selection_tag backup=daily takes in the file system tagged so, not the one tagged none
        List<Evaluation> e = evaluate("plan-backup-selection.json");
        ControlResult media = control(e, "aws_efs_file_system.media_library", "efs-in-backup-plan");
        assertThat(media.status()).isEqualTo(Status.MET);
        assertThat(media.evidence()).anySatisfy(x -> assertThat(x).contains("aws_backup_selection.tagged_daily").contains("backup=daily"));
        assertThat(status(e, "aws_efs_file_system.render_cache", "efs-in-backup-plan")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_replication_group_without_an_auth_token_has_none() throws Exception {
        // auth_token null: the mapping's "present" reading gave false, which its table did not turn into "not set",
        // so AuthToken present held for every group: Redis 5.0.6 without AUTH met ElastiCache.6
        List<Evaluation> e = evaluate("plan-elasticache-auth.json");
        assertThat(status(e, "aws_elasticache_replication_group.legacy_cache", "elasticache-redis-auth")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_volume_that_leaves_encryption_to_the_account_default_is_encrypted() throws Exception {
        // encrypted and snapshot_id are optional and computed: left out, the account's EBS encryption by default decides
        // (on here), and the volume is new, not "restored from a snapshot" as the unknown snapshot_id read before
        ControlResult data = control(evaluate("plan-ebs-default-encryption.json"), "aws_ebs_volume.data", "ebs-volume-encryption");
        assertThat(data.status()).isEqualTo(Status.MET);
        assertThat(data.evidence()).noneSatisfy(x -> assertThat(x).contains("snapshot"));
    }

    @Test
    void a_method_path_names_the_resource_and_the_method_it_sets() throws Exception {
        // method_path "orders/GET" was copied whole into ResourcePath, with no HttpMethod: a stage that logs one
        // method only met APIGateway.1, which asks for every method to be logged
        List<Evaluation> e = evaluate("plan-api-gateway-method-settings.json");
        assertThat(status(e, "aws_api_gateway_stage.prod", "apigateway-execution-logging")).isEqualTo(Status.MET);
        ControlResult staging = control(e, "aws_api_gateway_stage.staging", "apigateway-execution-logging");
        assertThat(staging.status()).isEqualTo(Status.MISSING);
        assertThat(staging.evidence()).anyMatch(x -> x.contains("no method setting for every resource and method"));
    }

    @Test
    void a_stage_without_a_cache_cluster_caches_nothing() throws Exception {
        // a plan's method settings are never the whole list, so "no method caches" could not be decided from them:
        // a stage with cache_cluster_enabled = false was MISSING APIGateway.5 for a cache it does not have
        List<Evaluation> e = evaluate("plan-api-gateway-method-settings.json");
        assertThat(status(e, "aws_api_gateway_stage.staging", "apigateway-cache-encrypted")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "aws_api_gateway_stage.prod", "apigateway-cache-encrypted")).isEqualTo(Status.MET);
    }

    @Test
    void a_database_is_judged_on_the_port_its_plan_sets() throws Exception {
        // port was not mapped: an instance on 6432 read as one on PostgreSQL's default port
        List<Evaluation> e = evaluate("plan-rds-ports-and-managed-passwords.json");
        assertThat(status(e, "aws_db_instance.orders", "rds-instance-non-default-port")).isEqualTo(Status.MET);
        // left out, the port is the engine's default (MySQL's 3306)
        assertThat(status(e, "aws_db_instance.legacy", "rds-instance-non-default-port")).isEqualTo(Status.MISSING);
        // an Aurora instance listens on its cluster's port, 5433 here
        List<Evaluation> aurora = evaluate("plan-aurora-port.json");
        assertThat(status(aurora, "aws_rds_cluster_instance.payments_1", "rds-instance-non-default-port")).isEqualTo(Status.MET);
    }

    @Test
    void rds_rotates_the_master_password_it_manages() throws Exception {
        // manage_master_user_password was not mapped: the master secret's rotation stayed the customer's
        List<Evaluation> e = evaluate("plan-rds-ports-and-managed-passwords.json");
        assertThat(duty(e, "aws_db_instance.orders", "secret-rotation").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, "aws_db_instance.legacy", "secret-rotation").party()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(evaluate("plan-aurora-port.json"), "aws_rds_cluster.payments", "secret-rotation").party())
                .isEqualTo(Responsibility.AWS);
    }

    @Test
    void a_read_replica_is_encrypted_as_its_source() throws Exception {
        // replicate_source_db was not mapped: a replica that leaves storage_encrypted out (as it must) read as a
        // new, unencrypted instance
        ControlResult replica = control(evaluate("plan-rds-read-replica.json"), "aws_db_instance.replica", "rds-storage-encrypted");
        assertThat(replica.status()).isEqualTo(Status.MET);
        assertThat(replica.evidence()).anyMatch(x -> x.contains("inherits the encryption of its source instance aws_db_instance.primary"));
    }

    @Test
    void a_replica_of_an_unencrypted_source_is_not_encrypted() throws Exception {
        List<Evaluation> e = evaluateEdited("plan-rds-read-replica.json", "\"storage_encrypted\": true", "\"storage_encrypted\": false");
        assertThat(status(e, "aws_db_instance.replica", "rds-storage-encrypted")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_bucket_policy_known_only_after_apply_leaves_ssl_undecided() throws Exception {
        // policy = data.aws_iam_policy_document.x.json, read at apply: the whole document is unknown, and with no
        // statements to read S3.5 said no statement denies plain HTTP
        ControlResult ssl = control(evaluate("plan-s3-policy-after-apply.json"), "aws_s3_bucket.app_data", "s3-bucket-ssl-requests-only");
        assertThat(ssl.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_queue_that_sets_no_encryption_gets_sse_sqs() throws Exception {
        // sqs_managed_sse_enabled is optional and computed: left out, a new queue is encrypted with SSE-SQS
        assertThat(status(evaluate("plan-sqs-default-encryption.json"), "aws_sqs_queue.order_events", "sqs-queue-encrypted"))
                .isEqualTo(Status.MET);
    }

    @Test
    void a_bucket_policy_written_inline_is_the_buckets_policy() throws Exception {
        // AWS provider 3.x: aws_s3_bucket's own policy attribute was not mapped, so a bucket whose inline policy lets
        // everyone read its objects had "no bucket policy" (S3.2 UNKNOWN), where the same policy as an aws_s3_bucket_policy
        // was MISSING
        List<Evaluation> e = evaluate("plan-s3-inline-bucket-policy.json");
        ControlResult publicRead = control(e, "aws_s3_bucket.public_catalog", "s3-bucket-public-read-prohibited");
        assertThat(publicRead.status()).isEqualTo(Status.MISSING);
        assertThat(status(e, "aws_s3_bucket.public_catalog", "s3-bucket-ssl-requests-only")).isEqualTo(Status.MISSING);
        assertThat(status(e, "aws_s3_bucket.tls_only", "s3-bucket-ssl-requests-only")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_s3_bucket.tls_only", "s3-bucket-public-read-prohibited")).isNotEqualTo(Status.MISSING);
        // no policy attribute: nothing is read as a policy
        assertThat(status(e, "aws_s3_bucket.no_policy", "s3-bucket-public-read-prohibited")).isNotEqualTo(Status.MISSING);
    }

    @Test
    void one_policy_attachment_adds_the_policy_to_every_role_user_and_group_it_names() throws Exception {
        // aws_iam_policy_attachment was not mapped: AdministratorAccess attached to a role, a user and a group through
        // it drew no finding (with the role's trust policy counted as its only policy, the role even met the control)
        List<Evaluation> e = evaluate("plan-iam-policy-attachments.json");
        for (String principal : List.of("aws_iam_role.deploy", "aws_iam_user.ci_bot", "aws_iam_group.operators")) {
            ControlResult admin = control(e, principal, "iam-principal-no-admin-access");
            assertThat(admin.status()).as(principal).isEqualTo(Status.MISSING);
            assertThat(admin.evidence()).anyMatch(x -> x.contains("AdministratorAccess"));
        }
        assertThat(status(e, "aws_iam_user.ci_bot", "iam-user-no-attached-policies")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_roles_trust_policy_is_not_what_it_may_do() throws Exception {
        // managed_policy_arns and inline_policy known only after apply: the role's permissions are not in the plan, and the
        // trust policy (who may assume it) was read as if it were them: MET
        ControlResult reader = control(evaluate("plan-iam-policy-attachments.json"), "aws_iam_role.report_reader", "iam-principal-no-admin-access");
        assertThat(reader.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_policy_attached_by_reference_is_attached() throws Exception {
        // policy_arn = aws_iam_policy.audit_read.arn is known only after apply, but some policy is attached: IAM.2 fails
        // (it was UNKNOWN, as if the attachment might attach nothing)
        assertThat(status(evaluate("plan-iam-policy-attachments.json"), "aws_iam_user.auditor", "iam-user-no-attached-policies"))
                .isEqualTo(Status.MISSING);
    }

    @Test
    void a_web_acl_logging_configuration_names_its_web_acl() throws Exception {
        // WAF.11: the logging configuration's resource_arn refers to the web ACL; a plan without one for a web ACL
        // says nothing of other configurations that may log it
        List<Evaluation> e = evaluate("plan-waf-logging.json");
        assertThat(status(e, "aws_wafv2_web_acl.storefront", "wafv2-webacl-logging")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_wafv2_web_acl.internal", "wafv2-webacl-logging")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void task_definition_volumes_and_runtime_platform_decide_ecs_18_20_21() throws Exception {
        // volume blocks become Volumes (ECS.18: an EFS volume without transit_encryption is DISABLED); the
        // runtime_platform's family decides whether ECS.20 (Linux) or ECS.21 (Windows) judges the containers' users
        List<Evaluation> e = evaluate("plan-ecs-task-definitions.json");
        assertThat(status(e, "aws_ecs_task_definition.api", "ecs-efs-volume-transit-encryption")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_ecs_task_definition.reports", "ecs-efs-volume-transit-encryption")).isEqualTo(Status.MISSING);
        assertThat(status(e, "aws_ecs_task_definition.billing", "ecs-efs-volume-transit-encryption")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "aws_ecs_task_definition.api", "ecs-linux-containers-non-root")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_ecs_task_definition.reports", "ecs-linux-containers-non-root")).isEqualTo(Status.MISSING);
        assertThat(status(e, "aws_ecs_task_definition.billing", "ecs-linux-containers-non-root")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "aws_ecs_task_definition.api", "ecs-windows-containers-non-admin")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "aws_ecs_task_definition.reports", "ecs-windows-containers-non-admin")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "aws_ecs_task_definition.billing", "ecs-windows-containers-non-admin")).isEqualTo(Status.MISSING);
        // container_definitions is every container of the task: one without environment holds no secret there (ECS.8
        // was UNKNOWN), one that passes an access key does
        assertThat(status(e, "aws_ecs_task_definition.api", "ecs-no-secrets-in-environment")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_ecs_task_definition.reports", "ecs-no-secrets-in-environment")).isEqualTo(Status.MET);
        List<Evaluation> keys = evaluateEdited("plan-ecs-task-definitions.json", "\\\"essential\\\":true,\\\"memory\\\":2048,",
                "\\\"essential\\\":true,\\\"memory\\\":2048,\\\"environment\\\":[{\\\"name\\\":\\\"AWS_SECRET_ACCESS_KEY\\\","
                + "\\\"value\\\":\\\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\\\"}],");
        assertThat(status(keys, "aws_ecs_task_definition.reports", "ecs-no-secrets-in-environment")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_trail_names_its_bucket_by_reference_for_cloudtrail_6_and_7() throws Exception {
        // s3_bucket_name names the bucket by reference (audit: known only after apply) or by its literal name (legacy):
        // the bucket a trail delivers to is judged for CloudTrail.6 (not public: the public-read ACL of
        // aws_s3_bucket_acl) and CloudTrail.7 (access logging from aws_s3_bucket_logging)
        List<Evaluation> e = evaluate("plan-cloudtrail-buckets.json");
        assertThat(status(e, "aws_s3_bucket.audit", "cloudtrail-s3-bucket-not-public")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_s3_bucket.audit", "cloudtrail-s3-bucket-access-logging")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_s3_bucket.legacy", "cloudtrail-s3-bucket-not-public")).isEqualTo(Status.MISSING);
        assertThat(status(e, "aws_s3_bucket.legacy", "cloudtrail-s3-bucket-access-logging")).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_default_security_group_is_closed_only_without_rules() throws Exception {
        // EC2.2: aws_default_security_group adopts the VPC's default group; without ingress and egress blocks
        // Terraform removes every rule; a self rule (no CIDR) still counts as an inbound rule
        List<Evaluation> e = evaluate("plan-default-security-groups.json");
        assertThat(status(e, "aws_default_security_group.shared", "vpc-default-security-group-closed")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_default_security_group.legacy", "vpc-default-security-group-closed")).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_default_security_group.legacy", "vpc-default-security-group-closed").evidence())
                .anyMatch(x -> x.contains("inbound rules (ingressRuleCount 1)"));
        // rules of their own (aws_vpc_security_group_ingress_rule, aws_security_group_rule with self) that name the
        // default group are its rules: they fold into it, not into an aws_security_group
        assertThat(status(e, "aws_default_security_group.app", "vpc-default-security-group-closed")).isEqualTo(Status.MISSING);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("app_ssh") || w.contains("app_members"));
    }

    @Test
    void a_mount_target_names_its_file_system_and_subnet_for_efs_6() throws Exception {
        // EFS.6 judges the file system by the subnets of the aws_efs_mount_target resources that name it
        List<Evaluation> e = evaluate("plan-efs-mount-targets.json");
        assertThat(status(e, "aws_efs_file_system.home", "efs-mount-targets-not-in-public-subnets")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_efs_file_system.scratch", "efs-mount-targets-not-in-public-subnets")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_web_acl_association_names_the_load_balancer_or_stage_it_protects() throws Exception {
        // ELB.16 and APIGateway.4: resource_arn refers to an aws_lb or an aws_api_gateway_stage (one mapping, two
        // target types); a load balancer no association of the plan names may be protected from elsewhere
        List<Evaluation> e = evaluate("plan-waf-associations.json");
        assertThat(status(e, "aws_lb.storefront", "elb-alb-waf")).isEqualTo(Status.MET);
        assertThat(status(e, "aws_lb.admin", "elb-alb-waf")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, "aws_api_gateway_stage.prod", "apigateway-stage-waf")).isEqualTo(Status.MET);
    }

    /**
     * ELB.13 and ELB.10 count a load balancer's subnets or zones: subnets written as references to the plan's subnets
     * ([aws_subnet.public_a.id, aws_subnet.public_b.id], known only after apply), subnet_mapping blocks (each naming
     * its own subnet and Elastic IP), or a Classic Load Balancer's availability_zones. Each was UNKNOWN ("Subnets is
     * ${unknown}"); a Classic Load Balancer in one subnet spans one zone.
     */
    @Test
    void a_load_balancers_subnets_by_reference_mappings_or_zones_count_its_zones() throws Exception {
        List<Evaluation> e = evaluate("plan-load-balancer-subnets.json");
        for (String[] c : List.of(new String[] {"aws_lb.web", "elb-v2-multi-az"}, new String[] {"aws_lb.ingress", "elb-v2-multi-az"},
                new String[] {"aws_elb.legacy", "elb-clb-multi-az"})) {
            ControlResult r = control(e, c[0], c[1]);
            assertThat(r.status()).as("%s %s", c[0], r.evidence()).isEqualTo(Status.MET);
            assertThat(r.evidence()).containsExactly("MET: 2 subnets or zones, one per Availability Zone");
        }
        ControlResult admin = control(e, "aws_elb.admin", "elb-clb-multi-az");
        assertThat(admin.status()).as("%s", admin.evidence()).isEqualTo(Status.MISSING);
        // each subnet_mapping names its own Elastic IP: both addresses are in use (EC2.12)
        for (String eip : List.of("aws_eip.ingress_a", "aws_eip.ingress_b")) {
            ControlResult used = control(e, eip, "ec2-unused-eip-removed");
            assertThat(used.status()).as("%s %s", eip, used.evidence()).isEqualTo(Status.MET);
            assertThat(used.evidence()).anyMatch(x -> x.contains("AllocationId = " + eip + " "));
        }
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("Subnets") || w.contains("SubnetMappings") || w.contains("AvailabilityZones"));
    }

    /**
     * A Network Load Balancer with one static subnet_mapping (zone a, Elastic IP ingress_a) and a dynamic
     * "subnet_mapping" (zone b, ingress_b): the plan's configuration shows the static block only, as the first of one,
     * while the values hold two. The second element's references were read from every element's (the static one's),
     * so ingress_a was "in use" by both mappings and ingress_b by none; the elements the configuration does not show as
     * they are name nothing by reference, and their ids, known only after apply, leave both addresses undecided.
     */
    @Test
    void a_dynamic_subnet_mapping_beside_a_static_one_takes_no_reference_of_the_other() throws Exception {
        List<Evaluation> e = evaluate("plan-nlb-dynamic-subnet-mapping.json");
        for (String eip : List.of("aws_eip.ingress_a", "aws_eip.ingress_b")) {
            ControlResult used = control(e, eip, "ec2-unused-eip-removed");
            assertThat(used.status()).as("%s %s", eip, used.evidence()).isEqualTo(Status.UNKNOWN);
            assertThat(used.evidence()).noneMatch(x -> x.contains("AllocationId = aws_eip."));
        }
        ControlResult zones = control(e, "aws_lb.ingress", "elb-v2-multi-az");
        assertThat(zones.status()).as("%s", zones.evidence()).isEqualTo(Status.UNKNOWN);
    }

    private static dev.srm.model.ResourceResult resource(List<Evaluation> e, String id) {
        return e.stream().flatMap(x -> x.resources().stream()).filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not a resource of the evaluation"));
    }

    private static List<Evaluation> evaluate(String name) throws Exception {
        Path plan = MAPPED.resolve(name);
        return Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
    }

    private static List<Evaluation> evaluateEdited(String name, String from, String to) throws Exception {
        Path plan = MAPPED.resolve(name);
        String text = Files.readString(plan);
        assertThat(text).contains(from);
        return Packs.srm().evaluate(plan.toString(), text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                InputFormat.terraform, false);
    }

    private static ControlResult accountControl(List<Evaluation> e, String id) {
        return e.get(0).accountControls().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not on the account"));
    }

    private static Status status(List<Evaluation> e, String resource, String id) {
        ControlResult c = control(e, resource, id);
        return c.status();
    }
}
