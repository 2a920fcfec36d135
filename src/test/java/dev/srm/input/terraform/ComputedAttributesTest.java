package dev.srm.input.terraform;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Known after apply" is not "set": Terraform marks an optional, computed attribute that nobody
 * wrote (an instance's iam_instance_profile) as unknown in after_unknown, and it may well stay
 * empty. Only an attribute the configuration sets, to a value another new resource gives, is
 * known to be there.
 */
class ComputedAttributesTest {
    @Test
    void an_attribute_known_after_apply_meets_a_presence_check_only_when_the_configuration_sets_it() throws Exception {
        Path plan = Path.of("src/test/resources/terraform/plan-computed.json");
        List<Evaluation> e = Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);

        ControlResult web = control(e.get(0), "aws_instance.web", "ssm-instance-managed");
        assertThat(web.status()).as("nobody wrote iam_instance_profile: %s", web.evidence()).isEqualTo(Status.UNKNOWN);
        ControlResult worker = control(e.get(0), "aws_instance.worker", "ssm-instance-managed");
        assertThat(worker.status()).as("iam_instance_profile = aws_iam_instance_profile.ssm.name: %s", worker.evidence())
                .isEqualTo(Status.MET);
        // the reference names the plan's profile, whose role the plan gives AmazonSSMManagedInstanceCore (SSM.1 reads the role)
        assertThat(worker.evidence()).anyMatch(x -> x.contains("role aws_iam_role.worker_ssm of instance profile aws_iam_instance_profile.ssm"));
    }
}
