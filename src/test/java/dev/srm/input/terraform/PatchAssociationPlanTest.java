package dev.srm.input.terraform;

import dev.srm.input.mapping.Unknown;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSM.2 (srm's ec2-guest-os-patching) on a Terraform plan: an {@code aws_ssm_association} running
 * AWS-RunPatchBaseline with Operation Install shows the managed patch process for the instances it
 * targets, as an AWS::SSM::Association does in a template. The type had no mapping, so every
 * instance of a plan stayed UNKNOWN whatever association patched it. An instance id known only after
 * apply is read from the configuration's references, and only where they show which instance it
 * is: the association is never taken to name an instance it may not name.
 * (plan-ssm-patch-associations.json: the AWS provider 5.x schema of aws_ssm_association, whose
 * {@code parameters} is a map of text and {@code targets} a list of key/values blocks.)
 */
class PatchAssociationPlanTest {
    private static final Path PLAN = Path.of("src/test/resources/terraform/mapped/plan-ssm-patch-associations.json");
    private static final String CONTROL = "ec2-guest-os-patching";

    private static List<Evaluation> evaluate() throws Exception {
        return Packs.srm().evaluate(PLAN.toString(), Files.readAllBytes(PLAN), InputFormat.terraform, false);
    }

    @Test
    void an_install_association_meets_ssm_2_on_the_instances_it_names_by_reference_by_id_or_by_tag() throws Exception {
        List<Evaluation> e = evaluate();
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("no srm mapping"));
        // targets { key = "InstanceIds", values = [aws_instance.web.id] }: an id known only after apply
        ControlResult web = control(e, "aws_instance.web", CONTROL);
        assertThat(web.status()).as("%s", web.evidence()).isEqualTo(Status.MET);
        assertThat(web.evidence()).anyMatch(x -> x.startsWith(
                "MET: State Manager association aws_ssm_association.web runs AWS-RunPatchBaseline with Operation Install on it"));
        // an instance the plan does not replace: its id is known, and names it by value
        assertThat(control(e, "aws_instance.reporting", CONTROL).evidence()).anyMatch(x -> x.contains("aws_ssm_association.reporting"));
        assertThat(control(e, "aws_instance.reporting", CONTROL).status()).isEqualTo(Status.MET);
        // the deprecated instance_id = aws_instance.bastion.id
        assertThat(control(e, "aws_instance.bastion", CONTROL).status()).isEqualTo(Status.MET);
        // targets { key = "tag:PatchGroup", values = ["db-prod"] } and the instance's tags
        assertThat(control(e, "aws_instance.db", CONTROL).evidence()).anyMatch(x -> x.contains("aws_ssm_association.db_group"));
        assertThat(control(e, "aws_instance.db", CONTROL).status()).isEqualTo(Status.MET);
        // one instance of a for_each: aws_instance.node["a"].id names that one, not its sibling
        assertThat(control(e, "aws_instance.node/a", CONTROL).status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_instance.node/b", CONTROL).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_instance_id_the_plan_does_not_show_leaves_the_control_as_without_the_association() throws Exception {
        List<Evaluation> e = evaluate();
        // values = aws_instance.app[*].id lists aws_instance.app only, as a for expression that filters would;
        // values = [local.batch_instance_id]: a plan holds no local values
        for (String instance : List.of("aws_instance.app/0", "aws_instance.app/1", "aws_instance.batch")) {
            ControlResult c = control(e, instance, CONTROL);
            assertThat(c.status()).as(instance + ": %s", c.evidence()).isEqualTo(Status.UNKNOWN);
            assertThat(c.evidence()).as(instance).noneMatch(x -> x.contains("State Manager association"))
                    .anyMatch(x -> x.startsWith("ABSENT: patching in [patch-manager, automated]"));
        }
        // Operation Scan reports missing patches and installs none
        assertThat(control(e, "aws_instance.staging", CONTROL).evidence()).noneMatch(x -> x.contains("aws_ssm_association.staging_scan"));
        assertThat(control(e, "aws_instance.staging", CONTROL).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_association_is_read_as_cloudformation_writes_it() throws Exception {
        Scenario s = TerraformReaderTest.read("mapped/plan-ssm-patch-associations.json").scenario();
        ResourceSpec web = TerraformReaderTest.resource(s, "aws_ssm_association.web");
        assertThat(web.type()).isEqualTo("AWS::SSM::Association");
        assertThat(TerraformReaderTest.settings(web)).containsEntry("Name", "AWS-RunPatchBaseline")
                .containsEntry("AssociationName", "patch-web").containsEntry("ScheduleExpression", "cron(0 3 ? * SUN *)")
                .containsEntry("Parameters.Operation", "Install").containsEntry("Parameters.RebootOption", "RebootIfNeeded")
                .containsEntry("Targets[0].Key", "InstanceIds").containsEntry("Targets[0].Values[0]", "aws_instance.web")
                .doesNotContainKey("DocumentVersion"); // left out: the document's default version, as in a template
        assertThat(TerraformReaderTest.settings(TerraformReaderTest.resource(s, "aws_ssm_association.node_a")))
                .containsEntry("Targets[0].Values[0]", "aws_instance.node/a");
        // a tag's value is no instance id, whatever it is
        assertThat(TerraformReaderTest.settings(TerraformReaderTest.resource(s, "aws_ssm_association.db_group")))
                .containsEntry("Targets[0].Key", "tag:PatchGroup").containsEntry("Targets[0].Values[0]", "db-prod");
        // two ids known only after apply that the configuration names only as aws_instance.app stay unknown
        assertThat(TerraformReaderTest.settings(TerraformReaderTest.resource(s, "aws_ssm_association.app")))
                .containsEntry("Targets[0].Values[0]", Unknown.MARKER).containsEntry("Targets[0].Values[1]", Unknown.MARKER);
        assertThat(TerraformReaderTest.settings(TerraformReaderTest.resource(s, "aws_ssm_association.bastion")))
                .containsEntry("InstanceId", "aws_instance.bastion");
    }
}
