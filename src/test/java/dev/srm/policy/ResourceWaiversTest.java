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
        assertThat(run.err()).contains("/resources/0/waivers/0").contains("owner");
        assertThat(run.clean()).isTrue();
    }
}
