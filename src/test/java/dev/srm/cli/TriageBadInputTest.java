package dev.srm.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad triage input gets one clear line and its exit code: 2 for flags, 3 for files. */
class TriageBadInputTest {
    private static final String ASFF = "src/test/resources/asff/";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void assertOneLine(CliRun run, int code, String... fragments) {
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(run.err().lines().filter(l -> l.startsWith("srm: ")).count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(fragments);
        assertThat(run.out()).isEmpty();
    }

    private static void assertUsage(CliRun run, String... fragments) {
        assertOneLine(run, 2, fragments);
        assertThat(run.err()).contains("Try 'srm triage --help' for usage.");
    }

    @Test
    void an_incident_naming_a_resource_the_scenario_does_not_contain() throws IOException {
        Path f = write("s.yaml", "srm: 1\nid: s\nresources:\n  - {id: web, service: EC2}\nincident:\n  kind: malware-on-host\n  resource: db\n");
        assertOneLine(CliRun.of("triage", f.toString()), 3,
                f + ":7:3: /incident/resource: no resource 'db' in this scenario (its resources are web)");
    }

    @Test
    void an_unknown_kind_in_a_file_lists_the_known_kinds() throws IOException {
        Path f = write("k.yaml", "srm: 1\nid: s\nresources:\n  - {id: web, service: EC2}\nincident:\n  kind: data-leak\n  resource: web\n");
        assertOneLine(CliRun.of("triage", f.toString()), 3, f + ":6:3: /incident/kind: unknown incident kind 'data-leak'; known kinds: "
                + "data-exposure, credential-compromise, unpatched-vulnerability, malware-on-host, misconfiguration,"
                + " sensitive-data-found, network-exposure, denial-of-service, hypervisor-or-host-vulnerability,"
                + " physical-or-facility, aws-hardware-event, aws-service-event, ransomware, insider-misuse, logging-gap");
    }

    @Test
    void an_unknown_kind_in_a_flag_lists_the_known_kinds() {
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", "hacked"),
                "srm: --kind: unknown incident kind 'hacked'; known kinds: data-exposure, credential-compromise,");
    }

    @Test
    void an_unknown_component_in_a_file_lists_the_known_components() throws IOException {
        Path f = write("c.yaml", "srm: 1\nid: s\nresources:\n  - {id: web, service: EC2}\nincident:\n  kind: unpatched-vulnerability\n"
                + "  resource: web\n  component: kernel\n");
        assertOneLine(CliRun.of("triage", f.toString()), 3, f + ":8:3: /incident/component: unknown component 'kernel'; known components: "
                + "os, runtime, engine, dependency, image, code");
    }

