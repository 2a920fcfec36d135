package dev.srm.input.cloudformation;

import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SAM function's {@code Policies} item may be an {@code Fn::If} of two policy documents or
 * policy templates: SAM keeps the condition around the inline policies it makes. srm put every
 * intrinsic item among the managed policy ARNs, where it reads nothing: a development-only
 * statement that lets the function decrypt with every key was KMS.2 MET.
 */
class SamConditionalPoliciesTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-sam/conditional-policies.yaml");

    @Test
    void the_branch_the_condition_picks_is_the_roles_inline_policy() throws Exception {
        EvaluatedTemplate dev = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.of(Map.of("Stage", "dev")));
        assertThat(dev.status("RenderInvoiceRole", "kms-inline-policy-no-decrypt-all-keys")).isEqualTo(Status.MISSING);
        assertThat(dev.resource("RenderInvoiceRole").control("kms-inline-policy-no-decrypt-all-keys").evidence())
                .anyMatch(e -> e.contains("Policies[0].PolicyDocument"));

        EvaluatedTemplate prod = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.of(Map.of("Stage", "prod")));
        assertThat(prod.status("RenderInvoiceRole", "kms-inline-policy-no-decrypt-all-keys")).isEqualTo(Status.MET);
        assertThat(prod.evaluation().warnings()).noneMatch(w -> w.contains("ManagedPolicyArns"));
    }
}
