package dev.srm.engine;

import dev.srm.testing.Slow;
import dev.srm.facts.Inventory;
import dev.srm.facts.Resource;
import dev.srm.facts.ScenarioContext;
import dev.srm.facts.Setting;
import dev.srm.rules.RuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the resources of a large scenario go when it is evaluated in parts: the resources that
 * rules read for another resource into every part, those read only for the account's controls
 * into the first part alone (an account of thousands of IAM roles must not put every role into
 * every part: that made a 50,000-resource account quadratic).
 */
@Slow
class ScenarioPartsTest {
    @Test
    void the_bundled_account_controls_read_principals_trails_and_detectors_in_the_first_part_only() throws Exception {
        ScenarioParts.CrossReads reads = ScenarioParts.CrossReads.of(RuleSources.bundled());

        // trails too, but a bucket's CloudTrail.6/.7 read them as well, so they go into every part (below)
        assertThat(reads.accountTypes()).contains("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
                "AWS::GuardDuty::Detector", "AWS::Config::ConfigurationRecorder");
        assertThat(reads.types()).doesNotContain("AWS::IAM::Role")
                // a bucket is judged for CloudTrail.6/.7 when a trail names it: the account's few trails go into every
                // part
                .contains("AWS::CloudTrail::Trail")
                // a bucket reads its policy, a secret its rotation schedule: wherever the bucket or secret is
                .contains("AWS::S3::BucketPolicy", "AWS::SecretsManager::RotationSchedule", "AWS::SQS::QueuePolicy")
                // Lambda.5 and AutoScaling.2 read the zones of the subnets a function or group names
                .contains("AWS::EC2::Subnet")
                // a control's resource read with the satellites that name it: an Elastic IP's associations, a VPC's
                // endpoints, an event bus's policies, an organization's policies
                .contains("AWS::EC2::EIPAssociation", "AWS::EC2::NatGateway", "AWS::EC2::VPCEndpoint",
                        "AWS::Events::EventBusPolicy", "AWS::Organizations::Policy");
        assertThat(reads.any()).isFalse();
    }

    @Test
    void a_rule_that_concludes_about_another_resource_or_does_more_than_srm_calls_keeps_its_reads_in_every_part(
            @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("team.drl"), """
                package team.rules;
                import dev.srm.facts.*;
                import dev.srm.engine.dsl.Srm;

                rule "team-support-role-for-account"
                when
                    Trait( subject == Resource.ACCOUNT, name == "in-scope" )
                    $p : Resource( type == "AWS::IAM::User" )
                then
                    Srm.trait(drools, Resource.ACCOUNT, "has-users");
                end

                rule "team-function-reads-roles"
                when
                    $c : ControlApplies( control == "lambda-function-public-access" )
                    $f : Resource( id == $c.resource() )
                    $p : Resource( type == "AWS::IAM::Role" )
                then
                    Srm.trait(drools, $f.id(), "roles-nearby");
                end

                rule "team-account-and-more"
                when
                    Trait( subject == Resource.ACCOUNT, name == "in-scope" )
                    $k : Resource( type == "AWS::KMS::Key" )
                then
                    Srm.trait(drools, Resource.ACCOUNT, "has-keys");
                    insert(new Trait($k.id(), "seen", "by the account"));
                end
                """);

        ScenarioParts.CrossReads reads = ScenarioParts.CrossReads.of(RuleSources.directory(dir));

