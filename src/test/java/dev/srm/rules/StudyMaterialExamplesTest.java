package dev.srm.rules;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.IntegrationResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The study material's four common examples, each a scenario in scenarios/study, with its full answer. */
class StudyMaterialExamplesTest {

    private static Map<String, String> duties(ResourceResult r) {
        Map<String, String> out = new java.util.TreeMap<>();
        r.layers().forEach(l -> l.duties().forEach(d -> out.put(d.duty(), d.party().name())));
        return out;
    }

    private static Map<String, String> parties(ResourceResult r) {
        return r.layers().stream().collect(Collectors.toMap(LayerResult::layer, l -> l.party().name(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, String> statuses(ResourceResult r) {
        return r.controls().stream().collect(Collectors.toMap(ControlResult::id, c -> c.status().name()));
    }

    private static Map<String, String> expectedLayers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void public_s3_bucket_aws_secures_the_service_and_the_customer_must_configure_access() {
        Evaluation e = Packs.evaluate(Path.of("scenarios/study/s3-public-bucket.yaml"));
        ResourceResult bucket = e.resources().get(0);

        assertThat(bucket.serviceModel()).isEqualTo("SERVERLESS");
        assertThat(bucket.customerShare()).isEqualTo("LOW");
        assertThat(parties(bucket)).containsExactlyEntriesOf(expectedLayers(
                "physical-infrastructure", "AWS",
                "host-os-hypervisor-networking", "AWS",
                "global-infrastructure", "AWS",
                "iam-access-control", "CUSTOMER",
                // S3 encrypts every new object with SSE-S3 by default (AWS), the key choice and the
                // classification are the customer's: the layer is SHARED, its duties say who does what
                "data-encryption-classification", "SHARED",
                "guest-os-and-app-patching", "AWS",
                "application-security", "CUSTOMER",
                // AWS's own audits and attestations of S3 (AWS) beside the customer's use of it
                "compliance-configuration", "SHARED",
                // AWS's S3 guide: public exposure is bucket policy and Block Public Access, shared with
                // VPC endpoint policies; versioning, replication and access logs are the customer's to turn on
                "network-configuration", "SHARED",
                "backup-and-recovery", "SHARED",
                "logging-and-monitoring", "SHARED"));
        assertThat(duties(bucket)).containsAllEntriesOf(Map.of(
                "encryption-at-rest", "AWS", "key-management", "CUSTOMER", "data-classification", "CUSTOMER",
                "backup-operation", "AWS", "backup-policy", "CUSTOMER", "service-event-history", "AWS", "log-configuration", "CUSTOMER"));
        assertThat(statuses(bucket)).containsAllEntriesOf(Map.of(
                "s3-block-public-access", "MISSING",
                "s3-default-encryption", "MET",
                "s3-versioning", "UNKNOWN",
                "s3-access-logging", "UNKNOWN"));
        assertThat(e.findings()).extracting(FindingResult::rule, f -> f.severity().name(), FindingResult::resource,
                        f -> f.owner().name(), FindingResult::layer)
                .containsExactly(tuple("s3-block-public-access", "HIGH", "customer-data", "CUSTOMER", "iam-access-control"));
        assertThat(e.findings().get(0).securityHub()).containsExactly("S3.8");
        assertThat(e.integrations()).extracting(IntegrationResult::name)
                .contains("S3", "KMS", "IAM Access Analyzer", "Config", "Security Hub");
    }

    @Test
    void ec2_patching_the_customer_patches_the_guest_os() {
        Evaluation e = Packs.evaluate(Path.of("scenarios/study/ec2-patching.yaml"));
        ResourceResult web = e.resources().get(0);

        assertThat(web.serviceModel()).isEqualTo("IAAS");
        assertThat(web.customerShare()).isEqualTo("HIGH");
        assertThat(parties(web)).containsExactlyEntriesOf(expectedLayers(
                "physical-infrastructure", "AWS",
                "host-os-hypervisor-networking", "AWS",
                // AWS runs the Regions and AZs; spreading instances over them is the customer's design
                "global-infrastructure", "SHARED",
                "iam-access-control", "CUSTOMER",
                "data-encryption-classification", "SHARED",
                "guest-os-and-app-patching", "CUSTOMER",
                "application-security", "CUSTOMER",
                "compliance-configuration", "SHARED",
                // AWS runs the network fabric; security groups, subnets and public IPs are the customer's
                "network-configuration", "SHARED",
                "backup-and-recovery", "CUSTOMER",
                "logging-and-monitoring", "SHARED"));
        assertThat(duties(web)).containsAllEntriesOf(Map.of(
                "os-patching", "CUSTOMER", "application-and-dependency-patching", "CUSTOMER", "hypervisor-and-host-os", "AWS",
                "regions-and-azs", "AWS", "multi-az-placement", "CUSTOMER", "network-access-rules", "CUSTOMER"));
        // EC2's own row (from the EC2 user guide) decides the OS patching duty, over the IaaS default that agrees with it
        assertThat(web.layer("guest-os-and-app-patching").duty("os-patching").rule()).isEqualTo("ec2-os-patching");
        assertThat(statuses(web)).containsAllEntriesOf(Map.of(
                "ec2-guest-os-patching", "MISSING",
                "ec2-imdsv2", "MET",
                "ec2-ebs-encryption", "MET"));
        assertThat(e.findings()).extracting(FindingResult::rule, f -> f.severity().name(), f -> f.owner().name(),
                        FindingResult::layer)
                .containsExactly(tuple("ec2-guest-os-patching", "HIGH", "CUSTOMER", "guest-os-and-app-patching"));
        assertThat(e.findings().get(0).integrations()).contains("Systems Manager", "Inspector");
    }

    @Test
    void lambda_permissions_the_customer_configures_the_role_and_resource_access() {
        Evaluation e = Packs.evaluate(Path.of("scenarios/study/lambda-permissions.yaml"));
        ResourceResult function = e.resources().get(0);

        assertThat(function.serviceModel()).isEqualTo("SERVERLESS");
        assertThat(function.customerShare()).isEqualTo("LOW");
        assertThat(parties(function)).containsEntry("iam-access-control", "CUSTOMER")
                .containsEntry("application-security", "CUSTOMER")
                // Lambda patches the OS and the managed runtime; the function's code and dependencies are the customer's
                .containsEntry("guest-os-and-app-patching", "SHARED")
                .containsEntry("host-os-hypervisor-networking", "AWS");
        assertThat(duties(function)).containsAllEntriesOf(Map.of(
                "os-patching", "AWS", "runtime-patching", "AWS", "application-and-dependency-patching", "CUSTOMER"));
        assertThat(statuses(function)).containsEntry("lambda-execution-role", "MET")
                .containsEntry("lambda-supported-runtime", "MET")
                // Lambda.1 on the function Security Hub names, its public permission the evidence
                .containsEntry("lambda-no-public-access", "MISSING");
        assertThat(e.findings()).extracting(FindingResult::rule, f -> f.severity().name(), FindingResult::resource,
                        f -> f.owner().name())
                .containsExactly(
                        tuple("lambda-no-public-access", "CRITICAL", "order-handler", "CUSTOMER"),
                        tuple("iam-principal-no-admin-access", "HIGH", "order-handler-role", "CUSTOMER"),
                        // the same Allow * on * in an inline policy also lets the role decrypt with every KMS key (KMS.2)
                        tuple("kms-inline-policy-no-decrypt-all-keys", "MEDIUM", "order-handler-role", "CUSTOMER"));
        assertThat(e.integrations()).extracting(IntegrationResult::name).contains("IAM", "Lambda");
    }

    @Test
    void rds_backup_retention_aws_stores_backups_and_the_customer_chooses_retention_and_encryption() {
        Evaluation e = Packs.evaluate(Path.of("scenarios/study/rds-backup-retention.yaml"));
        ResourceResult db = e.resources().get(0);

        assertThat(db.serviceModel()).isEqualTo("PAAS");
        assertThat(db.customerShare()).isEqualTo("MEDIUM");
        assertThat(parties(db)).containsEntry("backup-and-recovery", "SHARED")
                // AWS patches the OS and the engine; major version upgrades are the customer's to start
                .containsEntry("guest-os-and-app-patching", "SHARED")
                .containsEntry("data-encryption-classification", "SHARED")
                .containsEntry("network-configuration", "SHARED");
        assertThat(duties(db)).containsAllEntriesOf(Map.of(
                "os-patching", "AWS", "engine-patching", "AWS", "backup-operation", "AWS", "backup-policy", "CUSTOMER",
                "encryption-at-rest", "CUSTOMER", "network-access-rules", "CUSTOMER"));
        assertThat(statuses(db)).containsAllEntriesOf(Map.of(
                "rds-backup-retention", "MISSING",
                "rds-storage-encrypted", "MISSING",
                "rds-not-publicly-accessible", "MET"));
        // AWS performs the backups, but the retention is a setting the customer chose: the customer must act
        assertThat(e.findings()).extracting(FindingResult::rule, f -> f.severity().name(), f -> f.owner().name(),
                        f -> f.layerParty().name())
                .containsExactly(
                        tuple("rds-backup-retention", "MEDIUM", "CUSTOMER", "SHARED"),
                        tuple("rds-storage-encrypted", "MEDIUM", "CUSTOMER", "SHARED"));
        assertThat(db.control("rds-backup-retention").evidence())
                .containsExactly("NOT_MET: expected BackupRetentionPeriod >= 7, found 1");
        assertThat(e.integrations()).extracting(IntegrationResult::name).contains("RDS", "KMS", "AWS Backup");
    }
}
