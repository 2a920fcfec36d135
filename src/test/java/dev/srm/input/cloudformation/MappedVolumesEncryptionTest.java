package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2.3 judges every EBS volume an instance maps. The requirement on {@code BlockDeviceMappings[*].Ebs.Encrypted}
 * judged only the mappings that set it, so a scratch volume that leaves it out beside an encrypted root volume
 * made the instance MET (found reviewing defsec's and terrascan's examples). Such a volume is encrypted only if
 * the account's EBS encryption by default is on, which is off until the account turns it on.
 */
class MappedVolumesEncryptionTest {
    private static final Path WORKERS = Path.of("src/test/resources/templates-review/batch-workers.yaml");

    private static ControlResult ec23(String instance) throws Exception {
        return EvaluatedTemplate.of(WORKERS, TemplateParameters.of(Map.of())).evaluation().resources().stream()
                .filter(r -> r.id().equals(instance)).findFirst().orElseThrow().controls().stream()
                .filter(c -> c.id().equals("ec2-ebs-encryption")).findFirst().orElseThrow();
    }

    @Test
    void a_mapped_volume_that_leaves_encrypted_out_is_not_shown_encrypted() throws Exception {
        ControlResult scratch = ec23("ScratchWorker");
        assertThat(scratch.status()).isEqualTo(Status.MISSING);
        assertThat(scratch.evidence()).anySatisfy(e -> assertThat(e)
                .startsWith("ABSENT: BlockDeviceMappings[1] leaves Ebs.Encrypted out")
                .contains("the account's EBS encryption by default is on (off unless the account turned it on"));
    }

    @Test
    void every_mapped_volume_encrypted_meets_it() throws Exception {
        assertThat(ec23("SealedWorker").status()).isEqualTo(Status.MET);
    }
}
