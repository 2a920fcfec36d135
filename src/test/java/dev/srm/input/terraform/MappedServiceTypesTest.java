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
 * Terraform types whose resources a plan used to leave "not assessed" (no srm mapping): Application
 * Auto Scaling targets, Redshift Serverless, target groups, RDS proxies and global clusters, SageMaker
 * feature groups and data quality jobs, Glue crawlers, the account's block-public-access settings,
 * serverless caches and collections, Elastic Beanstalk configuration templates, Multi-Region Access
 * Points, the IKE versions of each VPN tunnel; and queue and topic policies, linked or inline; method
 * settings of same-named stages, Elasticsearch dedicated masters and a stopped Config recorder. Each decides on
 * a plan what the same resources decide in a template, and a value known only after apply leaves the
 * control UNKNOWN.
 */
class MappedServiceTypesTest {
    private static final Path MAPPED = Path.of("src/test/resources/terraform/mapped");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_provisioned_table_scales_with_demand_when_targets_scale_its_reads_and_writes() throws Exception {
        List<Evaluation> e = evaluate("plan-dynamodb-autoscaling.json");
        ControlResult orders = control(e, "aws_dynamodb_table.orders", "dynamodb-autoscaling");
        assertThat(orders.status()).as("%s", orders.evidence()).isEqualTo(Status.MET);
        // a read target alone: the writes of a provisioned table do not scale
        ControlResult sessions = control(e, "aws_dynamodb_table.sessions", "dynamodb-autoscaling");
        assertThat(sessions.status()).as("%s", sessions.evidence()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_dynamodb_table.audit_events", "dynamodb-autoscaling").status()).isEqualTo(Status.MET);
    }

    @Test
    void a_target_whose_table_is_known_only_after_apply_leaves_a_provisioned_table_undecided() throws Exception {
        List<Evaluation> e = evaluateEdited("plan-dynamodb-autoscaling.json", "aws_appautoscaling_target.sessions_read", (values, unknown) -> {
            values.remove("resource_id");
            unknown.put("resource_id", true);
        });
        ControlResult sessions = control(e, "aws_dynamodb_table.sessions", "dynamodb-autoscaling");
        assertThat(sessions.status()).as("%s", sessions.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(sessions.evidence()).anyMatch(x -> x.contains("aws_appautoscaling_target.sessions_read scales a DynamoDB table whose name"));
        // an on-demand table scales whatever that target names
        assertThat(control(e, "aws_dynamodb_table.audit_events", "dynamodb-autoscaling").status()).isEqualTo(Status.MET);
    }

    @Test
    void redshift_serverless_namespaces_and_workgroups_are_judged_on_their_settings() throws Exception {
        List<Evaluation> e = evaluate("plan-redshift-serverless.json");
        for (String control : List.of("redshift-serverless-namespace-cmk", "redshift-serverless-custom-admin", "redshift-serverless-log-exports")) {
            assertThat(control(e, "aws_redshiftserverless_namespace.analytics", control).status()).as(control).isEqualTo(Status.MET);
            assertThat(control(e, "aws_redshiftserverless_namespace.sandbox", control).status()).as(control).isEqualTo(Status.MISSING);
        }
        for (String control : List.of("redshift-serverless-enhanced-vpc-routing", "redshift-serverless-no-public-access", "redshift-serverless-require-ssl")) {
            assertThat(control(e, "aws_redshiftserverless_workgroup.analytics", control).status()).as(control).isEqualTo(Status.MET);
        }
        assertThat(control(e, "aws_redshiftserverless_workgroup.sandbox", "redshift-serverless-no-public-access").status()).isEqualTo(Status.MISSING);
        // config_parameter left out: the provider reads back what AWS sets, after apply
        assertThat(control(e, "aws_redshiftserverless_workgroup.sandbox", "redshift-serverless-require-ssl").status()).isEqualTo(Status.UNKNOWN);
        // existing subnets named by id: their zones are not in the plan
        assertThat(control(e, "aws_redshift_subnet_group.warehouse", "redshift-subnet-group-multi-az").status()).isEqualTo(Status.UNKNOWN);
    }

    /** What Redshift Serverless reads back for the key it owns is a value, not a customer managed key. */
    @Test
    void a_namespace_on_the_aws_owned_key_does_not_meet_redshift_serverless_4() throws Exception {
        List<Evaluation> e = evaluateEdited("plan-redshift-serverless.json", "aws_redshiftserverless_namespace.sandbox", (values, unknown) -> {
            values.put("kms_key_id", "AWS_OWNED_KMS_KEY");
            unknown.remove("kms_key_id");
        });
        ControlResult cmk = control(e, "aws_redshiftserverless_namespace.sandbox", "redshift-serverless-namespace-cmk");
        assertThat(cmk.status()).as("%s", cmk.evidence()).isEqualTo(Status.MISSING);
        assertThat(cmk.evidence()).anyMatch(x -> x.contains("found AWS_OWNED_KMS_KEY"));
    }

    @Test
    void target_groups_and_proxies_are_judged_on_their_protocols() throws Exception {
        List<Evaluation> e = evaluate("plan-target-groups-and-proxies.json");
        assertThat(control(e, "aws_lb_target_group.api_https", "elb-target-group-encrypted-protocol").status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_lb_target_group.api_https", "elb-target-group-https-health-check").status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_lb_target_group.api_http", "elb-target-group-encrypted-protocol").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_lb_target_group.api_http", "elb-target-group-https-health-check").status()).isEqualTo(Status.MISSING);
        // no health_check block: the provider computes it, so its protocol is known only after apply
        assertThat(control(e, "aws_lb_target_group.worker_default_check", "elb-target-group-https-health-check").status()).isEqualTo(Status.UNKNOWN);
        // a Lambda target group has neither protocol nor health check protocol to judge
        assertThat(e.get(0).resources()).filteredOn(r -> r.id().equals("aws_lb_target_group.thumbnailer"))
                .singleElement().satisfies(r -> assertThat(r.controls()).noneMatch(c -> c.id().startsWith("elb-target-group")));
        assertThat(control(e, "aws_db_proxy.orders", "rds-proxy-require-tls").status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_db_proxy.reporting", "rds-proxy-require-tls").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void feature_groups_data_quality_jobs_and_crawlers_are_judged_on_their_encryption() throws Exception {
        List<Evaluation> e = evaluate("plan-sagemaker-and-glue.json");
        assertThat(control(e, "aws_sagemaker_feature_group.customers", "sagemaker-feature-group-offline-store-kms").status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_sagemaker_feature_group.customers", "sagemaker-feature-group-online-store-kms").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_sagemaker_feature_group.clickstream", "sagemaker-feature-group-offline-store-kms").status()).isEqualTo(Status.MISSING);
        for (String control : List.of("sagemaker-data-quality-job-traffic-encryption", "sagemaker-data-quality-job-network-isolation")) {
            assertThat(control(e, "aws_sagemaker_data_quality_job_definition.churn_isolated", control).status()).as(control).isEqualTo(Status.MET);
            assertThat(control(e, "aws_sagemaker_data_quality_job_definition.churn_open", control).status()).as(control).isEqualTo(Status.MISSING);
        }
        // the crawler's security configuration encrypts S3 (CloudFormation's S3Encryptions is a list; Terraform's one block)
        ControlResult crawler = control(e, "aws_glue_crawler.orders", "glue-job-security-configuration");
        assertThat(crawler.status()).as("%s", crawler.evidence()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_glue_crawler.scratch", "glue-job-security-configuration").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void a_security_configuration_that_leaves_s3_unencrypted_fails_the_crawler_that_names_it() throws Exception {
        List<Evaluation> e = evaluateEdited("plan-sagemaker-and-glue.json", "aws_glue_security_configuration.encrypted", (values, unknown) ->
                ((ObjectNode) values.at("/encryption_configuration/0/s3_encryption/0")).put("s3_encryption_mode", "DISABLED"));
        ControlResult crawler = control(e, "aws_glue_crawler.orders", "glue-job-security-configuration");
        assertThat(crawler.status()).as("%s", crawler.evidence()).isEqualTo(Status.MISSING);
        assertThat(crawler.evidence()).anyMatch(x -> x.contains("leaves S3 encryption off"));
    }

    @Test
    void the_accounts_block_public_access_settings_are_judged() throws Exception {
        List<Evaluation> e = evaluate("plan-block-public-access.json");
        ControlResult snapshots = control(e, "aws_ebs_snapshot_block_public_access.this", "ec2-snapshot-block-public-access");
        assertThat(snapshots.status()).as("%s", snapshots.evidence()).isEqualTo(Status.MISSING);
        assertThat(snapshots.evidence()).anyMatch(x -> x.contains("found block-new-sharing"));
        assertThat(control(e, "aws_vpc_block_public_access_options.this", "vpc-block-public-access").status()).isEqualTo(Status.MET);
    }

    @Test
    void serverless_caches_collections_and_global_clusters_get_their_owners() throws Exception {
        List<Evaluation> e = evaluate("plan-serverless-data-stores.json");
        assertThat(duty(e, "aws_elasticache_serverless_cache.sessions", "os-patching").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, "aws_elasticache_serverless_cache.sessions", "version-upgrades").party()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(e, "aws_opensearchserverless_collection.logs", "os-patching").party()).isEqualTo(Responsibility.AWS);
        ControlResult version = control(e, "aws_rds_global_cluster.orders", "aurora-supported-engine-version");
        assertThat(version.status()).as("%s", version.evidence()).isEqualTo(Status.MISSING);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("no srm mapping"));
    }

    /**
     * A queue or topic policy resource names its queue by URL and its topic by ARN, both known only
     * after apply for a new one: the plan's reference links them. An inline policy on the queue or
     * topic is its whole access policy.
     */
    @Test
    void queue_and_topic_policies_are_read_wherever_the_plan_writes_them() throws Exception {
        List<Evaluation> e = evaluate("plan-queue-and-topic-policies.json");
        ControlResult jobs = control(e, "aws_sqs_queue.jobs", "sqs-queue-no-public-access");
        assertThat(jobs.status()).as("%s", jobs.evidence()).isEqualTo(Status.MISSING);
        assertThat(jobs.evidence()).anyMatch(x -> x.startsWith("NOT_MET: queue policy aws_sqs_queue_policy.jobs, statement 0"));
        assertThat(control(e, "aws_sqs_queue.webhooks", "sqs-queue-no-public-access").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_sqs_queue.orders_in", "sqs-queue-no-public-access").status()).isEqualTo(Status.MET);
        // no policy in the plan: another configuration may attach one
        assertThat(control(e, "aws_sqs_queue.scratch", "sqs-queue-no-public-access").status()).isEqualTo(Status.UNKNOWN);
        // a policy that names the queue's own ARN is known only after apply
        assertThat(control(e, "aws_sqs_queue.dead_letters", "sqs-queue-no-public-access").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(e, "aws_sns_topic.alerts", "sns-topic-no-public-access").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_sns_topic.order_events", "sns-topic-no-public-access").status()).isEqualTo(Status.MET);
    }

    /**
     * An environment's setting blocks are every option its configuration sets: an option it leaves out is
     * Elastic Beanstalk's default, or the saved configuration's it is launched from (the plan's template,
     * or one made outside the plan, which leaves the option undecided).
     */
    @Test
    void an_environment_takes_the_options_it_leaves_out_from_its_configuration_template() throws Exception {
        List<Evaluation> e = evaluate("plan-elastic-beanstalk-templates.json");
        for (String control : List.of("elasticbeanstalk-enhanced-health", "elasticbeanstalk-managed-updates", "elasticbeanstalk-logs-to-cloudwatch")) {
            ControlResult web = control(e, "aws_elastic_beanstalk_environment.web", control);
            assertThat(web.status()).as("%s %s", control, web.evidence()).isEqualTo(Status.MET);
            assertThat(web.evidence()).as(control).anyMatch(x -> x.contains("aws_elastic_beanstalk_configuration_template.hardened"));
            ControlResult api = control(e, "aws_elastic_beanstalk_environment.api", control);
            assertThat(api.status()).as(control).isEqualTo(Status.UNKNOWN);
            assertThat(api.evidence()).as(control).anyMatch(x -> x.contains("console-saved-config"));
            assertThat(control(e, "aws_elastic_beanstalk_environment.worker", control).status()).as(control).isEqualTo(Status.MISSING);
        }
    }

    @Test
    void a_multi_region_access_point_is_judged_on_its_block_public_access() throws Exception {
        List<Evaluation> e = evaluate("plan-multi-region-access-points.json");
        assertThat(control(e, "aws_s3control_multi_region_access_point.assets", "s3-multi-region-access-point-block-public-access").status())
                .isEqualTo(Status.MET);
        ControlResult downloads = control(e, "aws_s3control_multi_region_access_point.downloads", "s3-multi-region-access-point-block-public-access");
        assertThat(downloads.status()).as("%s", downloads.evidence()).isEqualTo(Status.MISSING);
        assertThat(downloads.evidence()).anyMatch(x -> x.contains("BlockPublicPolicy != false, found false"));
    }

    /** Each tunnel's tunnelN_ attributes are its options: EC2.183 asks both tunnels to permit IKEv2 only. */
    @Test
    void each_tunnel_of_a_vpn_connection_is_judged_on_its_own_ike_versions() throws Exception {
        List<Evaluation> e = evaluate("plan-vpn-connections.json");
        assertThat(control(e, "aws_vpn_connection.datacenter", "ec2-vpn-ikev2-only").status()).isEqualTo(Status.MET);
        ControlResult branch = control(e, "aws_vpn_connection.branch_office", "ec2-vpn-ikev2-only");
        assertThat(branch.status()).as("%s", branch.evidence()).isEqualTo(Status.MISSING);
        assertThat(branch.evidence()).anyMatch(x -> x.contains("1 of the connection's two tunnels does not list IKEVersions"));
        ControlResult partner = control(e, "aws_vpn_connection.partner", "ec2-vpn-ikev2-only");
        assertThat(partner.status()).as("%s", partner.evidence()).isEqualTo(Status.MISSING);
        assertThat(partner.evidence()).anyMatch(x -> x.contains("VpnTunnelOptionsSpecifications[0] permits ikev1"));
        // the tunnels' log options, computed when the configuration leaves them out
        assertThat(control(e, "aws_vpn_connection.datacenter", "ec2-vpn-tunnel-logging").status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_vpn_connection.partner", "ec2-vpn-tunnel-logging").status()).isEqualTo(Status.UNKNOWN);
    }

    /**
     * Method settings name their stage by stage_name, which two REST APIs' stages may share: the settings' rest_api_id
     * decides which (the plan's references; a state's values).
     */
    @Test
    void method_settings_go_to_the_stage_of_their_own_rest_api() throws Exception {
        List<Evaluation> plan = evaluate("plan-api-stages-same-name.json");
        List<Evaluation> state = Packs.srm().evaluate("state-api-stages-same-name.json",
                Files.readAllBytes(Path.of("src/test/resources/terraform/state-api-stages-same-name.json")), InputFormat.terraform, false);
        for (List<Evaluation> e : List.of(plan, state)) {
            assertThat(control(e, "aws_api_gateway_stage.payments", "apigateway-execution-logging").status()).isEqualTo(Status.MET);
            assertThat(control(e, "aws_api_gateway_stage.payments", "apigateway-cache-encrypted").status()).isEqualTo(Status.MET);
            // the catalog API's prod stage has no settings of its own
            assertThat(control(e, "aws_api_gateway_stage.catalog", "apigateway-execution-logging").status()).isNotEqualTo(Status.MET);
            assertThat(control(e, "aws_api_gateway_stage.catalog", "apigateway-cache-encrypted").status()).isNotEqualTo(Status.MET);
        }
    }

    @Test
    void an_elasticsearch_domain_is_judged_on_its_dedicated_master_count() throws Exception {
        List<Evaluation> e = evaluate("plan-elasticsearch-masters.json");
        assertThat(control(e, "aws_elasticsearch_domain.logs", "opensearch-dedicated-primary-nodes").status()).isEqualTo(Status.MET);
        ControlResult search = control(e, "aws_elasticsearch_domain.search", "opensearch-dedicated-primary-nodes");
        assertThat(search.status()).as("%s", search.evidence()).isEqualTo(Status.MISSING);
        assertThat(search.evidence()).anyMatch(x -> x.contains("DedicatedMasterCount >= 3, found 1"));
    }

    /** A recorder a plan creates records only once its status resource starts it: one stated stopped fails Config.1. */
    @Test
    void a_stopped_config_recorder_does_not_record() throws Exception {
        List<Evaluation> e = evaluate("plan-config-recorder-stopped.json");
        ControlResult config = e.get(0).accountControls().stream().filter(c -> c.id().equals("account-config-recording")).findFirst().orElseThrow();
        assertThat(config.status()).as("%s", config.evidence()).isEqualTo(Status.MISSING);
        List<Evaluation> started = evaluateEdited("plan-config-recorder-stopped.json", "aws_config_configuration_recorder_status.main",
                (values, unknown) -> values.put("is_enabled", true));
        assertThat(started.get(0).accountControls().stream().filter(c -> c.id().equals("account-config-recording")).findFirst().orElseThrow()
                .status()).isEqualTo(Status.MET);
    }

    /** A server_side_encryption block with enabled = false states that the stream has none: DataFirehose.1 fails. */
    @Test
    void a_delivery_stream_whose_encryption_is_turned_off_fails_datafirehose_1() throws Exception {
        List<Evaluation> e = evaluate("plan-firehose-encryption.json");
        assertThat(control(e, "aws_kinesis_firehose_delivery_stream.clickstream", "firehose-delivery-stream-encrypted").status()).isEqualTo(Status.MET);
        ControlResult audit = control(e, "aws_kinesis_firehose_delivery_stream.audit", "firehose-delivery-stream-encrypted");
        assertThat(audit.status()).as("%s", audit.evidence()).isEqualTo(Status.MISSING);
        assertThat(audit.evidence()).anyMatch(x -> x.contains("server-side encryption is turned off"));
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("CloudFormation expects"));
    }

    private static List<Evaluation> evaluate(String name) throws Exception {
        Path plan = MAPPED.resolve(name);
        return Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
    }

    /** The plan with one resource's planned values (and their copy in resource_changes) and after_unknown edited. */
    private static List<Evaluation> evaluateEdited(String name, String address, Edit edit) throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(MAPPED.resolve(name).toFile());
        for (JsonNode r : plan.at("/planned_values/root_module/resources")) {
            if (r.path("address").asText().equals(address)) {
                edit.apply((ObjectNode) r.get("values"), JSON.createObjectNode());
            }
        }
        for (JsonNode r : plan.at("/resource_changes")) {
            if (r.path("address").asText().equals(address)) {
                edit.apply((ObjectNode) r.at("/change/after"), (ObjectNode) r.at("/change/after_unknown"));
            }
        }
        return Packs.srm().evaluate(name, JSON.writeValueAsBytes(plan), InputFormat.terraform, false);
    }

    @FunctionalInterface
    private interface Edit {
        void apply(ObjectNode values, ObjectNode unknown);
    }
}
