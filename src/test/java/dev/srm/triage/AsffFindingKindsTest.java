package dev.srm.triage;

import dev.srm.facts.AsffFinding;
import dev.srm.input.asff.AsffReader;
import dev.srm.model.Responsibility;
import dev.srm.model.Triage;
import dev.srm.testing.Packs;
import dev.srm.testing.Triages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a finding is, read from what AWS documents it to mean, for findings a review found triaged
 * wrongly: a Security Hub check that could not run or gave no result (Compliance.Status NOT_AVAILABLE,
 * WARNING) is no incident; an Amazon Macie sensitive data finding is data to handle, not a breach;
 * an AWS Health event is read by its event type code; malware GuardDuty Runtime Monitoring finds in an
 * EKS pod or an ECS task is the customer's, with steps that fit where it runs. The fixtures in
 * src/test/resources/asff are shaped as the AWS pages cited below show these findings.
 */
class AsffFindingKindsTest {
    private static final String DIR = "src/test/resources/asff/";
    private final List<Path> temporary = new ArrayList<>();

    @AfterEach
    void deleteTemporaryFiles() throws IOException {
        for (Path p : temporary) {
            Files.deleteIfExists(p);
        }
    }

    /** The fixture with {@code from} replaced by {@code to}, as a temporary file. */
    private String variant(String fixture, String from, String to) throws IOException {
        String text = Files.readString(Path.of(DIR + fixture));
        assertThat(text).as(fixture).contains(from);
        Path tmp = Files.createTempFile("asff-variant", ".json");
        temporary.add(tmp);
        Files.writeString(tmp, text.replace(from, to));
        return tmp.toString();
    }

    private static List<String> texts(Triage t) {
        return t.actions().stream().map(Triage.Action::text).toList();
    }

    // ---------------------------------------------------------------- 1. Compliance.Status

    // https://docs.aws.amazon.com/securityhub/latest/userguide/controls-overall-status.html and API_Compliance: PASSED, WARNING
    // ("some information is missing or this check is not supported for your configuration"), FAILED, NOT_AVAILABLE ("check
    // could not be performed due to a service outage, API error, or because the result of the Config evaluation was
    // NOT_APPLICABLE"). Only FAILED is an incident.
    @ParameterizedTest(name = "RDS.2 {0} on a publicly accessible instance: no incident")
    @ValueSource(strings = {"NOT_AVAILABLE", "WARNING", "PASSED"})
    void a_control_check_that_did_not_fail_is_no_incident_and_gets_no_actions(String status) throws IOException {
        // the batch's RDS.2 finding names an instance whose details say PubliclyAccessible: true; before, NOT_AVAILABLE and
        // WARNING were read as FAILED: a CUSTOMER network exposure with "set PubliclyAccessible to false, rotate credentials"
        String file = variant("securityhub-findings-batch.json", "\"Status\": \"FAILED\",\n        \"SecurityControlId\": \"RDS.2\"",
                "\"Status\": \"" + status + "\",\n        \"SecurityControlId\": \"RDS.2\"");
        Triage t = Triages.file(file).all().get(0);
        assertThat(t.kind().id()).isNull();
        assertThat(t.owner()).isEqualTo(Responsibility.UNKNOWN);
        assertThat(t.actions()).isEmpty();
        assertThat(t.kind().reason()).startsWith("not an incident: Security Hub control RDS.2 has Compliance.Status " + status)
                .contains("--kind");
        assertThat(t.kind().rule()).isEqualTo("asff-check-not-failed-is-no-incident");
        assertThat(t.preventiveControls()).filteredOn(p -> p.control().equals("rds-not-publicly-accessible")).isEmpty();
    }

    @Test
    void a_not_available_finding_says_the_check_could_not_run() {
        Triage t = Triages.file(DIR + "securityhub-control-not-available.json").triage();
        assertThat(t.kind().id()).isNull();
        assertThat(t.owner()).isEqualTo(Responsibility.UNKNOWN);
        assertThat(t.actions()).isEmpty();
        assertThat(t.kind().reason()).contains("NOT_AVAILABLE").contains("could not run").contains("NOT_APPLICABLE");
        assertThat(t.reason()).startsWith("no kind, so no layer and no owner: not an incident");
    }

    @Test
    void a_warning_finding_says_its_result_is_undetermined() {
        Triage t = Triages.file(DIR + "securityhub-control-warning.json").triage();
        assertThat(t.kind().id()).isNull();
        assertThat(t.owner()).isEqualTo(Responsibility.UNKNOWN);
        assertThat(t.actions()).isEmpty();
        assertThat(t.kind().reason()).contains("CloudTrail.7 has Compliance.Status WARNING").contains("undetermined");
    }

