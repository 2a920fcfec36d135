package dev.srm.engine;

import dev.srm.model.Evaluation;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User rules ({@code --extra-rules}) are compiled by themselves and added to the loaded bundled
 * pack when they can stand alone, and the whole is compiled when they cannot: the decision is
 * made here, the equality of both paths' answers in CompiledPathsAgreeTest.
 */
class UserRulesOnTopTest {
    private static final String S3_NOTICE = """
            package %s;
            import dev.srm.facts.*;
            import dev.srm.engine.dsl.Srm;
            %s
            rule "%s"
                @kind("policy") @title("Buckets are noticed") @source("https://docs.aws.amazon.com/AmazonS3/latest/userguide/")
            when
                $r : Resource( service == "S3" )
            then
                Srm.notice(drools, $r.id(), "seen by %s");
            end
            """;

    private static RuleSources withUserFile(String relative, String content) throws Exception {
        return RuleSources.bundled().plus(RuleSources.of(List.of(new RuleFile("user/" + relative, relative, content))));
    }

    private static final String BUCKET = """
            srm: 1
            id: logs-bucket
            resources:
              - id: logs
                service: S3
                configuration:
                  BucketName: acme-access-logs
                  VersioningConfiguration: {Status: Enabled}
            """;

    @Test
    void rules_in_a_package_of_their_own_are_compiled_alone_and_answer_beside_the_bundled_ones() throws Exception {
        RulePack pack = RulePack.load(withUserFile("notice.drl", S3_NOTICE.formatted("acme.policy", "", "acme-bucket-notice", "acme")));
        assertThat(pack.compiledOnTop()).isTrue();
        assertThat(pack.rules()).containsKey("acme-bucket-notice").containsKey("s3-block-public-access");

        Evaluation e = new Evaluator(pack).evaluate(Packs.parse(BUCKET));
        assertThat(e.resources().get(0).notices()).singleElement().asString().contains("seen by acme");
        Evaluation bundled = Packs.evaluateYaml(BUCKET);
        assertThat(e.resources().get(0).controls()).isEqualTo(bundled.resources().get(0).controls());
        assertThat(e.resources().get(0).layers()).isEqualTo(bundled.resources().get(0).layers());

        // the base was loaded for this pack alone: loading the bundled pack again shows no user rule
        RulePack again = RulePack.load(RuleSources.bundled());
        assertThat(again.compiledOnTop()).isFalse();
        assertThat(again.rules()).doesNotContainKey("acme-bucket-notice");
        assertThat(new Evaluator(again).evaluate(Packs.parse(BUCKET)).resources().get(0).notices()).isEmpty();
    }

    @Test
    void rules_that_cannot_stand_alone_are_compiled_with_the_whole_pack() throws Exception {
        RuleSources bundled = RulePack.withDuties(RuleSources.bundled());
        // a package of the bundled pack: its functions, globals and rule names are the user's to use
        RuleSources samePackage = RuleSources.of(List.of(new RuleFile("user/c.drl", "c.drl",
                S3_NOTICE.formatted("srm.controls", "", "acme-in-controls", "acme"))));
        assertThat(KieCompiler.compileOnTop(bundled, samePackage)).isNull();
        // a declared type lives in a class loader of its own
        RuleSources declares = RuleSources.of(List.of(new RuleFile("user/d.drl", "d.drl",
                S3_NOTICE.formatted("acme.types", "declare Seen\n    id : String\nend\n", "acme-declares", "acme"))));
        assertThat(KieCompiler.compileOnTop(bundled, declares)).isNull();
        // a rule that does not compile by itself
        RuleSources broken = RuleSources.of(List.of(new RuleFile("user/e.drl", "e.drl",
                S3_NOTICE.formatted("acme.broken", "", "acme-broken", "acme").replace("Srm.notice", "Srm.noSuchMethod"))));
        assertThat(KieCompiler.compileOnTop(bundled, broken)).isNull();
    }

    @Test
    void user_data_that_adds_rules_compiled_from_a_table_means_compiling_the_whole() throws Exception {
        RuleSources sources = RuleSources.bundled().plus(RuleSources.of(List.of(
                new RuleFile("user/notice.drl", "notice.drl", S3_NOTICE.formatted("acme.data", "", "acme-data-notice", "acme")),
                new RuleFile("user/tagging.yaml", "tagging.yaml", """
                        taggingControls:
                          - control: acme-queue-tagged
                            securityHub: SQS.90
                            title: "SQS queues are tagged"
                            types: [AWS::SQS::Queue]
                            source: https://docs.aws.amazon.com/securityhub/latest/userguide/sqs-controls.html
                        """))));
        assertThat(RulePack.onTop(sources, RulePack.withDuties(sources))).isNull();
    }
}
