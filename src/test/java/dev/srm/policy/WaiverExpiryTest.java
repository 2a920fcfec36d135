package dev.srm.policy;

import dev.srm.api.EvaluateRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.api.ExitCode;
import dev.srm.api.PolicyOptions;
import dev.srm.api.SrmOptions;
import dev.srm.facts.Severity;
import dev.srm.model.FindingResult;
import dev.srm.model.FindingStatus;
import dev.srm.model.LayerResult;
import dev.srm.model.WaiverState;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waiver applies through its {@code expires} day (inclusive) and is expired from the next
 * day; within {@code --warn-expiring} days of its end it is EXPIRING (still in force, a
 * warning). Through the facade, as an embedder calls it.
 */
class WaiverExpiryTest {
    private static Path dir;

    @BeforeAll
    static void files() throws IOException {
        dir = Files.createTempDirectory("srm-expiry-");
        Files.copy(Path.of("scenarios/waivers/orders.yaml"), dir.resolve("orders.yaml"));
        Files.writeString(dir.resolve("srm-waivers.yaml"), """
                srmWaivers: 1
                waivers:
                  - control: "rds-*"
                    resource: orders-db
                    tags: {owner: data-platform}
                    reason: The database is replaced by the Aurora cluster of the migration
                    owner: data-platform
                    expires: 2030-06-30
                    ticket: SEC-1042
                """);
    }

    private static EvaluateResult on(String day) {
        return Packs.LOADER.load(SrmOptions.bundled()).evaluate(EvaluateRequest.of(dir)
                .policy(new PolicyOptions(null, null, LocalDate.parse(day), PolicyOptions.DEFAULT_WARN_DAYS)));
    }

    private static List<FindingResult> onDatabase(EvaluateResult r) {
        return r.evaluations().get(0).findings().stream().filter(f -> f.resource().equals("orders-db")).toList();
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
            "2030-06-15, WAIVED, ACTIVE",   // 15 days before the end: not yet warned about
            "2030-06-16, WAIVED, EXPIRING", // 14 days before: warned
            "2030-06-29, WAIVED, EXPIRING", // the day before
            "2030-06-30, WAIVED, EXPIRING", // the day of: still applies
            "2030-07-01, OPEN, EXPIRED"     // the day after: the findings count again
    })
    void a_waiver_applies_through_its_last_day(String day, FindingStatus status, WaiverState state) {
        EvaluateResult r = on(day);
        assertThat(onDatabase(r)).hasSize(3).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(status);
            assertThat(f.waiver().state()).isEqualTo(state);
            assertThat(f.waiver().expires()).isEqualTo(LocalDate.of(2030, 6, 30));
            assertThat(f.waiver().ticket()).isEqualTo("SEC-1042");
        });
        ExitCode expected = status == FindingStatus.WAIVED ? ExitCode.OK : ExitCode.FINDINGS;
        assertThat(r.exitCode(Severity.MEDIUM)).as("the database's medium findings gate only when not waived").isEqualTo(expected);
        assertThat(r.policy().warnings().stream().anyMatch(w -> w.contains("expires on 2030-06-30"))).isEqualTo(state == WaiverState.EXPIRING);
        assertThat(r.policy().warnings().stream().anyMatch(w -> w.contains("expired on 2030-06-30"))).isEqualTo(state == WaiverState.EXPIRED);
    }

    @Test
    void a_waiver_changes_findings_only_never_who_owns_a_layer_or_a_duty() {
        EvaluateResult waived = on("2030-06-01");
        EvaluateResult expired = on("2030-07-01");
        List<LayerResult> before = expired.evaluations().get(0).resources().stream().flatMap(r -> r.layers().stream()).toList();
        List<LayerResult> after = waived.evaluations().get(0).resources().stream().flatMap(r -> r.layers().stream()).toList();
        assertThat(after).isEqualTo(before);
        assertThat(waived.evaluations().get(0).findings()).hasSameSizeAs(expired.evaluations().get(0).findings());
    }

    @Test
    void the_tags_of_a_waiver_must_all_match_the_resource() throws IOException {
        Path other = Files.createTempDirectory("srm-tags-");
        Files.copy(Path.of("scenarios/waivers/orders.yaml"), other.resolve("orders.yaml"));
        Files.writeString(other.resolve("srm-waivers.yaml"), """
                srmWaivers: 1
                waivers:
                  - control: "rds-*"
                    tags: {owner: data-platform, env: dev}
                    reason: Only development databases
                    owner: data-platform
                    expires: 2030-06-30
                """);
        EvaluateResult r = Packs.LOADER.load(SrmOptions.bundled()).evaluate(EvaluateRequest.of(other)
                .policy(new PolicyOptions(null, null, LocalDate.of(2030, 6, 1), 14)));
        assertThat(r.evaluations().get(0).findings()).allSatisfy(f -> assertThat(f.waiver()).isNull());
        assertThat(r.policy().waivers().get(0).unused()).isTrue();
    }
}
