package dev.srm.controls;

import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EFS.2 ("in a backup plan") passes for a file system that an AWS Backup selection takes in, as
 * well as for one with automatic backups; EFS.7 asks for the automatic backups alone. The template
 * (src/test/resources/templates-backup) takes file systems in the ways teams write it: an ARN from
 * Fn::GetAtt, an ARN built with Fn::Sub, a ListOfTags tag, and a wildcard narrowed by a Conditions
 * tag with one file system excluded by NotResources. Before, the two controls were one, and every
 * file system here without automatic backups was MISSING for both.
 */
class BackupSelectionTest {
    private static final Evaluation FARM = Packs.evaluateTemplate(Path.of("src/test/resources/templates-backup/render-farm-storage.yaml"));

    @Test
    void a_file_system_named_by_its_arn_is_in_the_plan_but_still_lacks_automatic_backups() {
        assertThat(control(FARM, "AssetsFs", "efs-in-backup-plan").status()).isEqualTo(Status.MET);
        assertThat(control(FARM, "AssetsFs", "efs-in-backup-plan").evidence())
                .anySatisfy(e -> assertThat(e).contains("backup selection AssetsSelection").contains("Resources names it"));
        assertThat(control(FARM, "AssetsFs", "efs-automatic-backups").status()).isEqualTo(Status.MISSING);
        // the same through an ARN that Fn::Sub builds from the file system's Ref
        assertThat(control(FARM, "ProjectsFs", "efs-in-backup-plan").status()).isEqualTo(Status.MET);
        assertThat(control(FARM, "ProjectsFs", "efs-automatic-backups").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void tags_take_file_systems_in_through_list_of_tags_and_through_conditions() {
        assertThat(control(FARM, "HomeFs", "efs-in-backup-plan").evidence())
                .anySatisfy(e -> assertThat(e).contains("TierSelection").contains("backup-tier=daily"));
        assertThat(control(FARM, "HomeFs", "efs-in-backup-plan").status()).isEqualTo(Status.MET);
        assertThat(control(FARM, "VfxCacheFs", "efs-in-backup-plan").status()).isEqualTo(Status.MET);
        assertThat(control(FARM, "VfxCacheFs", "efs-in-backup-plan").evidence())
                .anySatisfy(e -> assertThat(e).contains("VfxSelection").contains("StringEquals aws:ResourceTag/team vfx holds"));
    }

    @Test
    void not_resources_and_a_tag_of_another_value_leave_a_file_system_out() {
        // tagged team=vfx, but the VFX selection's NotResources names it
        assertThat(control(FARM, "ScratchFs", "efs-in-backup-plan").status()).isEqualTo(Status.MISSING);
        // backup-tier=weekly is not the selection's daily
        assertThat(control(FARM, "LogsFs", "efs-in-backup-plan").status()).isEqualTo(Status.MISSING);
        assertThat(FARM.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("efs-in-backup-plan");
            assertThat(f.resource()).isEqualTo("ScratchFs");
            assertThat(f.owner()).isEqualTo(dev.srm.model.Responsibility.CUSTOMER);
        });
    }

    @Test
    void automatic_backups_meet_both_controls_without_any_selection() {
        assertThat(control(FARM, "ArchiveFs", "efs-in-backup-plan").status()).isEqualTo(Status.MET);
        assertThat(control(FARM, "ArchiveFs", "efs-automatic-backups").status()).isEqualTo(Status.MET);
    }
}
