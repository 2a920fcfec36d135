package dev.srm.rules;

import dev.srm.model.Evaluation;
import dev.srm.model.IntegrationResult;
import dev.srm.model.Layers;
import dev.srm.model.ResourceResult;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of the study material's tables, through the real engine: the layers, the
 * service models with their customer share, and the integrations.
 */
class StudyMaterialTablesTest {

    private static ResourceResult only(String service, String configuration) {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: table-line
                resources:
                  - id: r
                    %s
                    configuration: %s
                """.formatted(service.contains("::") ? "type: " + service : "service: " + service, configuration));
        return e.resources().get(0);
    }

    // ---------------------------------------------------------------- layers table
    // The study material names a party per layer; srm splits each layer into duties and derives
    // the layer's party from them (docs/duties.md). A study line such as "AWS secures the global
    // infrastructure" speaks of one duty of the layer (the Regions and AZs themselves); where the
    // customer holds another duty of it (spreading a workload over AZs) the layer is SHARED. So
    // each line is asserted on the duty it speaks of, and the layer on the party derived from
    // its duties.

    /** The duty a study-table line speaks of, per layer. */
    private static final java.util.Map<String, String> DUTY_OF_LINE = java.util.Map.of(
            "physical-infrastructure", "facilities-and-hardware",
            "host-os-hypervisor-networking", "hypervisor-and-host-os",
            "global-infrastructure", "regions-and-azs",
            "iam-access-control", "permissions-and-policies",
            "data-encryption-classification", "data-classification",
            "application-security", "application-code",
            "compliance-configuration", "workload-compliance");

    private static String dutyParty(ResourceResult r, String duty) {
        return r.layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals(duty))
                .map(d -> d.party().name()).findFirst().orElse("NONE");
    }

    @ParameterizedTest(name = "AWS secures {1} for {0}")
    @CsvSource({
            "EC2, physical-infrastructure", "EC2, host-os-hypervisor-networking", "EC2, global-infrastructure",
            "RDS, physical-infrastructure", "RDS, host-os-hypervisor-networking", "RDS, global-infrastructure",
            "Lambda, physical-infrastructure", "Lambda, host-os-hypervisor-networking", "Lambda, global-infrastructure",
            "S3, physical-infrastructure", "DynamoDB, host-os-hypervisor-networking", "Elastic Beanstalk, global-infrastructure",
            "VPC, physical-infrastructure"})
    void aws_secures_the_cloud_for_every_service(String service, String layer) {
        ResourceResult r = only(service, "{}");
        assertThat(dutyParty(r, DUTY_OF_LINE.get(layer))).isEqualTo("AWS");
        assertThat(r.layer(layer).party().name()).as("the cloud itself is never the customer's alone").isIn("AWS", "SHARED");
    }

    @ParameterizedTest(name = "the customer owns {1} on {0}")
    @CsvSource({
            "EC2, iam-access-control", "EC2, data-encryption-classification", "EC2, application-security", "EC2, compliance-configuration",
            "RDS, iam-access-control", "RDS, data-encryption-classification", "RDS, application-security", "RDS, compliance-configuration",
            "Lambda, iam-access-control", "Lambda, data-encryption-classification", "Lambda, application-security", "Lambda, compliance-configuration",
            "S3, iam-access-control", "S3, data-encryption-classification", "DynamoDB, application-security", "Elastic Beanstalk, compliance-configuration"})
    void the_customer_secures_what_it_puts_in_the_cloud(String service, String layer) {
        ResourceResult r = only(service, "{}");
        assertThat(dutyParty(r, DUTY_OF_LINE.get(layer))).isEqualTo("CUSTOMER");
        assertThat(r.layer(layer).party().name()).as("what is in the cloud is never AWS's alone").isIn("CUSTOMER", "SHARED");
    }

    @ParameterizedTest(name = "OS patching on {0} ({1}) is {2}")
    @CsvSource(delimiter = '|', value = {
            "EC2 | {} | CUSTOMER",
            "RDS | {Engine: custom-oracle-ee} | CUSTOMER",
            "ECS | {LaunchType: EC2} | CUSTOMER",
            "RDS | {Engine: postgres} | AWS",
            "Lambda | {Runtime: python3.12} | AWS",
            "S3 | {} | AWS",
            "DynamoDB | {} | AWS"})
    void os_patching_is_the_customers_on_ec2_rds_custom_and_containers_on_ec2_and_aws_on_managed_services(
            String service, String configuration, String party) {
        assertThat(dutyParty(only(service, configuration), "os-patching")).isEqualTo(party);
    }

    @Test
    void every_layer_party_is_the_one_its_duties_give() {
        for (String service : new String[] {"EC2", "RDS", "Lambda", "S3", "DynamoDB", "Elastic Beanstalk", "VPC", "ECS", "EKS"}) {
            for (var l : only(service, "{}").layers()) {
                java.util.Set<String> parties = new java.util.TreeSet<>();
                l.duties().forEach(d -> parties.add(d.party().name()));
                String derived = parties.equals(java.util.Set.of("AWS")) ? "AWS" : parties.equals(java.util.Set.of("CUSTOMER")) ? "CUSTOMER"
                        : "SHARED";
                assertThat(l.duties()).as(service + " " + l.layer() + " has duties").isNotEmpty();
                assertThat(l.party().name()).as(service + " " + l.layer()).isEqualTo(derived);
            }
        }
    }

    // ---------------------------------------------------------------- service models table

    @ParameterizedTest(name = "{0} is {1} with a {2} customer share")
    @CsvSource({
            "EC2, IAAS, HIGH", "VPC, IAAS, HIGH",
            "RDS, PAAS, MEDIUM", "Elastic Beanstalk, PAAS, MEDIUM",
            "Lambda, SERVERLESS, LOW", "S3, SERVERLESS, LOW", "DynamoDB, SERVERLESS, LOW"})
    void service_models_and_customer_share(String service, String model, String share) {
        ResourceResult r = only(service, "{}");
        assertThat(r.serviceModel()).isEqualTo(model);
        assertThat(r.customerShare()).isEqualTo(share);
        assertThat(r.layers()).hasSize(Layers.ALL.size()).noneMatch(l -> l.party().name().equals("UNKNOWN"));
    }

    @Test
    void iaas_leaves_the_customer_the_full_os_and_app_configuration() {
        ResourceResult ec2 = only("EC2", "{}");
        assertThat(ec2.layer("guest-os-and-app-patching").party().name()).isEqualTo("CUSTOMER");
        assertThat(dutyParty(ec2, "network-access-rules")).isEqualTo("CUSTOMER");
        assertThat(ec2.layer("application-security").party().name()).isEqualTo("CUSTOMER");
    }

    @Test
    void paas_leaves_app_configuration_and_access_control() {
        ResourceResult eb = only("Elastic Beanstalk", "{}");
        assertThat(eb.layer("application-security").party().name()).isEqualTo("CUSTOMER");
        assertThat(eb.layer("iam-access-control").party().name()).isEqualTo("CUSTOMER");
        ResourceResult rds = only("RDS", "{Engine: mysql}");
        assertThat(rds.layer("application-security").party().name()).isEqualTo("CUSTOMER");
        assertThat(dutyParty(rds, "os-patching")).isEqualTo("AWS");
        assertThat(dutyParty(rds, "engine-patching")).isEqualTo("AWS");
    }

    /**
     * Where AWS's service guide refines the study material: Elastic Beanstalk publishes patched
     * platforms but they reach an environment only through managed updates (SHARED), and with
     * managed updates off the customer patches the platform.
     */
    @Test
    void elastic_beanstalk_patching_follows_managed_platform_updates() {
        assertThat(only("Elastic Beanstalk", "{}").layer("guest-os-and-app-patching").party().name()).isEqualTo("SHARED");
        ResourceResult off = only("Elastic Beanstalk", "{OptionSettings: [{Namespace: 'aws:elasticbeanstalk:managedactions', "
                + "OptionName: ManagedActionsEnabled, Value: 'false'}]}");
        assertThat(off.layer("guest-os-and-app-patching").party().name()).isEqualTo("CUSTOMER");
        assertThat(off.layer("guest-os-and-app-patching").duty("runtime-patching").rule())
                .isEqualTo("elastic-beanstalk-managed-updates-off-runtime-patching");
    }

    @Test
    void serverless_leaves_mostly_access_and_data() {
        for (String service : new String[] {"S3", "DynamoDB", "Lambda"}) {
            ResourceResult r = only(service, "{}");
            assertThat(r.customerShare()).isEqualTo("LOW");
            assertThat(r.layers()).filteredOn(l -> l.party().name().equals("CUSTOMER")).extracting(l -> l.layer())
                    .as(service).contains("iam-access-control", "application-security")
                    .doesNotContain("guest-os-and-app-patching", "host-os-hypervisor-networking", "physical-infrastructure");
        }
    }

    // ---------------------------------------------------------------- integrations table

    private static Evaluation evaluate(String resources) {
        return Packs.evaluateYaml("srm: 1\nid: integrations\naccount: {rootMfa: true}\nresources:\n" + resources);
    }

    @Test
    void iam_implements_access_policies_and_credentials() {
        Evaluation e = evaluate("  - {id: role, type: 'AWS::IAM::Role', configuration: {RoleName: r}}\n");
        assertThat(e.integrations()).filteredOn(i -> i.name().equals("IAM")).singleElement()
                .satisfies(i -> assertThat(i.controls()).contains("iam-principal-no-admin-access", "account-root-mfa"));
    }

    @Test
    void kms_s3_and_rds_implement_encryption_and_backup_settings() {
        Evaluation e = evaluate("  - {id: bucket, service: S3}\n  - {id: db, service: RDS}\n");
        assertThat(names(e)).contains("KMS", "S3", "RDS");
        assertThat(integration(e, "KMS").controls()).contains("s3-default-encryption", "rds-storage-encrypted");
        assertThat(integration(e, "RDS").controls()).contains("rds-backup-retention", "rds-storage-encrypted");
        assertThat(integration(e, "S3").controls()).contains("s3-default-encryption", "s3-versioning");
    }

    @Test
    void cloudtrail_config_and_guardduty_monitor_and_detect_misconfiguration() {
        Evaluation e = evaluate("  - {id: trail, type: 'AWS::CloudTrail::Trail', configuration: {IsMultiRegionTrail: true}}\n");
        assertThat(integration(e, "CloudTrail").controls()).contains("account-multi-region-trail");
        assertThat(integration(e, "Config").controls()).contains("account-config-recording");
        assertThat(integration(e, "GuardDuty").controls()).contains("account-guardduty");
        assertThat(e.accountControls()).filteredOn(c -> c.id().equals("account-multi-region-trail"))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(dev.srm.model.Status.MET));
    }

    @Test
    void organizations_and_scps_govern_at_scale() {
        Evaluation e = evaluate("  - {id: scp, type: 'AWS::Organizations::Policy', configuration: {Type: SERVICE_CONTROL_POLICY}}\n");
        assertThat(integration(e, "Organizations").controls()).contains("account-organization-member");
    }

    private static java.util.List<String> names(Evaluation e) {
        return e.integrations().stream().map(IntegrationResult::name).toList();
    }

    private static IntegrationResult integration(Evaluation e, String name) {
        return e.integrations().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no integration " + name + " in " + names(e)));
    }
}
