package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** AutoScaling.6's evidence on a mixed instances policy of one type says which: it ended in "[]" without overrides. */
class MixedInstancesPolicyTest {
    private static ControlResult as6(String group) throws Exception {
        return EvaluatedTemplate.of(Path.of("src/test/resources/templates-review/spot-fleet-groups.yaml"), TemplateParameters.of(Map.of()))
                .resource(group).controls().stream().filter(c -> c.id().equals("autoscaling-multiple-instance-types")).findFirst()
                .orElseThrow();
    }

    @Test
    void a_policy_without_overrides_launches_the_launch_templates_one_type() throws Exception {
        ControlResult c = as6("Group");
        assertThat(c.status()).isEqualTo(Status.MISSING);
        assertThat(c.evidence()).containsExactly("NOT_MET: a mixed instances policy without instance type overrides: the group launches"
                + " the one instance type of its launch template");
    }

    @Test
    void a_policy_with_one_override_names_it() throws Exception {
        assertThat(as6("Group2").evidence()).containsExactly("NOT_MET: a mixed instances policy with one instance type, m6i.large");
    }
}
