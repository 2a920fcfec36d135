package dev.srm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --baseline}: the order service a sprint later (resources reordered, title and tags
 * edited, two findings fixed, one made) against the baseline its first audit wrote
 * ({@code --write-baseline}). Findings are matched by fingerprint, not by order or wording.
 */
class BaselineTest {
    static final String V1 = "src/test/resources/waivers/baseline/v1";
    static final String V2 = "src/test/resources/waivers/baseline/v2";
    private static Path baseline;
    private static Path out;
    private static SrmRun second;

    @BeforeAll
    static void twoAudits() {
        Path first = SrmRun.temp("srm-baseline-1-");
        baseline = first.resolve("baseline.json");
        SrmRun run = SrmRun.of("audit", V1, "--format", "csv", "--out", first.toString(), "--write-baseline", baseline.toString(),
                "--fail-on", "none", "--no-progress");
        assertThat(run.code()).as(run.err()).isZero();
        out = SrmRun.temp("srm-baseline-2-");
        second = SrmRun.of("audit", V2, "--out", out.toString(), "--baseline", baseline.toString(), "--fail-on", "none", "--no-progress");
    }

    private static Map<String, String> novelty() throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : report.get("evaluations")) {
            for (JsonNode f : e.get("findings")) {
                out.put(e.get("scenario").get("id").asText() + "/" + f.get("resource").asText() + "/" + f.get("rule").asText(),
                        f.get("baseline").asText());
            }
        }
        return out;
    }

    @Test
    void every_finding_is_new_or_unchanged_and_the_gone_ones_are_fixed() throws Exception {
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(novelty()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "orders/orders-db/rds-multi-az", "UNCHANGED",
                "orders/orders-db/rds-instance-deletion-protection", "UNCHANGED",
                "orders/orders-db/rds-not-publicly-accessible", "NEW",
                "payments/events/sqs-queue-encrypted", "UNCHANGED",
                "payments/webhook-fn/lambda-xray-active-tracing", "UNCHANGED"));   // Security Hub Lambda.7
        JsonNode policy = new ObjectMapper().readTree(out.resolve("audit.json").toFile()).get("portfolio").get("policy");
        assertThat(policy.get("fixed").findValuesAsText("rule")).containsExactly("s3-versioning", "rds-backup-retention");
        assertThat(second.err()).contains("against the baseline: 1 new, 4 unchanged, 2 fixed");
    }

    @Test
    void reports_mark_the_state_against_the_baseline() {
        assertThat(SrmRun.read(out.resolve("audit.sarif"))).contains("\"baselineState\": \"new\"").contains("\"baselineState\": \"unchanged\"");
        assertThat(SrmRun.read(out.resolve("audit.md"))).contains("## Since the baseline").contains("| S3 bucket keeps object versions | orders | orders-archive | `s3-versioning` | low |");
        assertThat(SrmRun.read(out.resolve("audit.html"))).contains("<h2>Since the baseline</h2>");
        assertThat(SrmRun.read(out.resolve("audit.csv"))).contains(",NEW,").contains(",UNCHANGED,");
    }

    @Test
    void fail_on_new_gates_on_new_findings_only() {
        String[] base = {"audit", V2, "--format", "json", "--baseline", baseline.toString(), "--no-progress"};
        assertThat(run(base, "--fail-on-new", "critical").code()).as("the database made public is a new critical").isEqualTo(4);
        assertThat(run(base, "--fail-on-new", "critical", "--fail-on", "none").code()).isEqualTo(4);
        // the same run against itself: nothing is new, though medium findings are there
        SrmRun same = SrmRun.of("audit", V1, "--format", "json", "--baseline", baseline.toString(), "--fail-on-new", "low", "--no-progress");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(SrmRun.of("audit", V1, "--format", "json", "--fail-on-new", "low").code()).as("--fail-on-new needs --baseline").isEqualTo(2);
    }

    @Test
    void the_findings_of_an_input_that_could_not_be_read_are_not_called_fixed() throws Exception {
        // the next version's directory, one of its files broken: its findings are unknown this time, whatever its path
        Path v2 = SrmRun.temp("srm-baseline-broken-");
        for (Path f : java.nio.file.Files.list(Path.of(V2)).sorted().toList()) {
            java.nio.file.Files.copy(f, v2.resolve(f.getFileName()));
        }
        java.nio.file.Files.writeString(v2.resolve("orders.yaml"), "srm: 1\nid: orders\nresources: 5\n");
        Path reports = SrmRun.temp("srm-baseline-broken-out-");
        SrmRun run = SrmRun.of("audit", v2 + "/.", "--out", reports.toString(), "--format", "json", "--baseline", baseline.toString(),
                "--fail-on", "none", "--no-progress");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        JsonNode fixed = new ObjectMapper().readTree(reports.resolve("audit.json").toFile()).at("/portfolio/policy/fixed");
        assertThat(fixed).noneSatisfy(f -> assertThat(f.path("scenario").asText()).isEqualTo("orders"));
    }

    @Test
    void a_finding_whose_control_srm_cannot_decide_now_is_undecided_not_fixed() throws Exception {
        // the next version takes storage encryption from a parameter without a default: srm cannot tell whether the
        // database will be encrypted, so the baseline's finding is not gone for good, while deletion protection is fixed
        String undecided = "src/test/resources/waivers/undecided/";
        Path dir = SrmRun.temp("srm-baseline-undecided-");
        String v1 = dir.resolve("v1.json").toString();
        assertThat(SrmRun.of("evaluate", undecided + "v1", "--format", "json", "-o", v1, "--fail-on", "none").code()).isZero();
        Path reports = dir.resolve("out");
        SrmRun run = SrmRun.of("audit", undecided + "v2", "--out", reports.toString(), "--baseline", v1, "--fail-on", "none",
                "--no-progress");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("against the baseline: 0 new, 5 unchanged, 1 fixed, 1 undecided (their control is UNKNOWN this time)");
        JsonNode policy = new ObjectMapper().readTree(reports.resolve("audit.json").toFile()).at("/portfolio/policy");
        assertThat(policy.get("fixed").findValuesAsText("rule")).containsExactly("rds-instance-deletion-protection");
        assertThat(policy.get("undecided").findValuesAsText("rule")).containsExactly("rds-storage-encrypted");
        assertThat(SrmRun.read(reports.resolve("audit.md"))).contains("1 FIXED, 1 UNDECIDED (gone because their control is UNKNOWN")
                .contains("| UNDECIDED | scenario | resource | control | severity | fingerprint |");
        assertThat(SrmRun.read(reports.resolve("audit.html"))).contains("<table id=\"undecided-table\"");
        // srm diff of the two reports says the same
        String v2 = dir.resolve("v2.json").toString();
        SrmRun.of("evaluate", undecided + "v2", "--format", "json", "-o", v2, "--fail-on", "none");
        JsonNode d = new ObjectMapper().readTree(SrmRun.of("diff", v1, v2, "--format", "json").out());
        assertThat(d.get("fixedFindings").findValuesAsText("rule")).containsExactly("rds-instance-deletion-protection");
        assertThat(d.get("undecidedFindings").findValuesAsText("rule")).containsExactly("rds-storage-encrypted");
        assertThat(SrmRun.of("diff", v1, v2).out()).contains("Undecided findings (their control is UNKNOWN now, or their input was not read: not fixed) (1):\n"
                + "  medium RDS storage is encrypted at rest on orders-db/OrdersDb [rds-storage-encrypted]");
    }

    @Test
    void a_finding_whose_waiver_expired_since_the_baseline_is_reopened_and_gates_fail_on_new() throws Exception {
        // the baseline was written while the backup-retention waiver was in force (through 2030-06-30); a month later it
        // has expired: the finding counts again, and --fail-on-new must not let it through as UNCHANGED
        Path dir = SrmRun.temp("srm-baseline-reopened-");
        String base = dir.resolve("base.json").toString();
        String example = "scenarios/waivers";
        SrmRun first = SrmRun.of("audit", example, "--as-of", "2030-06-01", "--format", "json", "--out", dir.resolve("a").toString(),
                "--write-baseline", base, "--fail-on", "none", "--no-progress");
        assertThat(first.code()).as(first.err()).isZero();
        SrmRun later = SrmRun.of("audit", example, "--as-of", "2030-07-01", "--format", "json", "--out", dir.resolve("b").toString(),
                "--baseline", base, "--fail-on-new", "medium", "--no-progress");
        assertThat(later.code()).as(later.err()).isEqualTo(4);
        assertThat(later.err()).contains(" reopened: waived in the baseline, open now)");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("b/audit.json").toFile());
        Map<String, String> marks = new HashMap<>();
        for (JsonNode e : report.get("evaluations")) {
            for (JsonNode f : e.get("findings")) {
                marks.put(f.get("resource").asText() + "/" + f.get("rule").asText(), f.path("baseline").asText());
            }
        }
        assertThat(marks).containsEntry("orders-db/rds-backup-retention", "REOPENED");
        assertThat(report.at("/portfolio/policy/reopened").asInt()).isPositive();
        // the same day as the baseline: nothing reopened, nothing new
        SrmRun same = SrmRun.of("audit", example, "--as-of", "2030-06-01", "--format", "json", "--out", dir.resolve("c").toString(),
                "--baseline", base, "--fail-on-new", "medium", "--no-progress");
        assertThat(same.code()).as(same.err()).isZero();
    }

    @Test
    void the_output_of_evaluate_is_a_baseline_too() {
        Path file = SrmRun.temp("srm-baseline-eval-").resolve("orders.json");
        SrmRun.of("evaluate", V1 + "/orders.yaml", "--format", "json", "-o", file.toString(), "--fail-on", "none");
        SrmRun run = SrmRun.of("evaluate", V2 + "/orders.yaml", "--baseline", file.toString(), "--fail-on-new", "critical");
        assertThat(run.code()).isEqualTo(4);
        assertThat(run.out()).contains("[rds-not-publicly-accessible NEW]").contains("[rds-multi-az UNCHANGED]");
    }

    private static SrmRun run(String[] base, String... more) {
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return SrmRun.of(args);
    }
}
