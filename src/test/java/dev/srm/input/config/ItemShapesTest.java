package dev.srm.input.config;

import dev.srm.input.InputException;
import dev.srm.input.ReadScenario;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configuration items as AWS Config hands them to a rule (an invoking event, the event a custom
 * rule's Lambda function receives, an EventBridge event) and values Config states in its own way:
 * a public address on a secondary private IP, load balancer attributes as key/value pairs, a
 * distribution without logging ({@code enabled: false, bucket: ""}) or web ACL ({@code webACLId: ""}).
 */
class ItemShapesTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final ConfigReader READER = new ConfigReader(GroupBy.account);
    private static final String INSTANCE = "arn:aws:ec2:us-east-1:444455556666:instance/i-0a1b2c3d4e5f60718";
    private static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:444455556666:loadbalancer/app/orders-alb/50dc6c495c0c9188";
    private static final String DISTRIBUTION = "arn:aws:cloudfront::444455556666:distribution/E2QWRUHAPOMQZL";

    private static Scenario only(String file) throws InputException {
        List<ReadScenario> read = ConfigReaderTest.read(READER, DIR.resolve(file));
        assertThat(read).hasSize(1);
        return read.get(0).scenario();
    }

    private static Evaluation evaluate(String file) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(file, Files.readAllBytes(DIR.resolve(file)), InputFormat.config, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    private static Status status(Evaluation e, String resource, String control) {
        ControlResult c = e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource));
        return c.status();
    }

    @Test
    void a_rules_invoking_event_the_lambda_event_around_it_and_an_eventbridge_event_are_read_as_their_item() throws Exception {
        byte[] lambda = Files.readAllBytes(DIR.resolve("lambda-rule-event.json"));
        byte[] event = Files.readAllBytes(DIR.resolve("invoking-event.json"));
        byte[] bridge = Files.readAllBytes(DIR.resolve("eventbridge-event.json"));
        assertThat(READER.claims("lambda-rule-event.json", lambda)).isTrue();
        assertThat(READER.claims("invoking-event.json", event)).isTrue();
        assertThat(READER.claims("eventbridge-event.json", bridge)).isTrue();

        Scenario s = only("lambda-rule-event.json");
        assertThat(s.resources()).extracting(ResourceSpec::id).containsExactly(INSTANCE);
        assertThat(s.resources().get(0).origin().pointer()).isEqualTo("/invokingEvent/configurationItem");
        assertThat(only("invoking-event.json").resources()).extracting(ResourceSpec::id).containsExactly(ALB);
        Scenario b = only("eventbridge-event.json");
        assertThat(b.resources()).extracting(ResourceSpec::id).containsExactly(DISTRIBUTION);
        assertThat(b.resources().get(0).origin().pointer()).isEqualTo("/detail/configurationItem");
        assertThat(b.id()).isEqualTo("config-444455556666");
    }

    @Test
    void an_oversized_notification_or_a_scheduled_one_is_said_to_hold_no_item() throws Exception {
        assertThatThrownBy(() -> only("oversized-event.json")).isInstanceOf(InputException.class)
                .hasMessageContaining("oversized configuration item change notification")
                .hasMessageContaining("s3DeliverySummary");
        byte[] scheduled = ("{\"version\":\"1.0\",\"invokingEvent\":\"{\\\"awsAccountId\\\":\\\"444455556666\\\",\\\"notificationCreationTime\\\":"
                + "\\\"2026-02-11T10:00:00.000Z\\\",\\\"messageType\\\":\\\"ScheduledNotification\\\",\\\"recordVersion\\\":\\\"1.0\\\"}\","
                + "\"ruleParameters\":\"{}\",\"configRuleName\":\"iam-root-access-key-check\",\"accountId\":\"444455556666\"}").getBytes();
        assertThatThrownBy(() -> READER.read("scheduled.json", scheduled)).isInstanceOf(InputException.class)
                .hasMessageContaining("ScheduledNotification holds no configuration item");
        // found without --format config too: it was read as a scenario and refused for its unknown properties
        assertThatThrownBy(() -> Packs.srm().evaluate("scheduled.json", scheduled, InputFormat.auto, false))
                .isInstanceOf(dev.srm.api.SrmException.class).hasMessageContaining("ScheduledNotification holds no configuration item");
    }

    @Test
    void a_snapshot_delivery_event_names_the_file_that_holds_the_items() {
        byte[] delivered = ("{\"version\":\"1.0\",\"invokingEvent\":\"{\\\"configSnapshotId\\\":\\\"6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f\\\","
                + "\\\"s3ObjectKey\\\":\\\"AWSLogs/444455556666/Config/eu-west-1/2026/11/30/ConfigSnapshot/snapshot.json.gz\\\","
                + "\\\"s3Bucket\\\":\\\"acme-config-delivery\\\",\\\"notificationCreationTime\\\":\\\"2026-11-30T18:23:20.328Z\\\","
                + "\\\"messageType\\\":\\\"ConfigurationSnapshotDeliveryCompleted\\\",\\\"recordVersion\\\":\\\"1.1\\\"}\","
                + "\"ruleParameters\":\"{}\",\"configRuleName\":\"periodic-check\",\"accountId\":\"444455556666\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Packs.srm().evaluate("delivered.json", delivered, InputFormat.auto, false))
                .isInstanceOf(dev.srm.api.SrmException.class)
                .hasMessageContaining("ConfigurationSnapshotDeliveryCompleted holds no configuration item")
                .hasMessageContaining("s3://acme-config-delivery/AWSLogs/444455556666/Config/eu-west-1/2026/11/30/ConfigSnapshot/snapshot.json.gz");
    }

    @Test
    void an_eventbridge_event_of_another_kind_is_said_to_hold_no_item() {
        byte[] apiCall = """
                {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "AWS API Call via CloudTrail",
                 "source": "aws.rds", "account": "444455556666", "time": "2026-11-30T09:51:58Z", "region": "eu-west-1",
                 "resources": [],
                 "detail": {"eventVersion": "1.08", "eventSource": "rds.amazonaws.com", "eventName": "ModifyDBInstance",
                            "awsRegion": "eu-west-1", "requestParameters": {"dBInstanceIdentifier": "orders-db", "publiclyAccessible": true}}}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // read as Config input (--format config): without it, an EventBridge event may be a Security Hub one, which triage reads
        assertThatThrownBy(() -> Packs.srm().evaluate("api-call.json", apiCall, InputFormat.config, false))
                .isInstanceOf(dev.srm.api.SrmException.class)
                .hasMessageContaining("api-call.json:1:1")
                .hasMessageContaining("EventBridge event of detail-type 'AWS API Call via CloudTrail' (source 'aws.rds') holds no configuration item");
    }

    @Test
    void config_values_are_read_as_the_service_states_them() throws Exception {
        Scenario s = only("item-shapes.json");
        Map<String, String> instance = ConfigReaderTest.settings(ConfigReaderTest.byType(s, "AWS::EC2::Instance"));
        assertThat(instance).containsEntry("NetworkInterfaces[0].AssociatePublicIpAddress", "true")
                .containsEntry("BlockDeviceMappings[0].DeviceName", "/dev/xvda");
        assertThat(instance.keySet()).noneMatch(k -> k.contains("VolumeId")); // no property of the template type
        Map<String, String> alb = ConfigReaderTest.settings(ConfigReaderTest.byType(s, "AWS::ElasticLoadBalancingV2::LoadBalancer"));
        assertThat(alb).containsEntry("LoadBalancerAttributes[3].Key", "deletion_protection.enabled")
                .containsEntry("LoadBalancerAttributes[3].Value", "false");
        Map<String, String> cf = ConfigReaderTest.settings(ConfigReaderTest.byType(s, "AWS::CloudFront::Distribution"));
        assertThat(cf).containsEntry("DistributionConfig.Logging.Bucket", "").containsEntry("DistributionConfig.WebACLId", "");
        Map<String, String> bucket = ConfigReaderTest.settings(ConfigReaderTest.byType(s, "AWS::S3::Bucket"));
        // {"destinationBucketName": null}: no log bucket, which the item states
        assertThat(bucket).doesNotContainKey("LoggingConfiguration.DestinationBucketName");
        assertThat(ConfigReaderTest.byType(s, "AWS::S3::Bucket").stated()).contains("LoggingConfiguration.DestinationBucketName");
        // the policy Config records with the bucket, as JSON text, is the bucket's AWS::S3::BucketPolicy
        ResourceSpec policy = ConfigReaderTest.byType(s, "AWS::S3::BucketPolicy");
        assertThat(policy.id()).isEqualTo("arn:aws:s3:::acme-press-kit/policy");
        assertThat(ConfigReaderTest.settings(policy)).containsEntry("Bucket", "acme-press-kit")
                .containsEntry("PolicyDocument.Statement[0].Principal", "*").containsEntry("PolicyDocument.Statement[0].Action", "s3:GetObject");
        assertThat(s.resources()).hasSize(7);
        assertThat(ConfigReaderTest.byType(s, "AWS::EC2::Instance").origin().arn()).isEqualTo(INSTANCE);
    }

    @Test
    void a_bucket_policy_lives_and_dies_with_the_latest_item_of_its_bucket() throws Exception {
        Path history = DIR.resolve("bucket-policy-history.json"); // the policy denying plain HTTP, then no policy
        Scenario s = only(history.getFileName().toString());
        assertThat(s.resources()).extracting(ResourceSpec::type).containsExactly("AWS::S3::Bucket");
        assertThat(s.description()).contains("the latest of 2 items of the same resources");
        Evaluation e = evaluate(history.getFileName().toString());
        assertThat(status(e, "arn:aws:s3:::acme-release-artifacts", "s3-bucket-ssl-requests-only")).isNotEqualTo(Status.MET);

        // the earlier item alone: its policy is the bucket's
        String text = Files.readString(history);
        int second = text.indexOf("\"relatedEvents\"", text.indexOf("\"relatedEvents\"") + 1);
        String earlier = "{\"configurationItems\": [{" + text.substring(second, text.lastIndexOf("]")) + "]}";
        List<Evaluation> one = Packs.srm().evaluate("earlier.json", earlier.getBytes(), InputFormat.config, false);
        assertThat(status(one.get(0), "arn:aws:s3:::acme-release-artifacts", "s3-bucket-ssl-requests-only")).isEqualTo(Status.MET);
    }

    @Test
    void controls_answer_as_the_config_managed_rules_do_on_these_items() throws Exception {
        Evaluation e = evaluate("item-shapes.json");
        // ec2-instance-no-public-ip: NON_COMPLIANT "if the publicIp field is present in the configuration item" (here an Elastic IP
        // on the secondary private IP)
        assertThat(status(e, INSTANCE, "ec2-no-public-ipv4")).isEqualTo(Status.MISSING);
        assertThat(status(e, ALB, "elb-deletion-protection")).isEqualTo(Status.MISSING);
        assertThat(status(e, ALB, "elb-access-logging")).isEqualTo(Status.MISSING);
        assertThat(status(e, ALB, "elb-alb-drop-invalid-headers")).isEqualTo(Status.MET);
        assertThat(status(e, ALB, "elb-alb-desync-mitigation")).isEqualTo(Status.MET);
        assertThat(status(e, DISTRIBUTION, "cloudfront-access-logging")).isEqualTo(Status.MISSING);
        assertThat(status(e, DISTRIBUTION, "cloudfront-waf-enabled")).isEqualTo(Status.MISSING);
        // s3-bucket-public-read-prohibited: the bucket policy allows s3:GetObject to "*" and RestrictPublicBuckets is false;
        // s3-bucket-ssl-requests-only: no statement denies requests without aws:SecureTransport; no server access logging
        String bucket = "arn:aws:s3:::acme-press-kit";
        assertThat(status(e, bucket, "s3-bucket-public-read-prohibited")).isEqualTo(Status.MISSING);
        assertThat(status(e, bucket, "s3-bucket-ssl-requests-only")).isEqualTo(Status.MISSING);
        assertThat(status(e, bucket, "s3-access-logging")).isEqualTo(Status.MISSING);
        // api-gw-execution-logging-enabled: "NON_COMPLIANT if logging is not enabled" for all methods; only orders/POST logs,
        // and without a "*/*" setting every other method logs at the default level, OFF
        assertThat(status(e, "arn:aws:apigateway:us-east-1::/restapis/k3v9xq7d2m/stages/prod", "apigateway-execution-logging"))
                .isEqualTo(Status.MISSING);
        assertThat(e.warnings()).noneMatch(w -> w.contains("unknown configuration key"));
    }

    @Test
    void the_public_invoking_events_of_aws_config_rules_get_the_rules_answers() throws Exception {
        Evaluation sg = evaluate("aws-config-rules/vpc-sg-open-udp-invoking-event.json");
        // VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS: NON_COMPLIANT, UDP 10000 is open to 0.0.0.0/0
        assertThat(status(sg, "arn:aws:ec2:ap-south-1:970012433126:security-group/sg-005ce5b72094fba04", "vpc-sg-authorized-ports-only"))
                .isEqualTo(Status.MISSING);
        Evaluation cf = evaluate("aws-config-rules/cloudfront-logging-disabled-invoking-event.json");
        // CLOUDFRONT_LOGGING_ENABLED: NON_COMPLIANT, logging {enabled: false}
        assertThat(status(cf, "arn:aws:cloudfront::123456789012:distribution/E1NFJOWF2FZVA6", "cloudfront-access-logging"))
                .isEqualTo(Status.MISSING);
    }

    @Test
    void a_url_encoded_policy_document_is_read_whatever_whitespace_iam_kept_before_it() throws Exception {
        // IAM returns the document as written, URL-encoded: a document written with a line break first starts %0A%7B
        String document = java.net.URLEncoder.encode("\n{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"*\", \"Resource\": \"*\"}]}", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(document).startsWith("%0A%7B");
        String item = """
                {"configurationItems": [{"configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-11-30T08:12:44.120Z",
                  "configurationItemStatus": "ResourceDiscovered", "awsAccountId": "444455556666", "awsRegion": "global",
                  "resourceType": "AWS::IAM::Policy", "resourceId": "ANPAWIZ5EXAMPLE4TDKQ2", "resourceName": "break-glass-admin",
                  "ARN": "arn:aws:iam::444455556666:policy/break-glass-admin",
                  "configuration": {"policyName": "break-glass-admin", "policyId": "ANPAWIZ5EXAMPLE4TDKQ2", "path": "/",
                    "defaultVersionId": "v1", "attachmentCount": 1, "isAttachable": true,
                    "policyVersionList": [{"document": "%s", "versionId": "v1", "isDefaultVersion": true}]}}]}
                """.formatted(document);
        List<Evaluation> e = Packs.srm().evaluate("iam-policy.json", item.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                InputFormat.config, false);
        assertThat(status(e.get(0), "arn:aws:iam::444455556666:policy/break-glass-admin", "iam-no-admin-policy"))
                .isEqualTo(Status.MISSING);
    }

    @Test
    void a_secret_is_read_from_its_describe_secret_shape_and_its_rotation_is_its_rotation_schedule() throws Exception {
        String orders = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/orders/db-credentials-Xy7Pq2";
        Scenario s = only("secrets.json");
        ResourceSpec secret = s.resources().stream().filter(r -> r.id().equals(orders)).findFirst().orElseThrow();
        assertThat(ConfigReaderTest.settings(secret)).containsEntry("KmsKeyId",
                "arn:aws:kms:eu-west-1:111122223333:key/0d8f3c1a-62b4-4e5f-9a7b-1c2d3e4f5a6b").doesNotContainKey("KMSKeyId");
        ResourceSpec schedule = ConfigReaderTest.byType(s, "AWS::SecretsManager::RotationSchedule");
        assertThat(schedule.id()).isEqualTo(orders + "/rotation");
        assertThat(ConfigReaderTest.settings(schedule)).containsEntry("SecretId", orders).containsEntry("RotationRules.AutomaticallyAfterDays", "30");
        assertThat(s.resources()).hasSize(3); // RotationEnabled false: no schedule

        Evaluation e = evaluate("secrets.json");
        assertThat(status(e, orders, "secretsmanager-rotation-enabled")).isEqualTo(Status.MET);
        assertThat(status(e, orders, "secretsmanager-rotation-period")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/partner-api-key-Lm3Nb8",
                "secretsmanager-rotation-enabled")).isNotEqualTo(Status.MET);
    }

    /** DescribeEventSubscriptions' shape; a subscription Config records with enabled false notifies no one (RDS.20). */
    @Test
    void an_rds_event_subscription_is_read_with_its_categories_and_whether_it_is_enabled() throws Exception {
        Scenario s = only("rds-event-subscriptions.json");
        ResourceSpec paused = s.resources().stream().filter(r -> r.id().endsWith(":es:orders-instance-events")).findFirst().orElseThrow();
        assertThat(ConfigReaderTest.settings(paused)).containsEntry("SourceType", "db-instance").containsEntry("Enabled", "false")
                .containsEntry("EventCategories[0]", "configuration change").containsEntry("EventCategories[2]", "maintenance");

        Evaluation e = evaluate("rds-event-subscriptions.json");
        assertThat(status(e, "arn:aws:rds:eu-west-1:111122223333:es:orders-cluster-events", "rds-cluster-event-subscription"))
                .isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:rds:eu-west-1:111122223333:es:orders-instance-events", "rds-instance-event-subscription"))
                .isEqualTo(Status.MISSING);
    }

    /**
     * An Elastic IP of a NAT gateway or a load balancer is associated with a network interface and
     * has no instance id: it is in use (EC2.12, eip-attached: "attached to EC2 instances or in-use
     * elastic network interfaces"). The association becomes the AWS::EC2::EIPAssociation a template
     * would declare. Before, both addresses were UNKNOWN.
     */
    @Test
    void an_elastic_ip_associated_with_a_network_interface_is_in_use() throws Exception {
        String natAddress = "arn:aws:ec2:eu-west-1:111122223333:elastic-ip/eipalloc-0b1c2d3e4f5a6b7c8";
        Scenario s = only("elastic-ips.json");
        ResourceSpec association = s.resources().stream().filter(r -> r.id().equals(natAddress + "/association")).findFirst().orElseThrow();
        assertThat(association.type()).isEqualTo("AWS::EC2::EIPAssociation");
        assertThat(ConfigReaderTest.settings(association)).containsEntry("AllocationId", natAddress)
                .containsEntry("NetworkInterfaceId", "eni-0f1e2d3c4b5a69788");
        assertThat(s.resources()).as("no association for the address that has none").hasSize(3);

        Evaluation e = evaluate("elastic-ips.json");
        assertThat(status(e, natAddress, "ec2-unused-eip-removed")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:111122223333:elastic-ip/eipalloc-0c2d3e4f5a6b7c8d9", "ec2-unused-eip-removed"))
                .isNotEqualTo(Status.MET);
    }

    /**
     * Config's item of an API Gateway V2 stage does not name its API, so a WebSocket stage whose
     * execution logging is off drew no APIGateway.1 answer at all (the control could not tell it
     * from an HTTP API's stage, which has no execution logging). The API is the stage's ARN less
     * /stages/<name>.
     */
    @Test
    void a_v2_stage_is_read_with_its_api_so_a_websocket_stage_is_judged_for_execution_logging() throws Exception {
        String api = "arn:aws:apigateway:eu-west-1::/apis/k7x2m9q4ab";
        Scenario s = only("apigatewayv2.json");
        ResourceSpec stage = s.resources().stream().filter(r -> r.id().equals(api + "/stages/production")).findFirst().orElseThrow();
        assertThat(ConfigReaderTest.settings(stage)).containsEntry("ApiId", api).containsEntry("StageName", "production");
        assertThat(ConfigReaderTest.settings(s.resource(api))).containsEntry("ProtocolType", "WEBSOCKET");

        Evaluation e = evaluate("apigatewayv2.json");
        assertThat(status(e, api + "/stages/production", "apigateway-execution-logging")).isNotEqualTo(Status.MET);
        assertThat(e.resources().stream().filter(r -> r.id().startsWith("arn:aws:apigateway:eu-west-1::/apis/p3n8r1t6cd/stages/"))
                .flatMap(r -> r.controls().stream()).map(ControlResult::id))
                .as("an HTTP API's stage has no execution logging to judge").doesNotContain("apigateway-execution-logging")
                .contains("apigateway-v2-access-logging");
    }

    /**
     * Config's item of a trail says it has event selectors (hasCustomEventSelectors), not what they
     * select: a trail that may log S3 data events only does not meet CloudTrail.1 by itself. Before,
     * srm answered MET on it. A trail without custom selectors logs every management event.
     */
    @Test
    void a_trail_with_event_selectors_config_does_not_show_leaves_cloudtrail_1_undecided() throws Exception {
        Scenario s = only("cloudtrail-custom-selectors.json");
        assertThat(ConfigReaderTest.settings(s.resources().get(0))).containsEntry("customEventSelectors", "true");
        Evaluation custom = evaluate("cloudtrail-custom-selectors.json");
        ControlResult trail = custom.accountControls().stream().filter(c -> c.id().equals("account-multi-region-trail")).findFirst()
                .orElseThrow();
        assertThat(trail.status()).as("%s", trail.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(trail.evidence()).anyMatch(e -> e.contains("event selectors the input does not hold"));

        byte[] plain = Files.readString(DIR.resolve("cloudtrail-custom-selectors.json"))
                .replace("\"hasCustomEventSelectors\": true", "\"hasCustomEventSelectors\": false").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Evaluation all = Packs.srm().evaluate("trail.json", plain, InputFormat.config, false).get(0);
        assertThat(all.accountControls().stream().filter(c -> c.id().equals("account-multi-region-trail")).findFirst().orElseThrow()
                .status()).isEqualTo(Status.MET);
    }

    /**
     * Config's item of a trail does not say whether it is logging (GetTrailStatus does): CloudTrail.3
     * ("at least one trail enabled") is undecided on it, where srm said MISSING, "no trail has IsLogging true".
     */
    @Test
    void a_trail_item_leaves_its_logging_undecided() throws Exception {
        Evaluation e = evaluate("cloudtrail-custom-selectors.json");
        ControlResult logging = e.accountControls().stream().filter(c -> c.id().equals("cloudtrail-trail-logging")).findFirst().orElseThrow();
        assertThat(logging.status()).as("%s", logging.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(logging.evidence()).anyMatch(x -> x.contains("does not record whether it is logging"));
        assertThat(e.findings()).noneMatch(f -> f.rule().equals("cloudtrail-trail-logging"));
    }

    /**
     * get-resource-config-history and batch-get-resource-config give a bucket's AccessControlList as JSON
     * text of JSON text. srm parsed one level, found no grant list and read the ACL as Private: a bucket
     * everyone can read met S3.2 (CRITICAL). FullControl to AuthenticatedUsers (every AWS account) is
     * public write too, and met S3.3.
     */
    @Test
    void a_double_encoded_acl_is_read_and_authenticated_full_control_is_public_write() throws Exception {
        Evaluation e = evaluate("s3-acl-double-encoded.json");
        assertThat(status(e, "arn:aws:s3:::acme-public-assets", "s3-bucket-public-read-prohibited")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:s3:::acme-partner-drop", "s3-bucket-public-read-prohibited")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:s3:::acme-partner-drop", "s3-bucket-public-write-prohibited")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:s3:::acme-private-reports", "s3-bucket-public-read-prohibited")).isEqualTo(Status.MET);
    }

    /**
     * A bucket's item states its event notifications (BucketNotificationConfiguration, a map of named
     * queue, topic and function configurations; empty when there are none), and S3.11 asks for them. The
     * mapping dropped it, so S3.11 stayed ABSENT on every bucket. An item that does not hold it (a
     * select-resource-config row) states nothing.
     */
    @Test
    void a_buckets_event_notifications_are_read_from_its_item() throws Exception {
        Evaluation e = evaluate("s3-event-notifications.json");
        assertThat(status(e, "arn:aws:s3:::ingest-landing-zone", "s3-bucket-event-notifications")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:s3:::ingest-archive", "s3-bucket-event-notifications")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:s3:::ingest-scratch", "s3-bucket-event-notifications")).isNotEqualTo(Status.MET);
    }

    /**
     * EC2.2 reads a VPC's default group (groupName default): as created it admits all traffic from its own
     * members, a rule that names a group and no CIDR range, so SecurityGroupIngress does not show it; the
     * item's ipPermissions counts it. A group whose outbound rule was removed but whose self rule stays fails.
     */
    @Test
    void a_default_security_group_with_only_its_self_rule_is_not_closed() throws Exception {
        Evaluation e = evaluate("default-security-groups.json");
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0d1e2f3a4b5c6d7e8", "vpc-default-security-group-closed")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0e2f3a4b5c6d7e8f9", "vpc-default-security-group-closed")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0f3a4b5c6d7e8f9a0", "vpc-default-security-group-closed")).isEqualTo(Status.MISSING);
        // an item that leaves ipPermissions out says nothing of the rules: not a closed group
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0a4b5c6d7e8f9a0b1", "vpc-default-security-group-closed")).isEqualTo(Status.UNKNOWN);
    }

    /**
     * S3.6 fails a bucket policy that lets another account change the bucket's policy, ACLs or encryption. The
     * item names the bucket's owner (awsAccountId): a grant to the owner's own account passes, one to another fails.
     */
    @Test
    void a_bucket_policys_grants_are_told_apart_by_the_owner_account() throws Exception {
        Evaluation e = evaluate("s3-bucket-policy-accounts.json");
        assertThat(status(e, "arn:aws:s3:::acme-release-artifacts", "s3-bucket-policy-restricts-other-accounts")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:s3:::acme-partner-uploads", "s3-bucket-policy-restricts-other-accounts")).isEqualTo(Status.MISSING);
    }

    /**
     * EC2.183 reads the IKE versions each tunnel permits (options.tunnelOptions[*].ikeVersions): AWS Config records
     * the default, ikev1 and ikev2, on a tunnel the customer did not restrict.
     */
    @Test
    void a_vpn_connections_tunnels_state_their_ike_versions() throws Exception {
        Evaluation e = evaluate("vpn-ike-versions.json");
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:vpn-connection/vpn-0a1b2c3d4e5f60718", "ec2-vpn-ikev2-only")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:vpn-connection/vpn-0c2d4e6f8a0b1c3d5", "ec2-vpn-ikev2-only")).isEqualTo(Status.MET);
    }

    /**
     * Redshift.16 counts a subnet group's Availability Zones; AWS Config's item holds each subnet's zone beside it
     * (subnets[*].subnetAvailabilityZone.name), so the group decides it without the subnets' own items.
     */
    @Test
    void a_redshift_subnet_groups_item_names_its_subnets_zones() throws Exception {
        Evaluation e = evaluate("redshift-subnet-groups.json");
        assertThat(status(e, "arn:aws:redshift:eu-west-1:444455556666:subnetgroup:warehouse", "redshift-subnet-group-multi-az")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:redshift:eu-west-1:444455556666:subnetgroup:reporting", "redshift-subnet-group-multi-az")).isEqualTo(Status.MISSING);
    }

    /**
     * A key whose item says origin EXTERNAL holds imported key material: the customer keeps the original
     * material (key material protection SHARED, its backup the customer's) and KMS cannot rotate it
     * (KMS.4 does not apply). The mapping dropped origin, so the key read as AWS_KMS.
     */
    @Test
    void a_key_with_imported_key_material_is_read_as_such() throws Exception {
        Evaluation e = evaluate("kms-imported-key-material.json");
        String key = "arn:aws:kms:eu-west-1:444455556666:key/3c9d5e1f-2a4b-4c6d-8e0f-1a2b3c4d5e6f";
        assertThat(status(e, key, "kms-key-rotation")).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(dev.srm.testing.Results.duty(e, key, "backup-operation").party()).isEqualTo(dev.srm.model.Responsibility.CUSTOMER);
    }

    /**
     * AWS Config holds a function's, a topic's and a key's resource policy with the resource
     * (supplementaryConfiguration.Policy, configuration.Policy), where a template declares it apart. The
     * mappings dropped them: a function anyone may invoke drew no Lambda.1 answer at all, and a public
     * topic or key stayed UNKNOWN.
     */
    /**
     * Config's item of an instance lists its EBS volumes' mappings without their encryption (the volumes are items of
     * their own): an instance on an instance-store root has none, which is not an unencrypted volume.
     */
    @Test
    void an_instance_without_ebs_mappings_is_not_failed_for_ec2_3() throws Exception {
        Evaluation e = evaluate("instance-store-root.json");
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:instance/i-0a1b2c3d4e5f60719", "ec2-ebs-encryption")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:instance/i-0a1b2c3d4e5f60719", "ec2-imdsv2")).isEqualTo(Status.MET);
    }

    /** A select result holds the fields the query selected: a queue without Policy there may still have one. */
    @Test
    void a_select_result_without_the_queue_policy_leaves_sqs_3_undecided() throws Exception {
        Evaluation e = evaluate("select-queue-encryption-only.json");
        assertThat(status(e, "arn:aws:sqs:eu-west-1:444455556666:orders-events", "sqs-queue-no-public-access")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, "arn:aws:sqs:eu-west-1:444455556666:orders-events", "sqs-queue-encrypted")).isEqualTo(Status.MET);
    }

    /** Security Hub judges GuardDuty.1 in each Region: a detector that is off fails it, whatever another Region's does. */
    @Test
    void a_detector_off_in_one_region_fails_guardduty_1_for_the_account() throws Exception {
        Evaluation e = evaluate("guardduty-two-regions.json");
        ControlResult gd = e.accountControls().stream().filter(c -> c.id().equals("account-guardduty")).findFirst().orElseThrow();
        assertThat(gd.status()).as("%s", gd.evidence()).isEqualTo(Status.MISSING);
        assertThat(gd.evidence()).anyMatch(x -> x.contains("detector arn:aws:guardduty:us-east-1:444455556666:detector/b2c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5 is off"));
        // grouped by Region, each Region's scenario holds its own detector
        assertThat(ConfigReaderTest.read(READER.groupedBy(GroupBy.account_region), DIR.resolve("guardduty-two-regions.json"))).hasSize(2);
    }

    @Test
    void resource_policies_held_in_the_item_are_judged() throws Exception {
        Evaluation e = evaluate("resource-policies.json");
        assertThat(status(e, "arn:aws:lambda:eu-west-1:444455556666:function:orders-webhook", "lambda-no-public-access")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:lambda:eu-west-1:444455556666:function:orders-thumbnailer", "lambda-no-public-access")).isEqualTo(Status.MET);
        // Amazon S3 may invoke it from a bucket of any account: only an ArnLike on the bucket's name, no aws:SourceAccount
        assertThat(status(e, "arn:aws:lambda:eu-west-1:444455556666:function:orders-resizer", "lambda-no-public-access")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:sns:eu-west-1:444455556666:order-events", "sns-topic-no-public-access")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:kms:eu-west-1:444455556666:key/5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "kms-key-not-public"))
                .isEqualTo(Status.MISSING);
        // a queue's policy likewise; a queue item without Policy has none, so only its account has access
        assertThat(status(e, "arn:aws:sqs:eu-west-1:444455556666:orders-intake", "sqs-queue-no-public-access")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:sqs:eu-west-1:444455556666:orders-dlq", "sqs-queue-no-public-access")).isEqualTo(Status.MET);
    }

    /**
     * What an item states outright decides: a secret with RotationEnabled false is not rotated
     * (SecretsManager.1), a bucket with no policy denies no plain-HTTP request (S3.5), an inactive
     * task definition revision is not judged (AWS Config evaluates the latest active one), and an
     * available (unattached) volume is outside EC2.3. The first two were UNKNOWN, the last two MISSING.
     */
    @Test
    void states_the_item_gives_outright_decide() throws Exception {
        Evaluation e = evaluate("stated-states.json");
        assertThat(status(e, "arn:aws:secretsmanager:eu-west-1:444455556666:secret:billing/db-password-Qx7v2N", "secretsmanager-rotation-enabled"))
                .isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:s3:::acme-billing-exports", "s3-bucket-ssl-requests-only")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:ecs:eu-west-1:444455556666:task-definition/billing-api:6", "ecs-containers-not-privileged"))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "arn:aws:ecs:eu-west-1:444455556666:task-definition/billing-api:7", "ecs-containers-not-privileged"))
                .isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:volume/vol-0b1c2d3e4f5a6b7c8", "ebs-volume-encryption"))
                .isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:volume/vol-0c2d3e4f5a6b7c8d9", "ebs-volume-encryption"))
                .isEqualTo(Status.MISSING);
    }

    /**
     * RDS.23: an instance's port is its endpoint's (configuration.endpoint.port), an Aurora instance's
     * its cluster's, which it names by identifier while AWS Config knows the cluster by its ARN. The
     * ports were not mapped and the cluster not found: every instance was UNKNOWN.
     */
    @Test
    void an_instance_listens_on_its_endpoints_port_or_its_clusters() throws Exception {
        Evaluation e = evaluate("rds-ports.json");
        assertThat(status(e, "arn:aws:rds:eu-west-1:444455556666:db:ledger-aurora-1", "rds-instance-non-default-port")).isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:rds:eu-west-1:444455556666:db:reports-pg", "rds-instance-non-default-port")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:rds:eu-west-1:444455556666:db:orders-mysql", "rds-instance-non-default-port")).isEqualTo(Status.MISSING);
    }
}
