package dev.srm.input.terraform;

import dev.srm.input.ReadScenario;
import dev.srm.model.ResourceSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan leaves the resources it destroys out of planned_values: srm assessed the rest and said nothing of them, so a
 * plan that destroys everything (terraform plan -destroy) read as an empty account with "every input was read". They
 * are named in a warning now; a replaced resource is assessed as what it becomes.
 */
class DestroyedResourcesPlanTest {
    @Test
    void resources_the_plan_destroys_are_named_not_silently_dropped() throws Exception {
        Path p = Path.of("src/test/resources/terraform/plan-destroys-a-bucket.json");
        ReadScenario r = new TerraformReader().readScenario(p.getFileName().toString(), Files.readAllBytes(p));
        assertThat(r.scenario().resources()).extracting(ResourceSpec::id)
                .containsExactlyInAnyOrder("aws_s3_bucket.reports", "aws_s3_bucket.staging");
        assertThat(r.warnings()).contains("plan-destroys-a-bucket.json: 1 resource the plan destroys not assessed"
                + " (aws_s3_bucket.legacy_exports): it will not exist after apply");
        assertThat(r.warnings()).noneSatisfy(w -> assertThat(w).contains("aws_s3_bucket.staging"));
    }
}
