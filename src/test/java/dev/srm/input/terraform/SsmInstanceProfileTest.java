package dev.srm.input.terraform;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSM.1 (srm's ssm-instance-managed) on a plan: the instance's iam_instance_profile names an aws_iam_instance_profile
 * (which had no mapping: the profile and its role were not read), whose role gets its policies from
 * aws_iam_role_policy_attachment and aws_iam_role_policy resources. SSM.1 was MET for any instance with a profile.
 */
class SsmInstanceProfileTest {
    private static final Path PLAN = Path.of("src/test/resources/terraform/mapped/plan-ssm-instance-profiles.json");
    private static final String CONTROL = "ssm-instance-managed";

    @Test
    void the_policies_the_plan_attaches_to_the_profiles_role_decide_ssm_1() throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(PLAN.toString(), Files.readAllBytes(PLAN), InputFormat.terraform, false);
        ControlResult app = control(e, "aws_instance.app");
        assertThat(app.status()).as("%s", app.evidence()).isEqualTo(Status.MET);
        assertThat(app.evidence()).anyMatch(x -> x.contains("role aws_iam_role.app of instance profile aws_iam_instance_profile.app allows the SSM Agent"
                + " to register (AmazonSSMManagedInstanceCore)"));
        // an aws_iam_role_policy with the Session Manager actions
        assertThat(control(e, "aws_instance.bastion").status()).isEqualTo(Status.MET);
        // only AmazonS3ReadOnlyAccess attached: the agent cannot register
        ControlResult reports = control(e, "aws_instance.reports");
        assertThat(reports.status()).as("%s", reports.evidence()).isEqualTo(Status.MISSING);
        assertThat(reports.evidence()).anyMatch(x -> x.startsWith("NOT_MET: role aws_iam_role.reports of instance profile aws_iam_instance_profile.reports"
                + " (policies: AmazonS3ReadOnlyAccess) does not allow ssm:UpdateInstanceInformation"));
        // a profile created outside the plan
        assertThat(control(e, "aws_instance.legacy").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_instance_profile_is_read_with_the_role_it_holds() throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(PLAN.toString(), Files.readAllBytes(PLAN), InputFormat.terraform, false);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("aws_iam_instance_profile"));
        ResourceResult profile = e.get(0).resources().stream().filter(r -> r.id().equals("aws_iam_instance_profile.app")).findFirst()
                .orElseThrow(() -> new AssertionError("aws_iam_instance_profile.app is not a resource of the evaluation"));
        assertThat(profile.type()).isEqualTo("AWS::IAM::InstanceProfile");
    }

    private static ControlResult control(List<Evaluation> e, String resource) {
        return e.get(0).resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(c -> c.id().equals(CONTROL)).findFirst().orElseThrow(() -> new AssertionError(CONTROL + " not on " + resource));
    }
}
