package dev.srm.controls;

import dev.srm.model.Evaluation;
import dev.srm.model.Responsibility;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control can fail on a resource whose layers no rule decides (SageMaker monitoring job
 * definitions, which the catalogue leaves unclassified). The control was MISSING and yet no
 * finding followed, so a gate on findings passed the template: now the finding is raised, the
 * layer's party UNKNOWN, the owner the control's.
 */
class UnclassifiedFindingsTest {
    @Test
    void a_missing_control_on_an_unclassified_resource_is_a_finding() {
        Evaluation e = Packs.evaluateTemplate(Path.of("src/test/resources/templates-unclassified/model-monitoring.yaml"));
        assertThat(e.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("sagemaker-explainability-job-network-isolation");
            assertThat(f.owner()).isEqualTo(Responsibility.CUSTOMER);
            assertThat(f.layerParty()).isEqualTo(Responsibility.UNKNOWN);
        });
    }
}
