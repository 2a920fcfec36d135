package dev.srm.triage;

import dev.srm.model.Triage;
import dev.srm.testing.Triages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same incident kind has different owners on EC2, RDS, RDS Custom, Lambda and Fargate,
 * asked from the command line (--service, --kind, --config): each answer reuses the layer
 * decision the model rules make for that service, and names the rule and fact behind it.
 */
class OwnershipAcrossServiceModelsTest {

    // Without the vulnerable component, an unpatched vulnerability takes the patching layer's party,
    // which the duties make SHARED wherever AWS and the customer each patch a part (RDS: AWS the OS
    // and engine, the customer the major upgrades). Deciding by the component's duty (issue 10,
    // section 4) is the next step; these rows pin today's answers.
    @ParameterizedTest(name = "{0} {1}: {2} owns it [{3} <- {4}]")
    @CsvSource(delimiter = '|', textBlock = """
            EC2                  |                                      | CUSTOMER | triage-owner-follows-layer             | layer-customer-from-duties
            RDS                  |                                      | SHARED   | triage-owner-follows-layer             | layer-shared-from-duties
            RDS                  | AutoMinorVersionUpgrade=false        | CUSTOMER | triage-owner-customer-control-missing  | control-contradicted
            RDS                  | Engine=custom-oracle-ee              | SHARED   | triage-owner-follows-layer             | layer-shared-from-duties
            RDS                  | Engine=custom-sqlserver-ee           | SHARED   | triage-owner-follows-layer             | layer-shared-from-duties
            Lambda               |                                      | SHARED   | lambda-zip-vulnerability-runtime-or-code | lambda-function-zip
            Lambda               | Runtime=python3.7                    | CUSTOMER | triage-owner-customer-control-missing  | control-contradicted
            Lambda               | PackageType=Image                    | SHARED   | triage-owner-follows-layer             | layer-shared-from-duties
            ECS                  | LaunchType=FARGATE                   | SHARED   | triage-owner-follows-layer             | layer-shared-from-duties
            ECS                  | LaunchType=EC2                       | CUSTOMER | triage-owner-follows-layer             | layer-customer-from-duties
            AWS::EKS::Nodegroup  |                                      | SHARED   | triage-owner-follows-layer             | layer-shared-from-duties
            """)
    void an_unpatched_vulnerability_is_owned_by_whoever_patches_that_layer_of_that_service(String service, String config, String owner,
                                                                                          String rule, String basisRule) {
        Triages ask = Triages.on(service, "unpatched-vulnerability");
        if (config != null) {
            ask.with(config);
        }
        Triage t = ask.triage();
        assertThat(t.owner().name()).as(t.reason()).isEqualTo(owner);
        assertThat(t.layer()).isEqualTo("guest-os-and-app-patching");
        assertThat(t.rule()).isEqualTo(rule);
        if (basisRule != null) {
            assertThat(t.basis().rule()).isEqualTo(basisRule);
        }
    }

    @Test
    void on_a_zip_function_naming_the_layer_picks_one_owner_runtime_aws_dependencies_customer() {
        assertThat(Triages.on("Lambda", "unpatched-vulnerability").layer("guest-os-and-app-patching").triage().owner().name())
                .isEqualTo("SHARED");
        assertThat(Triages.on("Lambda", "unpatched-vulnerability").layer("application-security").triage().owner().name())
                .isEqualTo("CUSTOMER");
    }

    @Test
    void on_rds_the_customer_still_applies_minor_version_upgrades_and_is_told_not_to_patch_the_host() {
        Triage t = Triages.on("RDS", "unpatched-vulnerability").triage();
        assertThat(t.actions()).extracting(Triage.Action::text).anyMatch(a -> a.startsWith("Apply the pending minor engine version upgrade"));
        assertThat(t.avoid()).extracting(Triage.Avoid::text).anyMatch(a -> a.contains("no OS access"));
        Triage off = Triages.on("RDS", "unpatched-vulnerability").with("AutoMinorVersionUpgrade=false").triage();
        // with automatic minor upgrades off, the Security Hub control RDS.13 is missing: applying the patch is the customer's
        assertThat(off.owner().name()).isEqualTo("CUSTOMER");
        assertThat(off.reason()).contains("rds-auto-minor-version-upgrade");
    }

