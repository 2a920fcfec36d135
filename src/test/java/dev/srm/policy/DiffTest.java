package dev.srm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code srm diff} on a migration pair: the order API on ECS with EC2 container hosts, then on
 * Fargate. The layers AWS takes over, the finding that goes with the hosts and the one the
 * pinned platform version brings appear; the database, unchanged, does not.
 */
class DiffTest {
    static final String PAIR = "src/test/resources/waivers/migration/";
    private static String before;
    private static String after;

    @BeforeAll
    static void reports() {
        Path dir = SrmRun.temp("srm-diff-");
        before = dir.resolve("ec2.json").toString();
        after = dir.resolve("fargate.json").toString();
        assertThat(SrmRun.of("audit", PAIR + "ec2", "--format", "json", "--out", dir.resolve("a").toString(), "--write-baseline", before,
                "--fail-on", "none", "--no-progress").code()).isZero();
        assertThat(SrmRun.of("evaluate", PAIR + "fargate/orders.yaml", "--format", "json", "-o", after, "--fail-on", "none").code()).isZero();
    }

    private static String relative(String text) {
        return text.replace(before, "ec2.json").replace(after, "fargate.json");
    }

    @Test
    void text_lists_what_moved_from_the_customer_to_aws() {
        SrmRun run = SrmRun.of("diff", before, after);
        assertThat(run.code()).as(run.err()).isZero();
        String text = relative(run.out());
        assertThat(text).contains("orders/orders-api guest-os-and-app-patching: CUSTOMER -> SHARED")
                .contains("orders/orders-api guest-os-and-app-patching/os-patching: CUSTOMER -> AWS")
                .contains("high The guest OS is patched by a managed process on orders/ecs-hosts [ec2-guest-os-patching]")
                .doesNotContain("orders-db");
        assertThat(text).isEqualTo(SrmRun.golden("diff-migration.txt", text));
    }

    @Test
    void markdown_is_for_a_pull_request_comment() {
        String md = relative(SrmRun.of("diff", before, after, "--format", "markdown").out());
        assertThat(md).startsWith("# srm diff: ").contains("## Layers whose party changed (2)");
        assertThat(md).isEqualTo(SrmRun.golden("diff-migration.md", md));
    }

    @Test
    void json_names_every_change_with_its_fingerprint() throws Exception {
        JsonNode d = new ObjectMapper().readTree(SrmRun.of("diff", before, after, "--format", "json").out());
        assertThat(d.get("newFindings").findValuesAsText("rule")).containsExactly("ecs-fargate-latest-platform");
        assertThat(d.get("fixedFindings").get(0).get("fingerprint").asText()).isEqualTo(Fingerprint.of("orders", "ecs-hosts", "ec2-guest-os-patching"));
        assertThat(d.get("layers").findValuesAsText("subject")).contains("host-os-hypervisor-networking");
    }

    @Test
    void a_report_against_itself_shows_no_change() {
        assertThat(SrmRun.of("diff", after, after).out()).endsWith("\nNo change.\n");
    }

    @Test
    void waivers_added_expired_and_removed_between_two_runs() {
        Path dir = SrmRun.temp("srm-diff-waivers-");
        String none = dir.resolve("none.json").toString();
        String waived = dir.resolve("waived.json").toString();
        String expired = dir.resolve("expired.json").toString();
        SrmRun.of("evaluate", WaiverReportsTest.EXAMPLE + "/orders.yaml", "--format", "json", "-o", none, "--fail-on", "none");
        SrmRun.of("evaluate", WaiverReportsTest.EXAMPLE, "--as-of", "2030-05-01", "--format", "json", "-o", waived, "--fail-on", "none");
        SrmRun.of("evaluate", WaiverReportsTest.EXAMPLE, "--as-of", "2030-06-15", "--format", "json", "-o", expired, "--fail-on", "none");
        assertThat(SrmRun.of("diff", none, waived).out()).contains("ADDED orders/orders-db [rds-backup-retention]: data-platform until 2030-06-30");
        assertThat(SrmRun.of("diff", waived, expired).out()).contains("EXPIRED orders/orders-archive [s3-versioning]")
                .contains("EXPIRED orders/orders-db [rds-instance-deletion-protection]");
        assertThat(SrmRun.of("diff", waived, none).out()).contains("REMOVED orders/orders-db [rds-backup-retention]");
    }

    @Test
    void ids_from_a_report_cannot_move_the_terminal_or_start_lines_of_their_own() throws Exception {
        String hostile = "r\u001b[2J<script>\n## forged";
        dev.srm.model.ReportDiff d = new dev.srm.model.ReportDiff("old.json", "new.json", List.of(hostile), List.of(), List.of(),
                List.of(new dev.srm.model.ReportDiff.FindingChange("f1", "shop", hostile, "s3-versioning\u0007", dev.srm.facts.Severity.HIGH,
                        "S3 bucket versioning")), List.of(), List.of(), List.of(new dev.srm.model.ReportDiff.Move("shop", hostile, "s3-versioning",
                        "MET", "MISSING")), List.of(), List.of(), List.of());
        java.io.StringWriter w = new java.io.StringWriter();
        dev.srm.report.diff.DiffFormat.text.render(d, w);
        String out = w.toString();
        assertThat(out).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(out.lines()).noneSatisfy(l -> assertThat(l).startsWith("## forged"));
    }

    @Test
    void an_input_the_new_report_could_not_read_has_its_findings_not_called_fixed() throws Exception {
        // the migrated template broken by one bad line: audit exits 3 and lists it among its errors; its scenario is not
        // removed, and the findings it had are undecided, as srm audit --baseline judges them
        Path dir = SrmRun.temp("srm-diff-broken-");
        Path v2 = java.nio.file.Files.createDirectories(dir.resolve("v2"));
        java.nio.file.Files.writeString(v2.resolve("orders.yaml"), java.nio.file.Files.readString(Path.of(PAIR + "ec2/orders.yaml"))
                + "\n  - id: [broken\n");
        Path out = dir.resolve("out");
        assertThat(SrmRun.of("audit", v2.toString(), "--format", "json", "--out", out.toString(), "--fail-on", "none", "--no-progress")
                .code()).isEqualTo(3);
        String broken = out.resolve("audit.json").toString();
        SrmRun run = SrmRun.of("diff", before, broken);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("Scenarios removed").doesNotContain("Fixed findings")
                .contains("Inputs the new report could not read (their scenarios are not called removed, nor their findings fixed) (1):")
                .contains("high The guest OS is patched by a managed process on orders/ecs-hosts [ec2-guest-os-patching]");
        JsonNode d = new ObjectMapper().readTree(SrmRun.of("diff", before, broken, "--format", "json").out());
        assertThat(d.get("fixedFindings")).isEmpty();
        assertThat(d.get("undecidedFindings").findValuesAsText("rule")).contains("ec2-guest-os-patching");
    }
}
