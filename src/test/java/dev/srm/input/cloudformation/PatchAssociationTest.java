package dev.srm.input.cloudformation;

import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSM.2 (srm's ec2-guest-os-patching): a template cannot show an instance's patch compliance,
 * but it can show the process, a State Manager association running AWS-RunPatchBaseline with
 * Operation Install on the instance. Every instance of a template was a HIGH finding, whatever
 * associations it held, because only srm's own scenario key {@code patching} was read.
 */
class PatchAssociationTest {
    private static final Path WEB_TIER = Path.of("src/test/resources/templates-ssm/web-tier-patching.yaml");

    @Test
    void an_instance_an_install_association_targets_by_id_or_by_tag_is_patched_by_a_managed_process() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(WEB_TIER, TemplateParameters.NONE);
        assertThat(t.status("WebServer", "ec2-guest-os-patching")).as("Targets InstanceIds: !Ref WebServer").isEqualTo(Status.MET);
        assertThat(t.status("TaggedServer", "ec2-guest-os-patching")).as("Targets tag:PatchGroup web-prod").isEqualTo(Status.MET);
        assertThat(t.resource("TaggedServer").control("ec2-guest-os-patching").evidence())
                .anyMatch(e -> e.contains("State Manager association PatchProdGroup runs AWS-RunPatchBaseline with Operation Install"));
        // an association of several targets is not read from one of them (the canary carries the patch group only);
        // PatchProdGroup, one target, covers it
        assertThat(t.resource("CanaryServer").control("ec2-guest-os-patching").evidence())
                .noneMatch(e -> e.contains("PatchProdRingOne")).anyMatch(e -> e.contains("PatchProdGroup"));
        // Operation Scan reports missing patches and installs none: no managed patch process
        assertThat(t.status("UnpatchedServer", "ec2-guest-os-patching")).isEqualTo(Status.MISSING);
        assertThat(t.evaluation().findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("ec2-guest-os-patching");
            assertThat(f.resource()).isEqualTo("UnpatchedServer");
        }).noneMatch(f -> f.rule().equals("ec2-guest-os-patching") && !f.resource().equals("UnpatchedServer"));
    }

    /** SSM.2 is judged on the Auto Scaling group whose instances are patched: a tag it propagates at launch is theirs. */
    @Test
    void an_auto_scaling_groups_instances_are_patched_through_a_tag_the_group_propagates_at_launch() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(Path.of("src/test/resources/templates-ssm/web-fleet-patching.yaml"), TemplateParameters.NONE);
        assertThat(t.status("WebFleet", "ec2-guest-os-patching")).isEqualTo(Status.MET);
        assertThat(t.resource("WebFleet").control("ec2-guest-os-patching").evidence())
                .anyMatch(e -> e.contains("State Manager association PatchWebProd runs AWS-RunPatchBaseline with Operation Install on the"
                        + " instances the group launches"));
        // the same tag kept on the group (PropagateAtLaunch false) is not on its instances
        assertThat(t.status("BatchFleet", "ec2-guest-os-patching")).isEqualTo(Status.MISSING);
        // a launch template is no instance of its own
        assertThat(t.resource("WebLaunchTemplate").controls()).noneMatch(c -> c.id().equals("ec2-guest-os-patching"));
    }
}
