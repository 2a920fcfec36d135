package dev.srm.input.terraform;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import dev.srm.testing.Results;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2.170 on a plan's launch templates. The provider's {@code metadata_options} is computed, so a
 * template whose configuration leaves it out shows it known only after apply; the launch template
 * then has no metadata options at all, which the Config rule fails ("Metadata version is not
 * specified as V2"), as srm already said for a CloudFormation launch template without
 * MetadataOptions. The plan said UNKNOWN ("may be absent"), as a review on terraform-compliance's
 * plans found.
 */
class LaunchTemplateMetadataPlanTest {
    private static List<Evaluation> plan() throws Exception {
        Path p = Path.of("src/test/resources/terraform/mapped/plan-launch-template-metadata.json");
        return Packs.srm().evaluate(p.getFileName().toString(), Files.readAllBytes(p), InputFormat.auto, false);
    }

    @Test
    void a_launch_template_the_configuration_gives_no_metadata_options_does_not_require_imdsv2() throws Exception {
        ControlResult ec2170 = Results.control(plan(), "aws_launch_template.checkout", "ec2-launch-template-imdsv2");
        assertThat(ec2170.status()).as("%s", ec2170.evidence()).isEqualTo(Status.MISSING);
        assertThat(ec2170.evidence()).anySatisfy(e -> assertThat(e).contains("found it not set"));
    }

    @Test
    void one_that_sets_http_tokens_required_does() throws Exception {
        assertThat(Results.control(plan(), "aws_launch_template.payments", "ec2-launch-template-imdsv2").status()).isEqualTo(Status.MET);
    }
}