    @ParameterizedTest(name = "malware on {0} {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            EC2    |                         | CUSTOMER | guest-os-and-app-patching
            RDS    |                         | SHARED   | guest-os-and-app-patching
            RDS    | Engine=custom-oracle-ee | SHARED   | guest-os-and-app-patching
            Lambda |                         | CUSTOMER | application-security
            ECS    | LaunchType=FARGATE      | CUSTOMER | application-security
            EKS    |                         | CUSTOMER | guest-os-and-app-patching
            EKS    | ComputeConfig.Enabled=true | CUSTOMER | guest-os-and-app-patching
            Fargate |                        | CUSTOMER | application-security
            Elastic Beanstalk |              | CUSTOMER | guest-os-and-app-patching
            ECR    |                         | CUSTOMER | application-security
            """)
    void malware_is_the_customers_wherever_it_runs_the_customers_code_and_aws_on_hosts_the_customer_cannot_reach(
            String service, String config, String owner, String layer) {
        Triages ask = Triages.on(service, "malware-on-host");
        if (config != null) {
            ask.with(config);
        }
        Triage t = ask.triage();
        assertThat(t.owner().name()).as(t.reason()).isEqualTo(owner);
        assertThat(t.layer()).isEqualTo(layer);
        assertThat(t.actions()).as("an owner comes with first actions").isNotEmpty();
    }

    // https://docs.aws.amazon.com/eks/latest/userguide/security.html: AWS secures the control plane, the customer its nodes,
    // pods and containers. An EKS cluster resource is its control plane; the malware is in a pod (on Fargate, the node is
    // AWS's but the container the customer's).
    @Test
    void malware_on_eks_is_contained_in_the_pod_and_on_the_node_the_customer_runs() {
        Triage cluster = Triages.on("EKS", "malware-on-host").triage();
        assertThat(cluster.actions()).extracting(Triage.Action::text)
                .anyMatch(a -> a.startsWith("Isolate the pod with a Kubernetes network policy"))
                .anyMatch(a -> a.contains("cordon the node (kubectl cordon)") && a.contains("drain and replace the node"))
                .anyMatch(a -> a.startsWith("If it runs on Fargate: there is no node to cordon"));
        Triage fargate = Triages.on("Fargate", "malware-on-host").triage();
        assertThat(fargate.actions()).extracting(Triage.Action::text)
                .anyMatch(a -> a.contains("there is no node to cordon, image or rebuild"))
                .noneMatch(a -> a.contains("kubectl cordon"));
        Triage beanstalk = Triages.on("Elastic Beanstalk", "malware-on-host").triage();
        assertThat(beanstalk.actions()).extracting(Triage.Action::text)
                .anyMatch(a -> a.startsWith("Isolate the affected instance") && a.contains("Auto Scaling group"));
    }

    // Where every component an incident could sit in is patched by one party, the layer's SHARED (from a duty no component
    // names, such as a TLS policy or the cluster's version upgrades) is not the owner of the remediation.
    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource({"ELB, unpatched-vulnerability, AWS", "APIGateway, malware-on-host, AWS", "WAF, unpatched-vulnerability, AWS",
            "EKS, unpatched-vulnerability, SHARED", "Elastic Beanstalk, unpatched-vulnerability, SHARED"})
    void an_owner_follows_the_component_branches_when_they_agree(String service, String kind, String owner) {
        Triage t = Triages.on(service, kind).triage();
        assertThat(t.owner().name()).as(t.reason()).isEqualTo(owner);
        assertThat(t.actions()).isNotEmpty();
    }

    @Test
    void a_vulnerability_on_an_eks_cluster_may_be_in_the_control_plane_which_aws_patches() {
        Triage t = Triages.on("EKS", "unpatched-vulnerability").triage();
        assertThat(t.branches()).filteredOn(b -> b.component().equals("engine")).singleElement()
                .satisfies(b -> assertThat(b.party().name()).isEqualTo("AWS"));
        assertThat(t.actions().get(0).text()).contains("the Kubernetes control plane (AWS's");
    }

    @ParameterizedTest(name = "{1} on {0}: AWS")
    @CsvSource({"EC2, hypervisor-or-host-vulnerability", "Lambda, hypervisor-or-host-vulnerability", "S3, physical-or-facility",
            "RDS, physical-or-facility", "DynamoDB, aws-service-event", "ECS, aws-service-event"})
    void the_cloud_itself_is_aws_on_every_service(String service, String kind) {
        Triage t = Triages.on(service, kind).triage();
        assertThat(t.owner().name()).isEqualTo("AWS");
        assertThat(t.actions().get(0).feature()).isEqualTo("AWS Health");
    }

    @ParameterizedTest(name = "{1} on {0}: CUSTOMER")
    @CsvSource({"EC2, credential-compromise", "S3, data-exposure", "RDS, insider-misuse", "Lambda, ransomware", "EC2, ransomware",
            "DynamoDB, misconfiguration", "S3, misconfiguration"})
    void identity_data_and_configuration_are_the_customers_on_every_service(String service, String kind) {
        assertThat(Triages.on(service, kind).triage().owner().name()).isEqualTo("CUSTOMER");
    }

    @Test
    void denial_of_service_is_shared_where_the_customer_scales_or_shapes_the_traffic() {
        assertThat(Triages.on("EC2", "denial-of-service").triage().owner().name()).isEqualTo("SHARED");
        assertThat(Triages.on("RDS", "denial-of-service").triage().owner().name()).isEqualTo("SHARED");
        assertThat(Triages.on("Lambda", "denial-of-service").triage().owner().name()).isEqualTo("SHARED");
        // S3's guide gives the customer VPC endpoints, endpoint policies and request patterns: shared
        assertThat(Triages.on("S3", "denial-of-service").triage().owner().name()).isEqualTo("SHARED");
    }

    @Test
    void an_explicit_layer_wins_over_every_rule() {
        Triage t = Triages.on("EC2", "hypervisor-or-host-vulnerability").layer("guest-os-and-app-patching").triage();
        assertThat(t.layer()).isEqualTo("guest-os-and-app-patching");
        assertThat(t.owner().name()).isEqualTo("CUSTOMER");
    }
}
