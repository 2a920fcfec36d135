package dev.srm.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.facts.AsffFinding;
import dev.srm.facts.Severity;
import dev.srm.model.IncidentSpec;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.model.Triage;
import dev.srm.report.triage.TriageFormat;
import dev.srm.input.asff.AsffReader;
import dev.srm.testing.Packs;
import dev.srm.testing.Triages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sample findings in src/test/resources/asff, written from the ASFF format as AWS documents
 * it, round-trip: ASFF in, incident facts, triage JSON out with the right kind and owner.
 */
class AsffFindingsTest {
    private static final String DIR = "src/test/resources/asff/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Scenario> read(String file) throws Exception {
        Path p = Path.of(DIR + file);
        return new AsffReader(Packs.bundled().incidents()).read(p.toString(), Files.readAllBytes(p));
    }

    private static JsonNode json(List<Triage> triages) throws IOException {
        StringWriter out = new StringWriter();
        TriageFormat.json.renderer().render(triages, out);
        return JSON.readTree(out.toString());
    }

    @ParameterizedTest(name = "{0}: {1} on {2} ({3}), owner {4}, route {5}")
    @CsvSource(delimiter = '|', textBlock = """
            guardduty-ec2-command-and-control.json        | malware-on-host         | EC2    | IAAS       | CUSTOMER | web-platform
            guardduty-credential-exfiltration.json        | credential-compromise   | IAM    | SERVERLESS | CUSTOMER |
            guardduty-s3-block-public-access-disabled.json| data-exposure           | S3     | SERVERLESS | CUSTOMER | payments
            guardduty-s3-malicious-object.json            | malware-on-host         | S3     | SERVERLESS | CUSTOMER | documents-team
            inspector-ec2-package-vulnerability.json      | unpatched-vulnerability | EC2    | IAAS       | CUSTOMER | web-platform
            inspector-lambda-package-vulnerability.json   | unpatched-vulnerability | Lambda | SERVERLESS | CUSTOMER | orders
            """)
    void a_finding_round_trips_to_a_triage(String file, String kind, String service, String model, String owner, String route)
            throws Exception {
        JsonNode t = json(Triages.file(DIR + file).all());
        assertThat(t.path("kind").asText()).isEqualTo(kind);
        assertThat(t.path("resource").path("service").asText()).isEqualTo(service);
        assertThat(t.path("serviceModel").asText()).isEqualTo(model);
        assertThat(t.path("owner").asText()).isEqualTo(owner);
        assertThat(t.path("route").isNull() ? null : t.path("route").asText()).isEqualTo(route);
        assertThat(t.path("incident").path("source").asText()).isEqualTo("asff");
        assertThat(t.path("actions")).isNotEmpty();
        assertThat(t.path("kindRule").asText()).startsWith("asff-");
    }

    @Test
    void a_guardduty_finding_becomes_incident_facts_types_resource_details_tags_and_severity() throws Exception {
        Scenario s = read("guardduty-ec2-command-and-control.json").get(0);
        IncidentSpec i = s.incident();
        assertThat(i.kind()).as("the rules, not the reader, decide the kind").isNull();
        assertThat(i.resource()).isEqualTo("arn:aws:ec2:us-east-1:111122223333:instance/i-0a1b2c3d4e5f67890");
        assertThat(i.severity()).isEqualTo(Severity.HIGH);
        assertThat(i.detectedBy()).isEqualTo("GuardDuty");
        AsffFinding f = i.finding();
        assertThat(f.types()).containsExactly("TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS");
        assertThat(f.resourceTypes()).containsExactly("AwsEc2Instance");
        assertThat(f.productField("aws/guardduty/service/action/actionType")).isEqualTo("DNS_REQUEST");
        ResourceSpec r = s.resources().get(0);
        assertThat(r.service()).isEqualTo("EC2");
        assertThat(r.type()).isEqualTo("AWS::EC2::Instance");
        assertThat(r.tags()).containsEntry("owner", "web-platform");
        assertThat(r.settings()).anyMatch(x -> x.path().equals("MetadataOptions.HttpTokens") && "optional".equals(x.value()));
    }

    @Test
    void the_kind_comes_from_the_most_specific_reading_of_the_types() {
        Triage t = Triages.file(DIR + "guardduty-credential-exfiltration.json").triage();
        assertThat(t.kind().id()).as("GuardDuty type (rank 1) over its Effects/Data Exfiltration category (rank 2)")
                .isEqualTo("credential-compromise");
        assertThat(t.kind().rule()).isEqualTo("asff-guardduty-credential-exfiltration");
    }

    @Test
    void product_fields_tell_an_instance_being_brute_forced_from_one_brute_forcing_others() throws Exception {
        Triage attacking = Triages.file(DIR + "guardduty-ec2-ssh-brute-force-outbound.json").triage();
        assertThat(attacking.kind().id()).isEqualTo("malware-on-host");
        assertThat(attacking.kind().rule()).isEqualTo("asff-guardduty-brute-force-from-the-instance");
        assertThat(attacking.actions().get(0).text()).startsWith("Isolate the instance");
        String inbound = Files.readString(Path.of(DIR + "guardduty-ec2-ssh-brute-force-outbound.json"))
                .replace("\"OUTBOUND\"", "\"INBOUND\"").replace("\"ACTOR\"", "\"TARGET\"");
        Path tmp = Files.createTempFile("inbound", ".json");
        try {
            Files.writeString(tmp, inbound);
            Triage attacked = Triages.file(tmp.toString()).triage();
            assertThat(attacked.kind().id()).isEqualTo("network-exposure");
            assertThat(attacked.owner().name()).isEqualTo("CUSTOMER");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void the_owner_tag_key_can_be_changed_for_findings_too() {
        Triage t = Triages.file(DIR + "guardduty-credential-exfiltration.json").ownerTag("team").triage();
        assertThat(t.route().team()).isEqualTo("orders");
    }

    @Test
    void an_inspector_package_in_a_zip_function_is_the_customers_dependency_not_the_runtime() {
        Triage t = Triages.file(DIR + "inspector-lambda-package-vulnerability.json").triage();
        assertThat(t.layer()).isEqualTo("application-security");
        assertThat(t.owner().name()).isEqualTo("CUSTOMER");
    }

    @Test
    void a_findings_array_gives_one_triage_per_finding_and_control_findings_are_evidence() throws Exception {
        List<Triage> all = Triages.file(DIR + "securityhub-findings-batch.json").all();
        assertThat(all).extracting(t -> t.kind().id(), t -> t.owner().name(), Triage::layer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("network-exposure", "CUSTOMER", "network-configuration"),
                org.assertj.core.groups.Tuple.tuple("logging-gap", "CUSTOMER", "logging-and-monitoring"),
                org.assertj.core.groups.Tuple.tuple("credential-compromise", "CUSTOMER", "iam-access-control"));
        assertThat(all.get(0).kind().rule()).isEqualTo("asff-control-finding-network");
        assertThat(all.get(1).preventiveControls()).filteredOn(p -> p.control().equals("s3-access-logging"))
                .singleElement().satisfies(p -> assertThat(p.status()).as("S3.9 FAILED is evidence").isEqualTo("MISSING"));
        assertThat(all.get(0).incident().severity()).isEqualTo("critical");
        JsonNode json = json(all);
        assertThat(json.path("triages")).hasSize(3);
    }

    @Test
    void a_passed_control_finding_is_not_an_incident() throws Exception {
        String passed = Files.readString(Path.of(DIR + "securityhub-findings-batch.json")).replaceFirst("\"Status\": \"FAILED\"",
                "\"Status\": \"PASSED\"");
        Path tmp = Files.createTempFile("passed", ".json");
        try {
            Files.writeString(tmp, passed);
            Triage first = Triages.file(tmp.toString()).all().get(0);
            assertThat(first.kind().id()).isNull();
            assertThat(first.owner().name()).isEqualTo("UNKNOWN");
            assertThat(first.kind().reason()).contains("--kind");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void a_security_hub_eventbridge_event_carries_its_findings_too() throws Exception {
        String finding = Files.readString(Path.of(DIR + "guardduty-ec2-command-and-control.json"));
        String event = "{\"version\": \"0\", \"detail-type\": \"Security Hub Findings - Imported\", \"source\": \"aws.securityhub\","
                + " \"detail\": {\"findings\": [" + finding + "]}}";
        Path tmp = Files.createTempFile("event", ".json");
        try {
            Files.writeString(tmp, event);
            Triage t = Triages.file(tmp.toString()).triage();
            assertThat(t.kind().id()).isEqualTo("malware-on-host");
            assertThat(t.route().team()).isEqualTo("web-platform");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void kind_and_layer_flags_override_what_the_finding_says() {
        Triage t = Triages.file(DIR + "guardduty-ec2-command-and-control.json").kind("credential-compromise").triage();
        assertThat(t.kind().id()).isEqualTo("credential-compromise");
        assertThat(t.kind().rule()).isEqualTo("triage-kind-given");
    }
}
