package dev.srm.engine;

import dev.srm.facts.Resource;
import dev.srm.input.cloudformation.CloudFormationReader;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2.12 of an Elastic IP reads the user data of the stack's instances, launch templates and launch
 * configurations (srm key eipsOfUserData). A large scenario split into parts must give every part of a
 * scenario where a launcher has that key the launchers (the rule declares @readsAcrossFor("setting:eipsOfUserData"):
 * an AWS Config inventory, which never has it, keeps its instances in parts), and an EIP alone in its part answers as
 * in one session.
 */
class EipUserDataPartsTest {
    private static final Set<String> LAUNCHERS = Set.of("AWS::EC2::Instance", "AWS::EC2::LaunchTemplate",
            "AWS::AutoScaling::LaunchConfiguration");

    @Test
    void every_part_of_a_scenario_with_an_elastic_ip_holds_the_launchers_and_the_scenario_is_still_split() throws Exception {
        ScenarioParts.CrossReads bundled = ScenarioParts.CrossReads.of(dev.srm.rules.RuleSources.bundled());

        // the rule reads settings without naming their resource: without its @readsAcross no scenario would be split
        assertThat(bundled.any()).isFalse();
        for (String launcher : LAUNCHERS) {
            assertThat(bundled.shares(new Resource("Bastion", "EC2", launcher, Map.of()), Set.of("AWS::EC2::EIP", launcher,
                    ScenarioParts.SETTING + "eipsOfUserData"))).as(launcher).isTrue();
            assertThat(bundled.shares(new Resource("Bastion", "EC2", launcher, Map.of()), Set.of("AWS::EC2::EIP", launcher)))
                    .as("%s without the key", launcher).isFalse();
        }
    }

    @Test
    void an_eip_in_a_part_of_its_own_is_unknown_as_in_one_session() throws Exception {
        Evaluator parts = new Evaluator(dev.srm.testing.Packs.bundled(), 1);
        Evaluator whole = new Evaluator(dev.srm.testing.Packs.bundled(), Integer.MAX_VALUE);
        for (String file : List.of("bastion-launch-template.yaml", "linux-bastion-quick-start.yaml", "bastion-instance-join.json")) {
            Path p = Path.of("src/test/resources/templates-eip", file);
            Scenario s = new CloudFormationReader().read(p.toString(), Files.readAllBytes(p)).get(0);
            Evaluation split = parts.evaluate(s);

            assertThat(split).as(file).isEqualTo(whole.evaluate(s));
            List<ControlResult> ec212 = split.resources().stream().flatMap(r -> r.controls().stream())
                    .filter(c -> c.id().equals("ec2-unused-eip-removed")).toList();
            assertThat(ec212).as(file).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.UNKNOWN));
        }
    }
}
