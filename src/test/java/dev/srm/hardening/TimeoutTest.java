package dev.srm.hardening;

import dev.srm.testing.Slow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --timeout}: a rule that loops inside one firing (an action that never returns) or that
 * keeps re-firing slowly is stopped on its scenario, named in one line, exit 3, and the other
 * scenarios of the batch are still evaluated and reported. The user pack is small (it replaces
 * the bundled one with {@code --rules}, so the test compiles a few rules, not two thousand).
 */
@Slow
class TimeoutTest {
    /** A user's pack with three bad rules, each triggered by one resource id, and one good rule. */
    private static final String LOOPS = """
            package user.loops;

            import dev.srm.facts.*;

            declare Tick
                n : int
            end

            rule "user-waits-for-ever"
                @kind("policy") @title("Waits on something that never answers")
            when
                Resource( id == "waiting-bucket" )
            then
                Thread.sleep(600_000L);
            end

            rule "user-spins-in-its-action"
                @kind("policy") @title("Loops inside one firing and does not listen to interrupts")
            when
                Resource( id == "spinning-bucket" )
            then
                long end = System.nanoTime() + 4_000_000_000L;
                long n = 0;
                while (System.nanoTime() < end) {
                    n++;
                }
            end

            rule "user-refire-start"
                @kind("policy") @title("Starts a counter")
            when
                Resource( id == "counting-bucket" )
                not Tick()
            then
                insert(new Tick(0));
            end

            rule "user-refires-for-ever"
                @kind("policy") @title("Counts slowly for ever: each firing changes the fact that makes it fire again")
            when
                $t : Tick()
            then
                Thread.sleep(5L);
                modify($t) { setN($t.getN() + 1) };
            end
            """;

    @TempDir
    Path dir;
    Path rules;

    @BeforeEach
    void pack() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("loops.drl"), LOOPS);
        Files.writeString(Files.createDirectories(rules.resolve("catalog")).resolve("incident-kinds.yaml"), """
                incidentKinds:
                  - id: data-exposure
                    title: Data exposed to someone who should not see it
                    defaultLayer: iam-access-control
                    description: Objects readable by the public or by an unknown party.
                """);
    }

    private Path scenario(String dirName, String id, String resource) throws IOException {
        Path d = Files.createDirectories(dir.resolve(dirName));
        return Files.writeString(d.resolve(id + ".yaml"), """
                srm: 1
                id: %s
                title: Orders bucket of the shop
                resources:
                  - id: %s
                    type: AWS::S3::Bucket
                    configuration:
                      BucketName: shop-orders-%s
                      VersioningConfiguration: {Status: Enabled}
                """.formatted(id, resource, id));
    }

    private List<String> srmLines(Run run) {
        assertThat(run.clean()).as(run.toString()).isTrue();
        return run.srmLines();
    }

    @Test
    void a_batch_reports_each_stopped_scenario_in_one_line_and_still_evaluates_the_others() throws IOException {
        Path waits = scenario("batch", "orders-waiting", "waiting-bucket");
        Path counts = scenario("batch", "orders-counting", "counting-bucket");
        scenario("batch", "orders-fine", "fine-bucket");
        long start = System.nanoTime();
        Run run = Run.of("evaluate", dir.resolve("batch").toString(), "--rules", rules.toString(), "--timeout", "1s",
                "--format", "json", "--fail-on", "none");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(srmLines(run)).as(run.toString()).containsExactly(
                "srm: " + counts + ": scenario 'orders-counting' did not finish within 1s: a rule may be looping"
                        + " (rule 'user-refires-for-ever' was firing); check the rules given with --rules or --extra-rules",
                "srm: " + waits + ": scenario 'orders-waiting' did not finish within 1s: a rule may be looping"
                        + " (rule 'user-waits-for-ever' was firing); check the rules given with --rules or --extra-rules");
        assertThat(run.out()).contains("\"id\": \"orders-fine\"").doesNotContain("\"id\": \"orders-waiting\"");
        assertThat(seconds).as("each stopped scenario costs its timeout, not more").isLessThan(20);
    }

    @Test
    void an_action_that_cannot_be_interrupted_is_reported_as_still_running_and_the_run_goes_on() throws IOException {
        Path spins = scenario("spin", "orders-spinning", "spinning-bucket");
        scenario("spin", "orders-fine", "fine-bucket");
        Run run = Run.of("evaluate", dir.resolve("spin").toString(), "--rules", rules.toString(), "--timeout", "300ms",
                "--format", "json", "--fail-on", "none");

        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(srmLines(run)).as(run.toString()).containsExactly(
                "srm: " + spins + ": scenario 'orders-spinning' did not finish within 300ms: a rule may be looping"
                        + " (rule 'user-spins-in-its-action' was firing); its evaluation could not be stopped and keeps a"
                        + " thread busy until srm exits; check the rules given with --rules or --extra-rules");
        assertThat(run.out()).contains("\"id\": \"orders-fine\"");
    }

    @Test
    void audit_and_test_report_the_stopped_scenario_and_the_others() throws IOException {
        Path waits = scenario("audit", "orders-waiting", "waiting-bucket");
        scenario("audit", "orders-fine", "fine-bucket");

        Run audit = Run.of("audit", dir.resolve("audit").toString(), "--rules", rules.toString(), "--timeout", "1s",
                "--format", "json", "--no-progress");
        assertThat(audit.code()).as(audit.toString()).isEqualTo(3);
        assertThat(audit.out()).contains("\"orders-fine\"", "scenario 'orders-waiting' did not finish within 1s");
        assertThat(audit.clean()).as(audit.toString()).isTrue();

        Run test = Run.of("test", dir.resolve("audit").toString(), "--rules", rules.toString(), "--timeout", "1s");
        assertThat(test.code()).as(test.toString()).isEqualTo(3);
        assertThat(test.err() + test.out()).contains(waits + ": scenario 'orders-waiting' did not finish within 1s");
        assertThat(test.clean()).as(test.toString()).isTrue();
    }

    @Test
    void triage_names_the_incident_it_stopped_on() throws IOException {
        Path d = Files.createDirectories(dir.resolve("triage"));
        Path incident = Files.writeString(d.resolve("incident.yaml"), """
                srm: 1
                id: orders-exposed
                resources:
                  - id: waiting-bucket
                    type: AWS::S3::Bucket
                incident:
                  id: inc-7
                  resource: waiting-bucket
                  kind: data-exposure
                  summary: Objects were listed from an unknown IP
                """);
        Run run = Run.of("triage", incident.toString(), "--rules", rules.toString(), "--timeout", "1s");
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(srmLines(run)).as(run.toString()).containsExactly(
                "srm: " + incident + ": incident 'inc-7' did not finish within 1s: a rule may be looping"
                        + " (rule 'user-waits-for-ever' was firing); check the rules given with --rules or --extra-rules");
    }

    @Test
    void a_timeout_that_is_not_a_duration_is_a_usage_error() {
        Run run = Run.of("evaluate", "scenarios/study", "--timeout", "ten minutes");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'ten minutes' is not a duration (expected a number and a unit ms, s, m or h,"
                + " for example 30s or 10m)");
        assertThat(Run.of("evaluate", "scenarios/study", "--timeout", "0s").err()).contains("the timeout must be at least 1ms");
        assertThat(Run.of("evaluate", "scenarios/study", "--timeout", "2d").code()).isEqualTo(2);
    }
}