        assertThat(reads.accountTypes()).containsExactly("AWS::IAM::User");
        assertThat(reads.types()).containsExactlyInAnyOrder("AWS::IAM::Role", "AWS::KMS::Key");
    }

    @Test
    void settings_read_without_naming_their_resource_stop_the_split_unless_the_rule_says_what_it_reads(@TempDir Path dir)
            throws Exception {
        String rule = """
                package team.rules;
                import dev.srm.facts.*;
                import dev.srm.engine.dsl.Srm;

                rule "team-function-zones"
                    %s
                when
                    ControlApplies( control == "lambda-vpc-multi-az", $r : resource )
                    $zones : java.util.List() from collect( Setting( path == "AvailabilityZone" ) )
                then
                    Srm.trait(drools, $r, "zones-" + $zones.size());
                end
                """;
        Path undeclared = Files.createDirectories(dir.resolve("undeclared"));
        Files.writeString(undeclared.resolve("team.drl"), rule.formatted(""));
        Path declared = Files.createDirectories(dir.resolve("declared"));
        Files.writeString(declared.resolve("team.drl"), rule.formatted("@readsAcross(\"AWS::EC2::Subnet\")"));

        assertThat(ScenarioParts.CrossReads.of(RuleSources.directory(undeclared)).any()).as("any resource may be read").isTrue();
        ScenarioParts.CrossReads reads = ScenarioParts.CrossReads.of(RuleSources.directory(declared));
        assertThat(reads.any()).isFalse();
        assertThat(reads.types()).containsExactly("AWS::EC2::Subnet");
    }

    @Test
    void resources_read_for_the_account_go_to_the_first_part_beyond_its_size_and_shared_ones_to_every_part() {
        ScenarioParts.CrossReads reads = new ScenarioParts.CrossReads(Set.of("AWS::S3::BucketPolicy"), Set.of(),
                Set.of("AWS::IAM::Role"), Set.of(), false);
        List<Object> facts = new ArrayList<>();
        facts.add(new ScenarioContext("one-account", Inventory.COMPLETE));
        facts.add(new Setting(Resource.ACCOUNT, "rootMfa", "rootMfa", "true"));
        for (int i = 0; i < 1_100; i++) {
            facts.add(new Resource("fn-" + i, "Lambda", "AWS::Lambda::Function", Map.of()));
            facts.add(new Setting("fn-" + i, "Runtime", "Runtime", "python3.12"));
        }
        facts.add(new Resource("logs-bucket-policy", "S3", "AWS::S3::BucketPolicy", Map.of()));
        for (int i = 0; i < 300; i++) { // after every function: they would fill a fourth part if they counted
            facts.add(new Resource("role-" + i, "IAM", "AWS::IAM::Role", Map.of()));
            facts.add(new Setting("role-" + i, "ManagedPolicyArns[0]", "ManagedPolicyArns[*]",
                    "arn:aws:iam::aws:policy/AWSSupportAccess"));
        }

        List<List<Object>> parts = ScenarioParts.split(facts, reads, 500);

        assertThat(parts).hasSize(3);
        assertThat(roles(parts.get(0))).isEqualTo(300);
        assertThat(parts.subList(1, 3)).allSatisfy(p -> assertThat(roles(p)).isZero());
        assertThat(parts).allSatisfy(p -> {
            assertThat(p).contains(facts.get(0), facts.get(1)); // context and account settings
            assertThat(p).anySatisfy(f -> assertThat(f).isInstanceOf(Resource.class)
                    .extracting("id").isEqualTo("logs-bucket-policy"));
        });
        assertThat(parts.stream().mapToLong(p -> p.stream().filter(f -> f instanceof Resource r
                && r.type().equals("AWS::Lambda::Function")).count())).containsExactly(500L, 500L, 100L);
        // the role's setting travels with the role
        assertThat(parts.get(0)).contains(new Setting("role-299", "ManagedPolicyArns[0]", "ManagedPolicyArns[*]",
                "arn:aws:iam::aws:policy/AWSSupportAccess"));
    }

    /**
     * A permission is judged with its function when the function is in the input, so every part must hold the
     * functions, but only when the scenario has a permission at all: an AWS Config inventory of thousands of
     * functions and no permissions was split no more (LargeScenarioTest 30 s -> 51 s) until the bundled rules said so
     * with {@code @readsAcrossFor("AWS::Lambda::Permission")}.
     */
    @Test
    void functions_go_into_every_part_only_of_a_scenario_that_holds_a_permission() throws Exception {
        ScenarioParts.CrossReads bundled = ScenarioParts.CrossReads.of(dev.srm.rules.RuleSources.bundled());
        assertThat(bundled.types()).doesNotContain("AWS::Lambda::Function", "AWS::EC2::NetworkAcl")
                // the ECS user-data rules read them for clusters only: an inventory of thousands of instances keeps them in
                // parts (4x slower with 2,000 instances when a Resource pattern shared them everywhere)
                .doesNotContain("AWS::EC2::Instance", "AWS::EC2::LaunchTemplate", "AWS::AutoScaling::LaunchConfiguration");
        assertThat(bundled.typesFor()).containsEntry("AWS::EC2::Instance", Set.of("setting:ecsClustersOfUserData", "setting:eipsOfUserData"));
        List<Object> fleet = new ArrayList<>();
        fleet.add(new ScenarioContext("one-account", Inventory.COMPLETE));
        for (int i = 0; i < 1_000; i++) {
            fleet.add(new Resource("i-" + i, "EC2", "AWS::EC2::Instance", Map.of()));
        }
        fleet.add(new Resource("bastion-eip", "EC2", "AWS::EC2::EIP", Map.of()));
        assertThat(ScenarioParts.split(fleet, bundled, 500)).as("an inventory's instances and an EIP (itself in every part): no user-data key").hasSize(2);
        fleet.add(new Setting("i-0", "eipsOfUserData[0]", "eipsOfUserData[*]", "bastion-eip"));
        assertThat(ScenarioParts.split(fleet, bundled, 500)).as("a user data naming the EIP: every part reads the instances").hasSize(1);
        assertThat(bundled.typesFor()).containsEntry("AWS::Lambda::Function", Set.of("AWS::Lambda::Permission"))
                .containsEntry("AWS::EC2::NetworkAcl", Set.of("AWS::EC2::NetworkAclEntry"));

        List<Object> functions = new ArrayList<>();
        functions.add(new ScenarioContext("one-account", Inventory.COMPLETE));
        for (int i = 0; i < 1_000; i++) {
            functions.add(new Resource("fn-" + i, "Lambda", "AWS::Lambda::Function", Map.of()));
        }
        assertThat(ScenarioParts.split(functions, bundled, 500)).hasSize(2);

        List<Object> withPermission = new ArrayList<>(functions);
        withPermission.add(new Resource("fn-0-invoke", "Lambda", "AWS::Lambda::Permission", Map.of()));
        withPermission.add(new Resource("queue-" + 1, "SQS", "AWS::SQS::Queue", Map.of()));
        assertThat(ScenarioParts.split(withPermission, bundled, 500)).as("the functions shared, the rest one part").hasSize(1);
    }

    /**
     * Every bundled scenario split as finely as it goes (parts of one resource, with what every
     * part shares) answers as one session does: each relationship the scenarios show (a bucket and
     * its policy, an Elastic IP and its association, a function and its subnets, a VPC and its flow
     * logs, the account and its trails) is read across parts.
     */
    @Test
    void every_bundled_scenario_evaluated_in_parts_of_one_resource_answers_as_one_session() throws Exception {
        Evaluator parts = new Evaluator(dev.srm.testing.Packs.bundled(), 1);
        Evaluator whole = new Evaluator(dev.srm.testing.Packs.bundled(), Integer.MAX_VALUE);
        List<String> differ = new ArrayList<>();
        int split = 0;
        for (Path f : dev.srm.run.ScenarioFiles.expand(List.of(Path.of("scenarios"))).files()) {
            for (dev.srm.model.Scenario s : dev.srm.testing.Packs.reader().readAll(f.toString(), Files.readAllBytes(f),
                    dev.srm.input.Format.ofName(f.toString()), 0)) {
                if (s.incident() != null || s.resources().size() < 2) {
                    continue;
                }
                split++;
                if (!parts.evaluate(s).equals(whole.evaluate(s))) {
                    differ.add(f + " " + s.id());
                }
            }
        }
        assertThat(split).isGreaterThan(100);
        assertThat(differ).isEmpty();
    }

    @Test
    void conclusions_and_settings_about_the_account_are_recognised_by_their_subject() {
        assertThat(ScenarioParts.aboutAccount(new Setting(Resource.ACCOUNT, "rootMfa", "rootMfa", "true"))).isTrue();
        assertThat(ScenarioParts.aboutAccount(new dev.srm.facts.Trait(Resource.ACCOUNT, "in-scope", "why"))).isTrue();
        assertThat(ScenarioParts.aboutAccount(new dev.srm.facts.Trait("fn-1", "in-scope", "why"))).isFalse();
        assertThat(ScenarioParts.aboutAccount(new Resource(Resource.ACCOUNT, null, null, Map.of()))).isTrue();
        assertThat(ScenarioParts.aboutAccount(new ScenarioContext("one-account", Inventory.COMPLETE))).isFalse();
        assertThat(ScenarioParts.aboutAccount("a string")).isFalse();
    }

    private static long roles(List<Object> part) {
        return part.stream().filter(f -> f instanceof Resource r && "AWS::IAM::Role".equals(r.type())).count();
    }
}
