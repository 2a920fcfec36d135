package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from `srm triage`, from a scenario, from flags and from ASFF findings. */
class TriageCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void text_puts_the_owner_first_in_one_line_then_the_ordered_actions() {
        CliRun run = CliRun.of("triage", "scenarios/incidents/unpatched-vulnerability-ec2.yaml");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("CUSTOMER owns the remediation: guest-os-and-app-patching of web-server (EC2 instance, IAAS);"
                + " route to web-platform");
        assertThat(lines.get(1)).isEqualTo("incident inc-2026-0170: unpatched-vulnerability - CVE-2024-6387 in openssh-server on"
                + " web-server (detected by Inspector, severity high)");
        assertThat(run.out()).contains("\nFirst actions:\n   1. Confirm which instances", "\n   2. Patch now with Systems Manager Patch Manager")
                .contains("Evidence to pull:", "Would have prevented it:", "MISSING  The guest OS is patched by a managed process");
        assertThat(run.out().indexOf("First actions:")).isLessThan(run.out().indexOf("Evidence to pull:"));
    }

    @Test
    void flags_alone_answer_at_a_terminal_with_no_file() {
        CliRun run = CliRun.of("triage", "--service", "RDS", "--kind", "unpatched-vulnerability", "--summary", "OpenSSL CVE");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("SHARED owns the remediation: guest-os-and-app-patching of rds (RDS standard, PAAS, any resource"
                + " of the service)").contains("What not to do:", "Apply the pending minor engine version upgrade");
    }

    @Test
    void as_of_triages_an_incident_as_it_stood_on_that_day() throws Exception {
        // Lambda stopped patching python3.10 on 2026-10-31: the same incident is AWS's before, the customer's after
        String[] incident = {"triage", "--service", "Lambda", "--kind", "unpatched-vulnerability", "--component", "runtime",
                "--config", "Runtime=python3.10", "--config", "Handler=app.handler", "--format", "json", "--as-of"};
        CliRun before = CliRun.of(with(incident, "2026-06-01"));
        assertThat(before.code()).as(before.err()).isZero();
        JsonNode b = JSON.readTree(before.out());
        assertThat(b.path("owner").asText()).isEqualTo("AWS");
        assertThat(b.path("reason").asText()).contains("Auto update mode");

        CliRun after = CliRun.of(with(incident, "2026-11-15"));
        JsonNode a = JSON.readTree(after.out());
        assertThat(a.path("owner").asText()).isEqualTo("CUSTOMER");
        assertThat(a.path("reason").asText()).contains("python3.10 reached its end of support on 2026-10-31");

        CliRun bad = CliRun.of("triage", "--service", "Lambda", "--kind", "unpatched-vulnerability", "--as-of", "2026-13-01");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("srm: Invalid value for option '--as-of': '2026-13-01' is not a date (expected YYYY-MM-DD");
    }

    @Test
    void config_flags_are_read_as_srm_matrix_reads_them_list_entries_by_their_name_too() throws Exception {
        // GuardDuty's rules read Features[Name=RUNTIME_MONITORING]...: the flags give the list by index, as a template does
        String[] manual = {"triage", "--service", "GuardDuty", "--kind", "unpatched-vulnerability", "--component", "dependency",
                "--config", "Features[0].Name=RUNTIME_MONITORING", "--config", "Features[0].Status=ENABLED",
                "--config", "Features[0].AdditionalConfiguration[0].Name=EKS_ADDON_MANAGEMENT",
                "--config", "Features[0].AdditionalConfiguration[0].Status=DISABLED", "--format", "json"};
        CliRun run = CliRun.of(manual);
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode t = JSON.readTree(run.out());
        assertThat(t.path("owner").asText()).as("the customer installs and updates the agent: not AWS").isEqualTo("CUSTOMER");
        assertThat(t.path("rule").asText()).isEqualTo("triage-owner-follows-component");
        assertThat(t.path("reason").asText()).contains("no automated agent configuration");

        CliRun matrix = CliRun.of("matrix", "GuardDuty", "--config", "Features[0].Name=RUNTIME_MONITORING",
                "--config", "Features[0].Status=ENABLED", "--config", "Features[0].AdditionalConfiguration[0].Name=EKS_ADDON_MANAGEMENT",
                "--config", "Features[0].AdditionalConfiguration[0].Status=DISABLED");
        assertThat(matrix.out()).containsPattern("application-and-dependency-patching +CUSTOMER");
    }

    @Test
    void a_template_file_is_triaged_with_its_nested_stacks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("storage.yaml"), """
                Resources:
                  Exports: {Type: AWS::S3::Bucket, Properties: {BucketName: acme-exports}}
                """);
        java.nio.file.Path app = dir.resolve("app.yaml");
        java.nio.file.Files.writeString(app, """
                Resources:
                  Storage: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: storage.yaml}}
                """);
        CliRun run = CliRun.of("triage", app.toString(), "--resource", "Storage/Exports", "--kind", "data-exposure", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).path("owner").asText()).isEqualTo("CUSTOMER");
    }

    private static String[] with(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    @Test
    void json_has_the_documented_keys() throws Exception {
        CliRun run = CliRun.of("triage", "scenarios/incidents/data-exposure-s3.yaml", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode t = JSON.readTree(run.out());
        assertThat(t.path("incident").path("id").asText()).isEqualTo("inc-2026-0142");
        assertThat(t.path("kind").asText()).isEqualTo("data-exposure");
        assertThat(t.path("serviceModel").asText()).isEqualTo("SERVERLESS");
        assertThat(t.path("owner").asText()).isEqualTo("CUSTOMER");
        assertThat(t.path("layer").asText()).isEqualTo("iam-access-control");
        assertThat(t.path("reason").asText()).contains("s3-block-public-access");
        assertThat(t.path("rule").asText()).isEqualTo("triage-owner-customer-control-missing");
        assertThat(t.path("route").asText()).isEqualTo("payments");
        assertThat(t.path("actions").get(0).path("step").asInt()).isEqualTo(1);
        assertThat(t.path("actions").get(0).path("feature").asText()).isEqualTo("S3");
        assertThat(t.path("evidence").get(0).has("source")).isTrue();
        assertThat(t.path("evidence").get(0).has("status")).isTrue();
        assertThat(t.path("preventiveControls").get(0).path("control").asText()).isEqualTo("s3-block-public-access");
        assertThat(t.path("preventiveControls").get(0).path("status").asText()).isEqualTo("MISSING");
    }

    @Test
    void markdown_is_for_an_incident_ticket_and_escapes_what_it_echoes() {
        CliRun run = CliRun.of("triage", "--service", "S3", "--kind", "data-exposure", "--id", "INC-7 | x", "--format", "markdown",
                "--summary", "Bucket | listed <script>alert(1)</script> **now** # [link](http://example.com)\nsecond line");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("## Incident INC-7 \\| x: data-exposure\n\n**Owner: CUSTOMER**")
                .contains("| Summary | Bucket \\| listed \\<script\\>alert(1)\\</script\\> \\*\\*now\\*\\* \\# \\[link\\](http://example.com) second line |")
                .contains("### First actions\n\n1. Turn on all four S3 Block Public Access settings")
                .doesNotContain("<script>");
    }

    @Test
    void an_asff_file_with_several_findings_gives_one_answer_per_finding() throws Exception {
        CliRun run = CliRun.of("triage", "src/test/resources/asff/securityhub-findings-batch.json", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode all = JSON.readTree(run.out()).path("triages");
        assertThat(all).hasSize(3);
        assertThat(all.get(0).path("kind").asText()).isEqualTo("network-exposure");
        assertThat(all.get(0).path("route").asText()).isEqualTo("billing");
    }

    @Test
    void output_to_a_file_and_nothing_on_stdout() throws Exception {
        Path out = Files.createTempDirectory("srm").resolve("ticket.md");
        CliRun run = CliRun.of("triage", "scenarios/incidents/ransomware-s3.yaml", "--format", "markdown", "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(out)).startsWith("## Incident incident-ransomware-s3: ransomware\n\n**Owner: CUSTOMER**");
    }

    @Test
    void the_readme_example_is_what_srm_prints() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String command = "    ./srm triage scenarios/incidents/data-exposure-s3.yaml\n\n```\n";
        int start = readme.indexOf(command);
        assertThat(start).as("README shows the triage example").isPositive();
        String shown = readme.substring(start + command.length(), readme.indexOf("```", start + command.length()));
        CliRun run = CliRun.of("triage", "scenarios/incidents/data-exposure-s3.yaml");
        assertThat(run.out()).isEqualTo(shown);
    }

    @Test
    void help_lists_the_exit_codes_and_the_formats() {
        CliRun run = CliRun.of("triage", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Exit codes:", "2   usage error", "3   the input", "text, markdown, json", "--service", "--kind");
        assertThat(CliRun.of("--help").out()).contains("triage");
    }
}
