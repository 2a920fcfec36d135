package dev.srm.input.cloudformation;

import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSM.1 (srm's ssm-instance-managed) on a template: "By default, AWS Systems Manager doesn't have permission to
 * perform actions on your instances": the SSM Agent registers with the credentials of the instance profile's role, so
 * the role must allow ssm:UpdateInstanceInformation and the agent's message channel (ec2messages or ssmmessages), as
 * AmazonSSMManagedInstanceCore does. SSM.1 was MET for every instance with an instance profile, a role that only reads
 * S3 included.
 */
class SsmAgentPermissionsTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-ssm/ssm-agent-permissions.yaml");
    private static final String CONTROL = "ssm-instance-managed";

    @Test
    void the_role_of_the_instance_profile_must_let_the_agent_register_and_take_commands() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        // AmazonSSMManagedInstanceCore on the profile's role
        assertThat(t.status("AppServer", CONTROL)).isEqualTo(Status.MET);
        assertThat(t.resource("AppServer").control(CONTROL).evidence())
                .anyMatch(e -> e.contains("role CoreRole of instance profile CoreProfile allows the SSM Agent to register (AmazonSSMManagedInstanceCore)"));
        // an inline policy with ssm:UpdateInstanceInformation and the ssmmessages actions; the profile named by its name
        assertThat(t.status("BastionHost", CONTROL)).isEqualTo(Status.MET);
        // a customer managed policy of the stack that names the role by its RoleName (ec2messages:*)
        assertThat(t.status("BatchWorker", CONTROL)).isEqualTo(Status.MET);
        assertThat(t.resource("BatchWorker").control(CONTROL).evidence()).anyMatch(e -> e.contains("policy AgentPolicy"));
    }

    @Test
    void a_role_that_grants_none_of_it_fails_ssm_1_and_the_evidence_names_the_role_and_its_policies() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        assertThat(t.status("ReportServer", CONTROL)).isEqualTo(Status.MISSING);
        assertThat(t.resource("ReportServer").control(CONTROL).evidence()).anyMatch(e -> e.startsWith("NOT_MET: role ReportRole of instance profile"
                + " ReportProfile (policies: AmazonS3ReadOnlyAccess, inline report-bucket-write) does not allow ssm:UpdateInstanceInformation"));
        // registering alone: the agent takes no commands without ec2messages or ssmmessages
        assertThat(t.status("InventoryServer", CONTROL)).isEqualTo(Status.MISSING);
        assertThat(t.resource("InventoryServer").control(CONTROL).evidence())
                .anyMatch(e -> e.contains("allows the SSM Agent to register but not to take its commands"));
        assertThat(t.evaluation().findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(CONTROL);
            assertThat(f.resource()).isEqualTo("ReportServer");
        });
        // no instance profile at all, as before
        assertThat(t.status("BareServer", CONTROL)).isEqualTo(Status.MISSING);
    }

    @Test
    void a_policy_or_profile_outside_the_template_leaves_ssm_1_undecided() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        assertThat(t.status("LegacyServer", CONTROL)).isEqualTo(Status.UNKNOWN);
        assertThat(t.resource("LegacyServer").control(CONTROL).evidence())
                .anyMatch(e -> e.contains("depends on its policy arn:aws:iam::123456789012:policy/platform/ec2-baseline"));
        assertThat(t.status("ImportedServer", CONTROL)).isEqualTo(Status.UNKNOWN);
        assertThat(t.resource("ImportedServer").control(CONTROL).evidence())
                .anyMatch(e -> e.contains("instance profile ops-managed-ec2 (or its role) is not in the input"));
        assertThat(t.evaluation().findings()).noneMatch(f -> f.rule().equals(CONTROL)
                && (f.resource().equals("LegacyServer") || f.resource().equals("ImportedServer")));
    }
}
