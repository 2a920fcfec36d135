package dev.srm.input.config;

import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM.1 and KMS.1 on AWS Config items of customer managed policies: Security Hub runs their rules with
 * excludePermissionBoundaryPolicy true, so a policy attached to nothing and used as a permissions boundary
 * (attachmentCount 0, permissionsBoundaryUsageCount 3) is not evaluated; it was MISSING for both. The same
 * document attached to a role still fails them.
 */
class PermissionsBoundaryPolicyTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final String POLICY = "arn:aws:iam::444455556666:policy/";

    @Test
    void a_policy_used_only_as_a_permissions_boundary_is_not_evaluated_by_iam_1_and_kms_1() throws Exception {
        List<Evaluation> e = Packs.srm().evaluate("iam-permissions-boundaries.json",
                Files.readAllBytes(DIR.resolve("iam-permissions-boundaries.json")), InputFormat.config, false);
        assertThat(e).hasSize(1);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("unknown configuration key"));
        for (String control : List.of("iam-no-admin-policy", "kms-managed-policy-no-decrypt-all-keys")) {
            assertThat(status(e.get(0), POLICY + "developer-boundary", control)).as(control).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(status(e.get(0), POLICY + "break-glass-admin", control)).as(control).isEqualTo(Status.MISSING);
        }
    }

    private static Status status(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource)).status();
    }
}