    @Test
    void an_unknown_component_in_a_flag_lists_the_known_components() {
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", "unpatched-vulnerability", "--component", "kernel"),
                "srm: --component: unknown component 'kernel'; known components: os, runtime, engine, dependency, image, code");
    }

    @Test
    void a_file_that_is_not_asff() {
        assertOneLine(CliRun.of("triage", ASFF + "not-asff-guardduty-native.json"), 3,
                "not-asff-guardduty-native.json:1:1: not an ASFF finding: this is a GuardDuty finding in GuardDuty's own format");
        assertOneLine(CliRun.of("triage", "--asff", "scenarios/incidents/logging-gap-rds.yaml"), 3,
                "logging-gap-rds.yaml:1:1: not ASFF findings (ASFF is JSON): invalid JSON");
    }

    @Test
    void a_finding_with_no_resources() {
        assertOneLine(CliRun.of("triage", ASFF + "finding-without-resources.json"), 3,
                "finding-without-resources.json:19:7: /Findings/0/Resources: finding 'custom-scanner/2026-06-04/finding-17' names no resource");
    }

    @Test
    void empty_flags() {
        assertUsage(CliRun.of("triage", "--service", "", "--kind", "malware-on-host"), "srm: --service is empty");
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", " "), "srm: --kind is empty");
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", "malware-on-host", "--config", "=x"), "is not KEY=VALUE");
        assertUsage(CliRun.of("triage", "--service", "RDS", "--kind", "unpatched-vulnerability", "--config", "Engine[custom]=oracle"),
                "srm: --config 'Engine[custom]' is not a property path");
        assertUsage(CliRun.of("triage", "--service", "Lambda", "--kind", "data-exposure", "--config", "VpcConfig=none",
                "--config", "VpcConfig.SubnetIds[0]=subnet-0a1b2c3d"), "srm: --config 'VpcConfig.SubnetIds[0]' clashes with another setting");
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", "malware-on-host", "--config", "NetworkInterfaces[5000].SubnetId=subnet-1"),
                "srm: --config 'NetworkInterfaces[5000].SubnetId': a list index above 1000");
    }

    @Test
    void conflicting_service_and_resource() {
        assertUsage(CliRun.of("triage", "scenarios/incidents/data-exposure-s3.yaml", "--service", "EC2"),
                "srm: --service EC2 conflicts with resource 'customer-data' of scenarios/incidents/data-exposure-s3.yaml, which is S3");
    }

    @Test
    void an_incident_block_whose_service_and_resource_disagree() throws IOException {
        Path f = write("c.yaml", "srm: 1\nid: s\nresources:\n  - {id: web, service: EC2}\nincident:\n  kind: malware-on-host\n"
                + "  resource: web\n  service: RDS\n");
        assertOneLine(CliRun.of("triage", f.toString()), 3, f + ":8:3: /incident/service: 'RDS' conflicts with resource 'web', which is EC2");
    }

    @Test
    void an_unknown_service_or_layer_in_the_incident_block() throws IOException {
        Path service = write("svc.yaml", "srm: 1\nid: s\nresources: []\nincident:\n  kind: aws-service-event\n  service: Mainframe\n");
        assertOneLine(CliRun.of("triage", service.toString()), 3, service + ":6:3: /incident/service: unknown service 'Mainframe'");
        Path layer = write("layer.yaml", "srm: 1\nid: s\nresources:\n  - {id: web, service: EC2}\nincident:\n  kind: malware-on-host\n"
                + "  resource: web\n  layer: kernel\n");
        assertOneLine(CliRun.of("triage", layer.toString()), 3, layer + ":8:3: /incident/layer: unknown layer 'kernel'; known layers:");
    }

    @Test
    void no_input_at_all() {
        assertUsage(CliRun.of("triage"), "srm: nothing to triage: give a scenario FILE with an incident block, an ASFF findings FILE,"
                + " or --service and --kind");
    }

    @Test
    void incomplete_or_unknown_flags() {
        assertUsage(CliRun.of("triage", "--kind", "malware-on-host"), "srm: --service is required without a FILE");
        assertUsage(CliRun.of("triage", "--resource", "web", "--kind", "malware-on-host"), "srm: --resource names a resource of a scenario FILE");
        assertUsage(CliRun.of("triage", "--service", "Mainframe", "--kind", "malware-on-host"), "srm: --service: unknown service 'Mainframe'");
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", "malware-on-host", "--layer", "kernel"),
                "srm: --layer: unknown layer 'kernel'; known layers: physical-infrastructure,");
        assertUsage(CliRun.of("triage", "--service", "EC2", "--kind", "x", "--format", "pdf"), "--format");
    }

    @Test
    void a_scenario_without_an_incident_block() {
        assertOneLine(CliRun.of("triage", "scenarios/study/ec2-patching.yaml"), 3,
                "srm: scenarios/study/ec2-patching.yaml: has no incident block to triage");
        CliRun completed = CliRun.of("triage", "scenarios/study/ec2-patching.yaml", "--resource", "web-server", "--kind", "malware-on-host");
        assertThat(completed.code()).as(completed.err()).isZero();
        assertThat(completed.out()).startsWith("CUSTOMER owns the remediation");
    }

    @Test
    void a_missing_file() {
        assertOneLine(CliRun.of("triage", dir.resolve("nope.yaml").toString()), 3, "nope.yaml: no such file");
    }
}
