package dev.srm.cli;

import dev.srm.model.RuleActionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user rule that throws on one input (its action, or one of its conditions) fails that input,
 * not the batch: the input gets one line naming the rule, the exception and the rules to check,
 * the others are evaluated and reported, and the exit code is INPUT's. Before, the first such
 * exception ended the whole run with "internal error" (exit 1) and no report at all.
 */
class RuleFailureTest {
    /** A bank's policy pack whose rules assume every cost-center tag is a number. */
    private static final String POLICY = """
            package bank.costs;
            import dev.srm.facts.*;
            import dev.srm.engine.dsl.Srm;

            rule "bank-large-cost-centers-need-an-owner"
                @kind("policy")
                @title("Resources of a large cost center (above 5000) name their owner")
                @source("https://wiki.example.com/cloud/cost-centers")
            when
                $res : Resource( tags.containsKey("cost-center"), !tags.containsKey("owner") )
            then
                if (Integer.parseInt($res.tags().get("cost-center")) > 5000) {
                    Srm.finding(drools, $res.id(), Severity.MEDIUM, "iam-access-control", "CUSTOMER",
                            "No owner for a large cost center", "Tag the resource with owner.");
                }
            end
            """;

    /** The same assumption made in a condition. */
    private static final String CONDITION = """
            package bank.costs;
            import dev.srm.facts.*;
            import dev.srm.engine.dsl.Srm;

            rule "bank-cost-center-range"
                @kind("policy")
                @title("Cost centers are numbered from 1000")
                @source("https://wiki.example.com/cloud/cost-centers")
            when
                $res : Resource( tags.containsKey("cost-center"), Integer.parseInt(tags.get("cost-center")) < 1000 )
            then
                Srm.finding(drools, $res.id(), Severity.LOW, "iam-access-control", "CUSTOMER",
                        "Cost center out of range", "Use the finance team's cost-center number.");
            end
            """;

    @TempDir
    Path dir;
    Path batch;

    @BeforeEach
    void scenarios() throws IOException {
        batch = Files.createDirectories(dir.resolve("accounts"));
        bucket("analytics", "analytics-exports", "7310");
        bucket("marketing", "campaign-assets", "marketing"); // a name where the rules expect a number
        bucket("payments", "payment-archive", "1200");
    }

    private void bucket(String id, String bucket, String costCenter) throws IOException {
        Files.writeString(batch.resolve(id + ".yaml"), """
                srm: 1
                id: %s
                title: The %s bucket
                resources:
                  - id: %s
                    type: AWS::S3::Bucket
                    tags: {cost-center: '%s'}
                    configuration:
                      BucketName: example-%s
                """.formatted(id, bucket, bucket, costCenter, bucket));
    }

    private Path rules(String drl) throws IOException {
        Path d = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(d.resolve("costs.drl"), drl);
        return d;
    }

    private static long srmLines(CliRun run) {
        return run.err().lines().filter(l -> l.startsWith("srm: ")).count();
    }

    @Test
    void an_action_that_throws_fails_its_input_and_the_batch_reports_the_others() throws IOException {
        CliRun run = CliRun.of("evaluate", batch.toString(), "--extra-rules", rules(POLICY).toString(), "--format", "json",
                "--fail-on", "none");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.clean()).as(run.err()).isTrue();
        assertThat(srmLines(run)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("srm: " + batch.resolve("marketing.yaml") + ": rule 'bank-large-cost-centers-need-an-owner'"
                + " failed on scenario 'marketing': NumberFormatException: For input string: \"marketing\";"
                + " check the rules given with --rules or --extra-rules");
        assertThat(run.out()).contains("\"id\": \"analytics\"", "\"id\": \"payments\"", "No owner for a large cost center")
                .doesNotContain("\"id\": \"marketing\"");
    }

    @Test
    void an_audit_counts_the_input_as_failed_and_evaluates_the_rest() throws IOException {
        Path out = dir.resolve("audit");
        CliRun run = CliRun.of("audit", batch.toString(), "--extra-rules", rules(POLICY).toString(), "--out", out.toString(),
                "--fail-on", "none");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("srm audit: 2 scenarios", "1 input failed",
                "marketing.yaml: rule 'bank-large-cost-centers-need-an-owner' failed on scenario 'marketing'");
    }

    @Test
    void a_condition_that_throws_names_its_rule_too() throws IOException {
        CliRun run = CliRun.of("evaluate", batch.toString(), "--extra-rules", rules(CONDITION).toString(), "--fail-on", "none");

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(srmLines(run)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("srm: " + batch.resolve("marketing.yaml") + ": rule 'bank-cost-center-range' failed on"
                + " scenario 'marketing': ConstraintEvaluationException: Error evaluating constraint", "--extra-rules");
        assertThat(run.out()).contains("2 scenarios");
    }

    @Test
    void an_embedder_reading_json_lines_gets_the_failure_as_the_lines_problem_as_a_spark_task_does() throws IOException {
        var srm = dev.srm.testing.Packs.LOADER.load(dev.srm.api.SrmOptions.bundled().withExtraRules(rules(POLICY)));
        String line = "{\"srm\": 1, \"id\": \"marketing\", \"resources\": [{\"id\": \"campaign-assets\", \"service\": \"S3\","
                + " \"tags\": {\"cost-center\": \"marketing\"}}]}";

        var result = srm.evaluateLine("inventory.jsonl", 7, line.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);

        assertThat(result.evaluations()).isEmpty();
        assertThat(result.problems()).extracting(Object::toString).containsExactly("inventory.jsonl:7: rule"
                + " 'bank-large-cost-centers-need-an-owner' failed on scenario 'marketing': NumberFormatException: For input string:"
                + " \"marketing\"; check the rules given with --rules or --extra-rules");
    }

    @Test
    void a_bundled_rule_that_throws_is_called_a_bug_in_srm() {
        var e = new RuleActionException("s3-versioning", true, "scenario 'shop'", "shop.yaml", new NullPointerException());
        assertThat(e.problem().toString()).isEqualTo("shop.yaml: rule 's3-versioning' failed on scenario 'shop':"
                + " NullPointerException; the rule is one of srm's own: a bug in srm, please report it");
    }
}