    @Test
    void a_check_that_did_not_fail_is_still_triaged_when_the_kind_is_named() {
        Triage t = Triages.file(DIR + "securityhub-control-not-available.json").kind("network-exposure").triage();
        assertThat(t.kind().id()).isEqualTo("network-exposure");
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(t.actions()).isNotEmpty();
    }

    // The AWS Config integration's findings carry Compliance.Status without a SecurityControlId
    // (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-internal-providers.html#integration-config).
    @ParameterizedTest(name = "an AWS Config rule finding {0}: {1}")
    @CsvSource({"FAILED, misconfiguration", "NOT_AVAILABLE, ", "WARNING, "})
    void an_aws_config_rule_finding_is_an_incident_only_when_it_failed(String status, String kind) throws IOException {
        String file = variant("securityhub-control-not-available.json", "\"Types\": [\n    \"Software and Configuration Checks/Industry and"
                + " Regulatory Standards\"\n  ]", "\"Types\": [\n    \"Software and Configuration Checks\"\n  ]");
        String text = Files.readString(Path.of(file)).replace("\"SecurityControlId\": \"RDS.2\",", "")
                .replace("\"Status\": \"NOT_AVAILABLE\"", "\"Status\": \"" + status + "\"");
        Files.writeString(Path.of(file), text);
        Triage t = Triages.file(file).triage();
        assertThat(t.kind().id()).isEqualTo(kind);
        if (kind == null) {
            assertThat(t.kind().reason()).startsWith("not an incident: the check has Compliance.Status " + status);
            assertThat(t.actions()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- 2. Amazon Macie

    // https://docs.aws.amazon.com/macie/latest/user/findings-types.html: "A sensitive data finding is a detailed report of
    // sensitive data that Macie detected in an S3 object." Security Hub shows SensitiveData:S3Object/Personal as
    // Sensitive Data Identifications/PII/SensitiveData:S3Object-Personal
    // (https://docs.aws.amazon.com/macie/latest/user/securityhub-integration.html); the rule reads the classifier, whatever
    // taxonomy category precedes it.
    @ParameterizedTest(name = "Macie {0}: sensitive-data-found, CUSTOMER, no breach notification")
    @ValueSource(strings = {"SensitiveData:S3Object-Personal", "SensitiveData:S3Object-Financial", "SensitiveData:S3Object-Credentials",
            "SensitiveData:S3Object-CustomIdentifier", "SensitiveData:S3Object-Multiple"})
    void a_macie_sensitive_data_finding_is_data_to_handle_not_a_breach(String classifier) throws IOException {
        String file = variant("macie-sensitive-data-personal.json", "SensitiveData:S3Object-Personal", classifier);
        Triage t = Triages.file(file).triage();
        assertThat(t.kind().id()).isEqualTo("sensitive-data-found");
        assertThat(t.kind().rule()).isEqualTo("asff-macie-sensitive-data");
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(t.layer()).isEqualTo("data-encryption-classification");
        assertThat(t.basis().rule()).isEqualTo("s3-data-classification");
        assertThat(t.route().team()).isEqualTo("people-systems");
        assertThat(texts(t)).anyMatch(a -> a.startsWith("Confirm what the object holds"))
                .anyMatch(a -> a.startsWith("Check who can read the object"))
                .anyMatch(a -> a.contains("SSE-KMS") && a.contains("delete it"))
                .noneMatch(a -> a.contains("breach-notification"));
        assertThat(t.avoid()).extracting(Triage.Avoid::text).anyMatch(a -> a.startsWith("Don't start a breach notification"));
    }

    @Test
    void any_sensitive_data_identifications_finding_is_sensitive_data_not_exposure() throws IOException {
        String file = variant("macie-sensitive-data-personal.json", "SensitiveData:S3Object-Personal", "CustomPiiScan-EmailAddresses");
        Triage t = Triages.file(file).triage();
        assertThat(t.kind().id()).isEqualTo("sensitive-data-found");
        assertThat(t.kind().rule()).isEqualTo("asff-category-sensitive-data");
    }

    // Security Hub shows Macie's Policy:IAMUser/S3BucketPublic as Effects/Data Exposure/Policy:IAMUser-S3BucketPublic
    // (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-internal-providers.html#integration-amazon-macie):
    // a bucket others can read stays data exposure.
    @Test
    void a_macie_policy_finding_that_a_bucket_is_public_stays_data_exposure() {
        Triage t = Triages.file(DIR + "macie-policy-bucket-public.json").triage();
        assertThat(t.kind().id()).isEqualTo("data-exposure");
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(t.actions().get(0).text()).startsWith("Turn on all four S3 Block Public Access settings");
    }

    // ---------------------------------------------------------------- 3. AWS Health

    // https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-internal-providers.html#integration-health:
    // GeneratorId is the event type code, Types is always ["Software and Configuration Checks"], Resources[].Type "Other".
    @Test
    void aws_health_events_are_read_by_their_event_type_code() {
        List<Triage> all = Triages.file(DIR + "health-events.json").all();
        assertThat(all).extracting(t -> t.kind().id(), Triage::owner).containsExactly(
                org.assertj.core.groups.Tuple.tuple("aws-hardware-event", Responsibility.SHARED),      // AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED
                org.assertj.core.groups.Tuple.tuple("aws-service-event", Responsibility.AWS),          // AWS_EC2_OPERATIONAL_ISSUE
                org.assertj.core.groups.Tuple.tuple("credential-compromise", Responsibility.CUSTOMER), // AWS_RISK_CREDENTIALS_EXPOSED
                org.assertj.core.groups.Tuple.tuple("aws-hardware-event", Responsibility.SHARED),      // ..._STORE_DRIVE_PERFORMANCE_DEGRADED
                org.assertj.core.groups.Tuple.tuple(null, Responsibility.UNKNOWN));                    // AWS_SES_CMF_PENDING_TO_SUCCESS
        for (Triage t : all) {
            assertThat(t.kind().rule()).as(t.incident().id()).startsWith("asff-health-");
            assertThat(texts(t)).as("no misconfiguration steps for a Health event").noneMatch(a -> a.contains("Correct the setting"))
                    .noneMatch(a -> a.contains("SCP"));
        }
    }

    // https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-retirement.html: "When an instance reaches its scheduled
    // retirement date, it is stopped or terminated by AWS ... Starting the stopped instance migrates it to new hardware."
    @Test
    void a_scheduled_retirement_is_aws_hardware_that_the_customer_moves_off_before_the_date() {
        Triage t = Triages.file(DIR + "health-events.json").all().get(0);
        assertThat(t.owner()).isEqualTo(Responsibility.SHARED);
        assertThat(t.rule()).isEqualTo("aws-hardware-event-under-instances-the-customer-runs-is-shared");
        assertThat(t.reason()).contains("AWS owns the failing or maintained hardware").contains("the customer stops and starts it");
        assertThat(texts(t)).anyMatch(a -> a.startsWith("Before that date, stop and start each instance with an EBS root volume"))
                .anyMatch(a -> a.startsWith("Copy off anything on instance store volumes"));
        assertThat(t.evidence()).extracting(Triage.EvidenceItem::source).contains("AWS Health events");
    }

    @Test
    void an_operational_issue_is_aws_and_exposed_credentials_are_the_customers_to_deactivate() {
        List<Triage> all = Triages.file(DIR + "health-events.json").all();
        Triage issue = all.get(1);
        assertThat(issue.rule()).isEqualTo("service-issues-reported-by-aws-health-are-aws");
        assertThat(issue.actions()).extracting(Triage.Action::feature).contains("AWS Health");
        Triage exposed = all.get(2);
        assertThat(exposed.rule()).isEqualTo("exposed-credentials-reported-by-aws-health-are-the-customers");
        assertThat(exposed.actions().get(0).text()).startsWith("Deactivate the exposed access key");
    }

    @Test
    void a_health_event_no_rule_reads_has_no_kind_and_no_owner_rather_than_a_guess() {
        Triage t = Triages.file(DIR + "health-events.json").all().get(4);
        assertThat(t.kind().id()).isNull();
        assertThat(t.owner()).isEqualTo(Responsibility.UNKNOWN);
        assertThat(t.actions()).isEmpty();
        assertThat(t.kind().reason()).startsWith("AWS Health event AWS_SES_CMF_PENDING_TO_SUCCESS: srm reads no incident kind");
    }

    @Test
    void the_reader_keeps_the_product_arn_and_generator_id_for_the_rules() throws Exception {
        Path p = Path.of(DIR + "health-events.json");
        AsffFinding f = new AsffReader(Packs.bundled().incidents()).read(p.toString(), Files.readAllBytes(p)).get(0).incident().finding();
        assertThat(f.generatorId()).isEqualTo("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED");
        assertThat(f.productArn()).isEqualTo("arn:aws:securityhub:us-east-1::product/aws/health");
        assertThat(f.fromAwsProduct("health")).isTrue();
        assertThat(f.productName()).isEqualTo("Health");
        assertThat(f.complianceStatus()).isNull();
    }

    // ---------------------------------------------------------------- 4. GuardDuty Runtime Monitoring on EKS

    // GuardDuty's ASFF types (https://docs.aws.amazon.com/guardduty/latest/ug/securityhub-integration.html) and its remediation
    // of a compromised pod (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-remediate-kubernetes.html).
    @ParameterizedTest(name = "{0} on an EKS cluster: CUSTOMER, pod and node containment")
    @ValueSource(strings = {"TTPs/Command and Control/CryptoCurrency:Runtime-BitcoinTool.B!DNS", "TTPs/Execution/Execution:Runtime-ReverseShell",
            "TTPs/Execution/Execution:Runtime-MaliciousFileExecuted"})
    void runtime_malware_in_an_eks_pod_is_the_customers_with_containment_steps(String type) throws IOException {
        String file = variant("guardduty-eks-runtime-cryptominer.json", "TTPs/Command and Control/CryptoCurrency:Runtime-BitcoinTool.B!DNS", type);
        Triage t = Triages.file(file).triage();
        assertThat(t.kind().id()).isEqualTo("malware-on-host");
        assertThat(t.resource().service()).isEqualTo("EKS");
        assertThat(t.owner()).as("was SHARED, from the control plane's layer, with no action").isEqualTo(Responsibility.CUSTOMER);
        assertThat(t.rule()).isEqualTo("malware-in-an-eks-cluster-is-in-the-customers-workloads");
        assertThat(texts(t)).anyMatch(a -> a.startsWith("Isolate the pod with a Kubernetes network policy"))
                .anyMatch(a -> a.contains("cordon the node"))
                .anyMatch(a -> a.startsWith("If it runs on Fargate"))
                .anyMatch(a -> a.contains("IRSA or EKS Pod Identity"))
                .anyMatch(a -> a.contains("clean image"));
        assertThat(t.route().team()).isEqualTo("shop-platform");
    }

    // ---------------------------------------------------------------- 5. ECS launch type

    // ASFF's AwsEcsTaskDetails has no launch type (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsEcsTaskDetails.html),
    // and GuardDuty's remediation of a compromised task isolates the task
    // (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-remediate-runtime-monitoring.html).
    @Test
    void runtime_malware_in_an_ecs_task_of_unknown_launch_type_says_so_and_branches() {
        Triage t = Triages.file(DIR + "guardduty-ecs-runtime-reverse-shell.json").triage();
        assertThat(t.kind().id()).isEqualTo("malware-on-host");
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(t.reason()).contains("does not say whether").contains("on EC2 container instances or on Fargate");
        assertThat(t.warnings()).anyMatch(w -> w.contains("ASFF does not say whether this ECS task runs on EC2 or on Fargate"));
        assertThat(t.actions().get(0).text()).startsWith("The launch type of arn:aws:ecs:eu-west-1:444455556666:cluster/orders is unknown");
        assertThat(texts(t)).anyMatch(a -> a.startsWith("Isolate the affected task"))
                .anyMatch(a -> a.startsWith("If it runs on EC2:"))
                .anyMatch(a -> a.startsWith("If it runs on Fargate:"))
                .as("no EC2-instance steps stated as if the task ran on EC2")
                .noneMatch(a -> a.startsWith("Isolate the instance"))
                .noneMatch(a -> a.startsWith("Rebuild from a known-good AMI"));
    }

    @Test
    void an_ecs_cluster_whose_capacity_is_fargate_alone_gets_the_fargate_steps_and_no_branch() throws IOException {
        String file = variant("guardduty-ecs-runtime-reverse-shell.json", "\"CapacityProviders\": []",
                "\"CapacityProviders\": [\"FARGATE\", \"FARGATE_SPOT\"]");
        Triage t = Triages.file(file).triage();
        assertThat(t.resource().variant()).isEqualTo("fargate");
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(texts(t)).anyMatch(a -> a.startsWith("Stop the infected tasks without losing evidence"))
                .noneMatch(a -> a.contains("launch type of"))
                .noneMatch(a -> a.startsWith("If it runs on EC2"));
    }
}
