package dev.srm.policy;

import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of scenarios/waivers (an order service with four waivers: one in force, one
 * expiring, one expired, one unused) through every report, judged on 2030-06-01 so that the
 * reports do not change with the day the tests run. The golden files in
 * src/test/resources/golden/waivers were read by a person; regenerate with
 * {@code -Dsrm.golden.update=true} and review the diff.
 */
class WaiverReportsTest {
    static final String EXAMPLE = "scenarios/waivers";
    static final String AS_OF = "2030-06-01";
    private static Path out;
    private static SrmRun audit;

    @BeforeAll
    static void audit() {
        out = SrmRun.temp("srm-waivers-");
        audit = SrmRun.of("audit", EXAMPLE, "--out", out.toString(), "--as-of", AS_OF, "--fail-on", "low", "--no-progress", "--jobs", "1");
    }

    @ParameterizedTest
    @EnumSource(AuditFormat.class)
    void each_audit_report_shows_the_waived_findings_as_its_golden_file_says(AuditFormat format) {
        String actual = SrmRun.read(out.resolve(format.fileName()));
        assertThat(actual).isEqualTo(SrmRun.golden("audit/" + format.fileName(), actual));
    }

    @Test
    void every_audit_report_names_the_waiver_its_owner_and_its_end_date() {
        for (AuditFormat f : AuditFormat.values()) {
            String report = SrmRun.read(out.resolve(f.fileName()));
            assertThat(report).as(f.name()).contains("data-platform").contains("2030-06-30");
            if (f != AuditFormat.junit) { // JUnit shows the waived control as skipped, not the fingerprint
                assertThat(report).as(f.name()).contains(Fingerprint.of("orders", "orders-db", "rds-backup-retention"));
            }
        }
        assertThat(SrmRun.read(out.resolve("audit.sarif"))).contains("\"kind\": \"external\"").contains("\"justification\"");
        assertThat(SrmRun.read(out.resolve("audit.junit.xml"))).contains("<skipped message=\"WAIVED on orders-db (waived through 2030-06-30");
        assertThat(SrmRun.read(out.resolve("audit.html"))).contains("st-waived").contains("badge waived");
    }

    @Test
    void waived_findings_do_not_count_for_fail_on_and_expired_ones_count_again() {
        // open: rds-multi-az (medium) and rds-instance-deletion-protection (low, its waiver expired)
        assertThat(audit.code()).as(audit.err()).isEqualTo(4);
        assertThat(SrmRun.of("evaluate", EXAMPLE, "--as-of", AS_OF, "--fail-on", "high").code()).isZero();
    }

    @Test
    void the_audit_summary_and_warnings_say_what_was_waived_expiring_expired_and_unused() {
        assertThat(audit.clean()).isTrue();
        assertThat(audit.err()).contains("4 findings (critical 0, high 0, medium 2, low 2, info 0), 0 inputs failed, 2 waived")
                .contains("srm-waivers.yaml:12:5: waiver of s3-* (owner commerce) expires on 2030-06-10, within 14 days of 2030-06-01")
                .contains("srm-waivers.yaml:18:5: waiver of rds-instance-deletion-protection (owner data-platform) expired on 2030-05-31")
                .contains("srm-waivers.yaml:24:5: waiver of ecs-* (owner commerce) is unused");
    }

    @Test
    void evaluate_text_shows_each_waiver_under_its_finding() {
        SrmRun run = SrmRun.of("evaluate", EXAMPLE, "--as-of", AS_OF, "--fail-on", "none");
        assertThat(run.code()).isZero();
        String findings = run.out().substring(run.out().indexOf("Findings:"), run.out().indexOf("Integrations:"));
        assertThat(findings).isEqualTo(SrmRun.golden("evaluate-findings.txt", findings));
    }

    @Test
    void a_waivers_file_given_with_the_flag_replaces_the_default_one() throws Exception {
        Path other = Files.createTempDirectory("srm-other-waivers-").resolve("platform-waivers.yaml");
        Files.writeString(other, """
                srmWaivers: 1
                waivers:
                  - control: rds-backup-retention
                    resource: orders-db
                    reason: Weekly restore drills cover the gap until the Aurora migration
                    owner: dba-oncall
                    expires: 2030-12-31
                """);
        SrmRun run = SrmRun.of("evaluate", EXAMPLE, "--waivers", other.toString(), "--as-of", AS_OF, "--format", "json", "--fail-on", "none");
        assertThat(run.code()).isZero();
        assertThat(run.out().split("\"status\": \"WAIVED\"", -1)).as("one waived finding, the flag file's").hasSize(2);
        assertThat(run.out()).contains("\"owner\": \"dba-oncall\"", "\"origin\": \"" + other + ":3:5\"")
                .as("the directory's own srm-waivers.yaml is not read").doesNotContain("srm-waivers.yaml")
                .doesNotContain("Development archive of synthetic orders");
    }

    @Test
    void a_waivers_file_given_with_the_flag_applies_to_a_single_file_too() {
        SrmRun run = SrmRun.of("evaluate", EXAMPLE + "/orders.yaml", "--waivers", EXAMPLE + "/srm-waivers.yaml", "--as-of", AS_OF,
                "--format", "json", "--fail-on", "none");
        assertThat(run.out()).contains("\"status\": \"WAIVED\"").contains("\"state\": \"EXPIRED\"");
        SrmRun none = SrmRun.of("evaluate", EXAMPLE + "/orders.yaml", "--as-of", AS_OF, "--format", "json", "--fail-on", "none");
        assertThat(none.out()).as("a single file has no directory root: no default waivers").doesNotContain("WAIVED");
    }
}
