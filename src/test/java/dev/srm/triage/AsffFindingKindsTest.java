package dev.srm.triage;

import dev.srm.model.Responsibility;
import dev.srm.model.Triage;
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
 * WARNING) is no incident. The fixtures in
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
}
