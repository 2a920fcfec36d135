package dev.srm.input.config;

import dev.srm.facts.Setting;
import dev.srm.input.InputException;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;
import dev.srm.model.GroupBy;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS Config items shaped as AWS documents them (the properties of each resource type in
 * awslabs/aws-config-resource-schema, and the file and API output formats of the AWS Config
 * developer guide): a snapshot with an item of every mapped type, gzipped or not, history,
 * batch and advanced-query output, an aggregator of three accounts, and the odd items.
 */
class ConfigReaderTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final ConfigReader READER = new ConfigReader(GroupBy.account);

    static List<ReadScenario> read(ConfigReader reader, Path file) throws InputException {
        List<ReadScenario> out = new ArrayList<>();
        try (ScenarioStream s = reader.open(file)) {
            for (ReadScenario r = s.next(); r != null; r = s.next()) {
                out.add(r);
            }
        }
        return out;
    }

    static Map<String, String> settings(ResourceSpec r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : r.settings()) {
            out.put(s.path(), s.value());
        }
        return out;
    }

    static ResourceSpec byType(Scenario s, String type) {
        return s.resources().stream().filter(r -> r.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " among " + s.resources().stream().map(ResourceSpec::type).toList()));
    }

    @Test
    void every_mapped_type_has_a_documented_item_that_becomes_a_resource_with_settings() throws Exception {
        Scenario s = read(READER, DIR.resolve("snapshot.json")).get(0).scenario();
        Set<String> missing = new TreeSet<>();
        for (String type : READER.mappedTypes()) {
            if (type.equals("*") || type.equals("AWS::S3::AccountPublicAccessBlock")) {
                continue; // every item; account facts only
            }
            if (type.equals("AWS::SSM::PatchCompliance")) {
                continue; // folds into its instance (PatchComplianceItemTest)
            }
            if (type.equals("AWS::SSM::ManagedInstanceInventory") || type.equals("AWS::SSM::AssociationCompliance")) {
                continue; // fold into their instance (ManagedInstanceInventoryItemTest)
            }
            String target = type.equals("AWS::OpenSearch::Domain") ? "AWS::OpenSearchService::Domain"
                    : type.equals("AWS::IAM::Policy") ? "AWS::IAM::ManagedPolicy"
                    : type.equals("AWS::EC2::InternetGateway") ? "AWS::EC2::VPCGatewayAttachment" : type; // a gateway has tags only: its attachment
            if (s.resources().stream().noneMatch(r -> r.type().equals(target) && !r.settings().isEmpty())) {
                missing.add(type);
            }
        }
        assertThat(missing).as("mapped types without a resource with settings").isEmpty();
        assertThat(s.resources()).hasSize(91); // 89 items, the attachment of the internet gateway, and the rotation schedule of the secret whose rotation is on
    }

    @Test
    void item_shapes_map_to_the_cloudformation_properties_the_controls_read() throws Exception {
        Scenario s = read(READER, DIR.resolve("snapshot.json")).get(0).scenario();
        ResourceSpec bucket = s.resource("arn:aws:s3:::acme-audit-logs");
        assertThat(settings(bucket)).containsEntry("BucketName", "acme-audit-logs")
                .containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "false")
                .containsEntry("BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm", "aws:kms")
                .containsEntry("VersioningConfiguration.Status", "Enabled").containsEntry("ObjectLockEnabled", "true")
                .containsEntry("LoggingConfiguration.DestinationBucketName", "acme-access-logs");
        assertThat(bucket.tags()).containsEntry("owner", "payments");
        assertThat(settings(byType(s, "AWS::EC2::Instance"))).containsEntry("MetadataOptions.HttpTokens", "optional")
                .containsEntry("NetworkInterfaces[0].AssociatePublicIpAddress", "true").containsEntry("Monitoring", "false");
        assertThat(settings(byType(s, "AWS::EC2::Volume"))).containsEntry("Encrypted", "false");
        assertThat(settings(byType(s, "AWS::EC2::SecurityGroup"))).containsEntry("SecurityGroupIngress[0].CidrIp", "0.0.0.0/0")
                .containsEntry("SecurityGroupIngress[0].FromPort", "22").containsEntry("SecurityGroupIngress[1].CidrIpv6", "::/0")
                .containsEntry("SecurityGroupEgress[0].IpProtocol", "-1");
        assertThat(settings(byType(s, "AWS::RDS::DBInstance"))).containsEntry("BackupRetentionPeriod", "1")
                .containsEntry("PubliclyAccessible", "true").containsEntry("StorageEncrypted", "false").containsEntry("Engine", "postgres");
        assertThat(settings(byType(s, "AWS::RDS::DBCluster"))).containsEntry("Engine", "aurora-mysql")
                .containsEntry("EnableCloudwatchLogsExports[0]", "audit");
        assertThat(settings(byType(s, "AWS::DynamoDB::Table"))).containsEntry("SSESpecification.SSEEnabled", "true")
                .containsEntry("PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled", "false");
        assertThat(settings(byType(s, "AWS::Lambda::Function"))).containsEntry("Runtime", "python3.8")
                .containsEntry("VpcConfig.SubnetIds[0]", "subnet-0a1b2c3d");
        assertThat(settings(byType(s, "AWS::IAM::Role"))).containsEntry("ManagedPolicyArns[0]", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess")
                .containsEntry("AssumeRolePolicyDocument.Statement[0].Principal.Service", "lambda.amazonaws.com")
                .containsEntry("Policies[0].PolicyDocument.Statement[0].Action", "s3:*");
        assertThat(settings(byType(s, "AWS::IAM::ManagedPolicy"))).containsEntry("PolicyDocument.Statement[0].Action", "cloudformation:*");
        assertThat(settings(byType(s, "AWS::KMS::Key"))).containsEntry("EnableKeyRotation", "false");
        assertThat(settings(byType(s, "AWS::CloudTrail::Trail"))).containsEntry("IsMultiRegionTrail", "true")
                .containsEntry("EnableLogFileValidation", "true");
        assertThat(settings(byType(s, "AWS::CloudFront::Distribution")))
                .containsEntry("DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy", "allow-all")
                .containsEntry("DistributionConfig.ViewerCertificate.MinimumProtocolVersion", "TLSv1")
                .containsEntry("DistributionConfig.Logging.Bucket", ""); // logging disabled: no bucket, stated (the recorded one is not read)
        assertThat(settings(byType(s, "AWS::ApiGateway::Stage"))).containsEntry("MethodSettings[0].LoggingLevel", "OFF");
        assertThat(settings(byType(s, "AWS::Redshift::Cluster"))).containsEntry("LoggingProperties.BucketName", "acme-redshift-logs");
        assertThat(settings(byType(s, "AWS::Redshift::ClusterParameterGroup")))
                .containsEntry("Parameters[ParameterName=require_ssl].ParameterValue", "true");
        assertThat(settings(byType(s, "AWS::SQS::Queue"))).containsEntry("SqsManagedSseEnabled", "false")
                .containsEntry("KmsMasterKeyId", "alias/orders");
        assertThat(settings(byType(s, "AWS::GuardDuty::Detector"))).containsEntry("Enable", "true");
    }

    @Test
    void the_account_block_is_derived_from_what_the_items_show() throws Exception {
        Scenario s = read(READER, DIR.resolve("snapshot.json")).get(0).scenario();
        Map<String, String> account = new LinkedHashMap<>();
        s.account().forEach(a -> account.put(a.path(), a.value()));
        assertThat(account).containsEntry("configRecorder", "true").containsEntry("organization", "true")
                .containsEntry("guardDuty", "true").containsEntry("s3PublicAccessBlock.RestrictPublicBuckets", "true");
        assertThat(s.id()).isEqualTo("config-111122223333");
    }

    @Test
    void a_gzipped_snapshot_reads_as_the_plain_one() throws Exception {
        Scenario plain = read(READER, DIR.resolve("snapshot.json")).get(0).scenario();
        Scenario gz = read(READER, DIR.resolve("snapshot.json.gz")).get(0).scenario();
        assertThat(gz.resources()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("line", "origin")
                .isEqualTo(plain.resources());
        assertThat(gz.resources().get(0).origin().line()).as("a line of the unzipped text is no place in the .gz").isZero();
        assertThat(plain.resources().get(0).origin().line()).isEqualTo(5);
        assertThat(gz.account()).isEqualTo(plain.account());
    }

    @Test
    void a_truncated_gzip_is_one_line(@TempDir Path tmp) throws Exception {
        byte[] whole = Files.readAllBytes(DIR.resolve("snapshot.json.gz"));
        Path cut = tmp.resolve("cut.json.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> read(READER, cut)).isInstanceOf(InputException.class)
                .hasMessage(cut + ": truncated gzip: the compressed data ends before its end marker; the file is incomplete (copy it again)");
    }

    @Test
    void deleted_and_not_recorded_items_are_skipped_and_counted_and_unknown_types_are_named() throws Exception {
        ReadScenario r = read(READER, DIR.resolve("snapshot-odd-items.json")).get(0);
        assertThat(r.scenario().resources()).extracting(ResourceSpec::id).containsExactly("arn:aws:s3:::acme-audit-logs");
        String where = DIR.resolve("snapshot-odd-items.json") + ": account 111122223333";
        assertThat(r.warnings()).containsExactly(
                where + ": no srm mapping for AWS Config type AWS::CodeBuild::Project: 1 item not assessed",
                where + ": no srm mapping for AWS Config type AWS::Made::Up: 1 item not assessed",
                where + ": skipped 2 deleted or not-recorded items (configurationItemStatus ResourceDeleted or ResourceNotRecorded)");
    }

    @Test
    void history_keeps_the_latest_item_of_a_resource_and_batch_output_reads_too() throws Exception {
        Scenario h = read(READER, DIR.resolve("history.json")).get(0).scenario();
        assertThat(h.resources()).hasSize(1);
        assertThat(settings(h.resources().get(0))).containsEntry("PublicAccessBlockConfiguration.RestrictPublicBuckets", "false");
        Scenario b = read(READER, DIR.resolve("batch.json")).get(0).scenario();
        assertThat(b.resources()).extracting(ResourceSpec::type).containsExactly("AWS::EC2::Instance", "AWS::EC2::Volume", "AWS::EC2::SecurityGroup");
    }

    @Test
    void an_entry_of_the_item_list_that_is_not_an_item_is_one_problem_never_skipped(@TempDir Path tmp) throws Exception {
        String snapshot = Files.readString(DIR.resolve("snapshot.json"));
        int end = snapshot.lastIndexOf(']');
        for (String entry : List.of("null", "42", "[1, 2]")) {
            Path file = tmp.resolve("snapshot-" + entry.hashCode() + ".json");
            Files.writeString(file, snapshot.substring(0, end).stripTrailing() + ",\n    " + entry + "\n  " + snapshot.substring(end));
            assertThatThrownBy(() -> read(READER, file)).as(entry).isInstanceOf(InputException.class)
                    .hasMessageContaining("expected a configuration item (an object with resourceType), found");
        }
    }

    /** The volume of batch.json (its second item, at line 19) with its configuration, as JSON text, replaced. */
    private static Path volumeWithConfiguration(Path tmp, String configuration) throws Exception {
        String batch = Files.readString(DIR.resolve("batch.json"));
        String volume = "\"{\\\"attachments\\\": [{\\\"instanceId\\\": \\\"i-0123456789abcdef0\\\", \\\"state\\\": \\\"attached\\\","
                + " \\\"volumeId\\\": \\\"vol-049df61146c4d7901\\\"}], \\\"availabilityZone\\\": \\\"eu-west-1a\\\", \\\"encrypted\\\": false,"
                + " \\\"size\\\": 8, \\\"state\\\": \\\"in-use\\\", \\\"volumeId\\\": \\\"vol-049df61146c4d7901\\\", \\\"volumeType\\\": \\\"gp3\\\","
                + " \\\"multiAttachEnabled\\\": false}\"";
        assertThat(batch).contains(volume);
        Path file = tmp.resolve("batch-" + Integer.toHexString(configuration.hashCode()) + ".json");
        Files.writeString(file, batch.replace(volume, configuration));
        return file;
    }

    @Test
    void a_configuration_that_is_not_an_object_nor_json_text_of_one_is_one_problem_never_read_as_empty(@TempDir Path tmp) throws Exception {
        String expected = ": expected an object or JSON text of one (the item's configuration), found ";
        Map<String, String> cases = new LinkedHashMap<>();
        // JSON text cut short, as a copy that stopped at a size limit leaves it
        cases.put("\"{\\\"attachments\\\": [], \\\"availabilityZone\\\": \\\"eu-west-1a\\\", \\\"encrypted\\\": fal\"",
                expected + "JSON text that is not valid (invalid JSON: Unrecognized token 'fal'");
        cases.put("12", expected + "a number");
        cases.put("[{\"encrypted\": false}]", expected + "a list");
        cases.put("\"vol-049df61146c4d7901\"", expected + "text that is not JSON");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = volumeWithConfiguration(tmp, c.getKey());
            assertThatThrownBy(() -> read(READER, file)).as(c.getKey()).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ":19: /baseConfigurationItems/1/configuration" + c.getValue());
        }
    }

    @Test
    void a_supplementary_configuration_that_is_not_an_object_or_holds_broken_json_text_is_one_problem(@TempDir Path tmp)
            throws Exception {
        String history = Files.readString(DIR.resolve("history.json"));
        String block = "\"PublicAccessBlockConfiguration\": \"{\\\"blockPublicAcls\\\": true, \\\"ignorePublicAcls\\\": true,"
                + " \\\"blockPublicPolicy\\\": true, \\\"restrictPublicBuckets\\\": false}\"";
        assertThat(history).contains(block);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(history.replace(block, "\"PublicAccessBlockConfiguration\": \"{\\\"blockPublicAcls\\\": true, \\\"ignorePublicAcls\\\"\""),
                "/configurationItems/0/supplementaryConfiguration/PublicAccessBlockConfiguration: expected an object or JSON text of"
                + " one, found JSON text that is not valid (invalid JSON: Unexpected end-of-input");
        cases.put(history.replaceFirst("\"supplementaryConfiguration\": \\{", "\"supplementaryConfiguration\": 12, \"x\": {"),
                "/configurationItems/0/supplementaryConfiguration: expected an object or JSON text of one (the item's supplementary"
                + " configuration), found a number");
        cases.put(history.replaceFirst("\"supplementaryConfiguration\": \\{", "\"supplementaryConfiguration\": [], \"x\": {"),
                "/configurationItems/0/supplementaryConfiguration: expected an object or JSON text of one (the item's supplementary"
                + " configuration), found a list");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(c.getKey()).isNotEqualTo(history);
            Path file = tmp.resolve("history-" + n++ + ".json");
            Files.writeString(file, c.getKey());
            assertThatThrownBy(() -> read(READER, file)).as(c.getValue()).isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ":3: " + c.getValue());
        }
        // plain text where Config writes plain text stays what it is
        assertThat(history).contains("\"IsRequesterPaysEnabled\": \"false\"");
        assertThat(read(READER, DIR.resolve("history.json"))).hasSize(1);
    }

    @Test
    void a_duplicate_key_in_an_item_is_one_line_at_its_place_never_the_last_one_silently_winning(@TempDir Path tmp) throws Exception {
        String snapshot = Files.readString(DIR.resolve("snapshot-odd-items.json"));
        Path twice = tmp.resolve("snapshot.json");
        Files.writeString(twice, snapshot.replaceFirst("\"blockPublicAcls\": true,", "\"blockPublicAcls\": false, \"blockPublicAcls\": true,"));
        assertThatThrownBy(() -> read(READER, twice)).isInstanceOf(InputException.class).hasMessage(twice + ":18:54:"
                + " /configurationItems/0/supplementaryConfiguration/PublicAccessBlockConfiguration/blockPublicAcls: duplicate key"
                + " 'blockPublicAcls'; each key may appear once");
        // the same in an item's configuration held as JSON text, as the APIs give it
        String history = Files.readString(DIR.resolve("history.json"));
        Path inText = tmp.resolve("history.json");
        Files.writeString(inText, history.replaceFirst("\\\\\"blockPublicAcls\\\\\": true,",
                "\\\\\"blockPublicAcls\\\\\": false, \\\\\"blockPublicAcls\\\\\": true,"));
        assertThatThrownBy(() -> read(READER, inText)).isInstanceOf(InputException.class).hasMessage(inText + ":3:"
                + " /configurationItems/0/supplementaryConfiguration/PublicAccessBlockConfiguration: expected an object or JSON text of"
                + " one, found JSON text that is not valid (duplicate key 'blockPublicAcls'; each key may appear once)");
    }

    @Test
    void replication_rules_config_records_as_a_map_keyed_by_rule_id_are_read_as_rules(@TempDir Path tmp) throws Exception {
        String snapshot = Files.readString(DIR.resolve("snapshot.json"));
        String withRules = snapshot.replaceFirst("\"supplementaryConfiguration\": \\{", "\"supplementaryConfiguration\": {"
                + "\"BucketReplicationConfiguration\": {\"roleARN\": \"arn:aws:iam::111122223333:role/s3-replication\", \"rules\": {"
                + "\"to-eu-west-2\": {\"prefix\": \"\", \"status\": \"Enabled\", \"destinationConfig\": {\"bucketARN\":"
                + " \"arn:aws:s3:::acme-audit-logs-replica\", \"storageClass\": null}}}}, ");
        assertThat(withRules).isNotEqualTo(snapshot);
        Path file = tmp.resolve("snapshot.json");
        Files.writeString(file, withRules);
        ResourceSpec bucket = byType(read(READER, file).get(0).scenario(), "AWS::S3::Bucket");
        assertThat(settings(bucket)).containsEntry("ReplicationConfiguration.Rules[0].Status", "Enabled")
                .containsEntry("ReplicationConfiguration.Rules[0].Destination.Bucket", "arn:aws:s3:::acme-audit-logs-replica");
    }

    /** get-resource-config-history of two databases, newest first as the API returns it; the CLI prints local offsets. */
    private static final String DATABASE_HISTORY = """
            {"configurationItems": [
              {"version": "1.3", "accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::RDS::DBInstance",
               "resourceId": "db-LEGACYAAAABBBBCCCCDDDDEEEE", "resourceName": "legacy-db",
               "arn": "arn:aws:rds:eu-west-1:111122223333:db:legacy-db", "configurationItemStatus": "ResourceDeleted",
               "configurationItemCaptureTime": "2026-03-02T09:15:00.000000+00:00", "configurationStateId": "1772442900000",
               "configuration": null, "supplementaryConfiguration": {}, "tags": {}, "relationships": []},
              {"version": "1.3", "accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::RDS::DBInstance",
               "resourceId": "db-LEGACYAAAABBBBCCCCDDDDEEEE", "resourceName": "legacy-db",
               "arn": "arn:aws:rds:eu-west-1:111122223333:db:legacy-db", "configurationItemStatus": "OK",
               "configurationItemCaptureTime": "2026-03-01T08:00:00.000000+00:00", "configurationStateId": "1772352000000",
               "configuration": "{\\"dBInstanceIdentifier\\":\\"legacy-db\\",\\"engine\\":\\"mysql\\",\\"publiclyAccessible\\":true,\\"storageEncrypted\\":false}",
               "supplementaryConfiguration": {}, "tags": {}, "relationships": []},
              {"version": "1.3", "accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::RDS::DBInstance",
               "resourceId": "db-ORDERSAAAABBBBCCCCDDDDEEEE", "resourceName": "orders-db",
               "arn": "arn:aws:rds:eu-west-1:111122223333:db:orders-db", "configurationItemStatus": "OK",
               "configurationItemCaptureTime": "2026-03-02T06:00:00.000-04:00", "configurationStateId": "1772445600000",
               "configuration": "{\\"dBInstanceIdentifier\\":\\"orders-db\\",\\"engine\\":\\"postgres\\",\\"publiclyAccessible\\":false,\\"storageEncrypted\\":true}",
               "supplementaryConfiguration": {}, "tags": {}, "relationships": []},
              {"version": "1.3", "accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::RDS::DBInstance",
               "resourceId": "db-ORDERSAAAABBBBCCCCDDDDEEEE", "resourceName": "orders-db",
               "arn": "arn:aws:rds:eu-west-1:111122223333:db:orders-db", "configurationItemStatus": "ResourceDeleted",
               "configurationItemCaptureTime": "2026-03-02T09:00:00.000000+00:00", "configurationStateId": "1772442000000",
               "configuration": null, "supplementaryConfiguration": {}, "tags": {}, "relationships": []},
              {"version": "1.3", "accountId": "111122223333", "awsRegion": "eu-west-1", "resourceType": "AWS::RDS::DBInstance",
               "resourceId": "db-ORDERSAAAABBBBCCCCDDDDEEEE", "resourceName": "orders-db",
               "arn": "arn:aws:rds:eu-west-1:111122223333:db:orders-db", "configurationItemStatus": "OK",
               "configurationItemCaptureTime": "2026-02-20T10:00:00.000Z", "configurationStateId": "1771581600000",
               "configuration": "{\\"dBInstanceIdentifier\\":\\"orders-db\\",\\"engine\\":\\"postgres\\",\\"publiclyAccessible\\":true,\\"storageEncrypted\\":true}",
               "supplementaryConfiguration": {}, "tags": {}, "relationships": []}
            ]}
            """;

    @Test
    void a_resource_whose_latest_item_says_deleted_is_gone_and_times_compare_across_offsets(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("rds-history.json");
        Files.writeString(file, DATABASE_HISTORY);
        ReadScenario r = read(READER, file).get(0);

        // legacy-db was deleted after its last OK capture; orders-db was deleted and made again (10:00 UTC, after the deletion
        // at 09:00 UTC, though its text sorts before it), publicly accessible no more
        assertThat(r.scenario().resources()).extracting(ResourceSpec::id).containsExactly("arn:aws:rds:eu-west-1:111122223333:db:orders-db");
        assertThat(settings(r.scenario().resources().get(0))).containsEntry("PubliclyAccessible", "false");
        assertThat(r.warnings()).containsExactly(file + ": account 111122223333: skipped 2 deleted or not-recorded items"
                + " (configurationItemStatus ResourceDeleted or ResourceNotRecorded); 1 of them the latest item of a resource,"
                + " which is left out with every earlier item");
    }

    @Test
    void an_aggregator_gives_one_scenario_per_account_or_per_account_and_region() throws Exception {
        for (String file : List.of("aggregator-select.json", "aggregator-select.jsonl")) {
            List<ReadScenario> byAccount = read(READER, DIR.resolve(file));
            assertThat(byAccount).extracting(r -> r.scenario().id())
                    .containsExactly("config-111122223333", "config-444455556666", "config-777788889999");
            assertThat(byAccount.get(0).scenario().resources()).hasSize(3);
            assertThat(byAccount.get(2).scenario().resource("arn:aws:s3:::acme-audit-logs-777788889999").tags()).containsEntry("owner", "payments");
            List<ReadScenario> byRegion = read(READER.groupedBy(GroupBy.account_region), DIR.resolve(file));
            assertThat(byRegion).extracting(r -> r.scenario().id()).containsExactly("config-111122223333-eu-west-1",
                    "config-111122223333-us-east-1", "config-444455556666-eu-west-1", "config-444455556666-us-east-1",
                    "config-777788889999-eu-west-1");
        }
    }

    @Test
    void items_beyond_the_memory_budget_go_through_temporary_files_and_come_back_the_same() throws Exception {
        Scenario inMemory = read(READER, DIR.resolve("aggregator-select.jsonl")).get(1).scenario();
        Scenario spilled = read(READER.withBudget(1), DIR.resolve("aggregator-select.jsonl")).get(1).scenario();
        assertThat(spilled.resources()).isEqualTo(inMemory.resources());
    }

    @Test
    void config_items_are_recognised_by_content() {
        assertThat(READER.claims("s.json", "{\"fileVersion\":\"1.0\",\"configSnapshotId\":\"x\",\"configurationItems\":[".getBytes())).isTrue();
        assertThat(READER.claims("s.json", "{\"Results\":[\"{}\"],\"QueryInfo\":{}}".getBytes())).isTrue();
        assertThat(READER.claims("s.json", "{\"srm\": 1, \"id\": \"a\", \"resources\": []}".getBytes())).isFalse();
    }

    /**
     * The CLI writes a select-resource-config result's QueryInfo after its Results: a result larger than the head that
     * detection reads (Content.HEAD, 64 KB) showed neither QueryInfo nor a key of an item, fell to the scenario reader
     * and failed (exit 3). Its start, {"Results": [ and a row whose first field is one a query selects, is enough.
     */
    @Test
    void a_select_result_larger_than_the_detection_head_is_recognised(@TempDir Path tmp) throws Exception {
        StringBuilder json = new StringBuilder("{\n    \"Results\": [");
        for (int i = 0; i < 60; i++) {
            String row = "{\"accountId\":\"444455556666\",\"awsRegion\":\"eu-west-1\",\"resourceId\":\"fn" + i
                    + "\",\"resourceType\":\"AWS::Lambda::Function\",\"arn\":\"arn:aws:lambda:eu-west-1:444455556666:function:fn" + i
                    + "\",\"configuration\":{\"functionName\":\"fn" + i + "\",\"runtime\":\"python3.12\",\"description\":\""
                    + "x".repeat(1500) + "\"}}";
            json.append(i == 0 ? "\n        " : ",\n        ").append('"').append(row.replace("\"", "\\\"")).append('"');
        }
        json.append("\n    ],\n    \"QueryInfo\": {\"SelectFields\": [{\"Name\": \"accountId\"}, {\"Name\": \"awsRegion\"}, {\"Name\": \"resourceId\"},"
                + " {\"Name\": \"resourceType\"}, {\"Name\": \"arn\"}, {\"Name\": \"configuration\"}]}\n}\n");
        Path file = tmp.resolve("select.json");
        Files.writeString(file, json);
        assertThat(Files.size(file)).isGreaterThan(dev.srm.input.Content.HEAD);
        byte[] head = dev.srm.input.Content.head(file);
        assertThat(new String(head, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("QueryInfo");
        assertThat(READER.claims("select.json", head)).isTrue();
        List<ReadScenario> read = new dev.srm.input.Inputs().readAll(file, dev.srm.model.InputFormat.auto);
        assertThat(read).hasSize(1);
        assertThat(read.get(0).scenario().resources()).hasSize(60);
        // a result of another query's rows (an aggregate) or another document's Results is not taken for items
        assertThat(READER.claims("s.json", "{\"Results\": [\"{\\\"COUNT(*)\\\":3}\"]".getBytes())).isFalse();
        assertThat(READER.claims("s.json", "{\"Results\": [{\"name\": \"x\"}]".getBytes())).isFalse();
    }
}
