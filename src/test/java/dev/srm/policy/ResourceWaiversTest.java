package dev.srm.policy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A waiver written on the resource itself, in a scenario's resource-level {@code waivers:} block. */
class ResourceWaiversTest {
    private static Path dir;

    private static final String SCENARIO = """
            srm: 1
            id: ledger
            title: Ledger database
            account: {organization: true, rootMfa: true, rootAccessKeys: false}
            resources:
              - id: ledger-db
                type: AWS::RDS::DBInstance
                tags: {env: prod}
                configuration: {Engine: postgres, BackupRetentionPeriod: 0, MultiAZ: false, StorageEncrypted: true}
                waivers:
                  - control: rds-backup-retention
                    reason: AWS Backup takes the snapshots of this instance (plan ledger-daily)
                    owner: finance-platform
                    expires: 2030-12-31
                    ticket: FIN-88
                  - control: rds-enhanced-monitoring
                    reason: Metrics come from the Datadog agent
                    owner: finance-platform
                    expires: 2030-12-31
            """;

    @BeforeAll
    static void files() throws IOException {
        dir = Files.createTempDirectory("srm-resource-waivers-");
        Files.writeString(dir.resolve("ledger.yaml"), SCENARIO);
    }

    @Test
    void the_finding_of_the_resource_is_waived_with_the_place_of_its_waiver() {
        SrmRun run = SrmRun.of("evaluate", dir.resolve("ledger.yaml").toString(), "--as-of", "2030-06-01", "--fail-on", "none");
        String file = dir.resolve("ledger.yaml").toString();
        assertThat(run.out()).contains("WAIVED RDS automated backups are kept for at least 7 days on ledger-db")
                .contains("waived through 2030-12-31 by finance-platform (FIN-88): AWS Backup takes the snapshots of this instance"
                        + " (plan ledger-daily) [" + file + ":11:9]");
        assertThat(run.err()).contains(file + ":16:9: waiver of rds-enhanced-monitoring (owner finance-platform) is unused");
    }

    @Test
    void in_a_yaml_stream_each_scenarios_waiver_is_placed_in_its_own_document_and_none_is_merged_into_another() throws IOException {
        Path stream = Files.createTempDirectory("srm-resource-waivers-stream-").resolve("ledgers.yaml");
        // the same resource at the same pointer in both documents, each with a waiver of its own
        Files.writeString(stream, SCENARIO + "---\n" + SCENARIO.replace("id: ledger\n", "id: ledger-eu\n")
                .replace("(plan ledger-daily)", "(plan ledger-eu-daily)").replace("FIN-88", "FIN-91"));
        SrmRun run = SrmRun.of("evaluate", stream.toString(), "--as-of", "2030-06-01", "--fail-on", "none");
        String file = stream.toString();
        assertThat(run.out())
                .contains("(FIN-88): AWS Backup takes the snapshots of this instance (plan ledger-daily) [" + file + ":11:9]")
                .contains("(FIN-91): AWS Backup takes the snapshots of this instance (plan ledger-eu-daily) [" + file + ":31:9]");
        assertThat(run.err()).contains(file + ":16:9: waiver of rds-enhanced-monitoring (owner finance-platform) is unused")
                .contains(file + ":36:9: waiver of rds-enhanced-monitoring (owner finance-platform) is unused");
    }

    @Test
    void a_bad_date_in_a_resource_waiver_is_one_line() throws IOException {
        Path bad = Files.createTempDirectory("srm-resource-waivers-bad-").resolve("ledger.yaml");
        Files.writeString(bad, SCENARIO.replace("expires: 2030-12-31\n        ticket", "expires: 2030-13-01\n        ticket"));
        SrmRun run = SrmRun.of("evaluate", bad.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: " + bad + ":11:9: /resources/0/waivers/0/expires: '2030-13-01' is not a date;"
                + " expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)");
    }

    @Test
    void a_resource_waiver_needs_an_owner() throws IOException {
        Path bad = Files.createTempDirectory("srm-resource-waivers-owner-").resolve("ledger.yaml");
        Files.writeString(bad, SCENARIO.replace("        owner: finance-platform\n        expires: 2030-12-31\n        ticket",
                "        expires: 2030-12-31\n        ticket"));
        assertThat(Files.readString(bad)).doesNotContain("owner: finance-platform\n        expires: 2030-12-31\n        ticket");
        SrmRun run = SrmRun.of("evaluate", bad.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: " + bad + ":11:9: /resources/0/waivers/0: required property 'owner' not found");
        assertThat(run.clean()).isTrue();
    }

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Description: Ledger database
            Resources:
              LedgerDb:
                Type: AWS::RDS::DBInstance
                Metadata:
                  srm:
                    waivers:
                      - control: rds-backup-retention
                        reason: AWS Backup takes the snapshots of this instance (plan ledger-daily)
                        owner: finance-platform
                        expires: 2030-12-31
                        ticket: FIN-88
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t4g.medium
                  AllocatedStorage: "50"
                  BackupRetentionPeriod: 0
                  StorageEncrypted: true
                  MasterUsername: ledger
                  ManageMasterUserPassword: true
            """;

    @Test
    void a_waiver_in_a_templates_resource_metadata_waives_its_finding() throws IOException {
        Path t = Files.createTempDirectory("srm-template-waivers-").resolve("ledger.yaml");
        Files.writeString(t, TEMPLATE);
        SrmRun run = SrmRun.of("evaluate", t.toString(), "--as-of", "2030-06-01", "--fail-on", "none");
        assertThat(run.out()).contains("WAIVED RDS automated backups are kept for at least 7 days on LedgerDb")
                .contains("waived through 2030-12-31 by finance-platform (FIN-88): AWS Backup takes the snapshots of this instance"
                        + " (plan ledger-daily) [" + t + ":9:13]");
        SrmRun expired = SrmRun.of("evaluate", t.toString(), "--as-of", "2031-01-01", "--fail-on", "none");
        assertThat(expired.out()).doesNotContain("WAIVED RDS automated backups");
    }

    @Test
    void a_template_waiver_whose_year_has_more_than_four_digits_is_one_line_at_its_place() throws IOException {
        Path t = Files.createTempDirectory("srm-template-waivers-year-").resolve("ledger.yaml");
        Files.writeString(t, TEMPLATE.replace("expires: 2030-12-31", "expires: +99999-12-31"));
        SrmRun run = SrmRun.of("evaluate", t.toString(), "--as-of", "2030-06-01", "--fail-on", "none");
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: " + t + ":12:22: /Resources/LedgerDb/Metadata/srm/waivers/0/expires: '+99999-12-31'"
                + " is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)");
        assertThat(run.out()).doesNotContain("WAIVED");
    }

    @Test
    void a_template_waiver_without_an_owner_is_one_line_at_its_place() throws IOException {
        Path t = Files.createTempDirectory("srm-template-waivers-bad-").resolve("ledger.yaml");
        Files.writeString(t, TEMPLATE.replace("            owner: finance-platform\n", ""));
        SrmRun run = SrmRun.of("evaluate", t.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("srm: " + t + ":9:13: /Resources/LedgerDb/Metadata/srm/waivers/0: missing owner;"
                + " a waiver needs control, reason, owner and expires");
        assertThat(run.clean()).isTrue();
    }
}
