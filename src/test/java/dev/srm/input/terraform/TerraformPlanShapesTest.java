package dev.srm.input.terraform;

import dev.srm.input.ReadScenario;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import dev.srm.testing.Results;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan shapes met in public test suites (Checkov's) and in real plans: a nested block's computed
 * attribute the configuration does not set, a plan cut down to planned_values, a split-out
 * resource whose target comes from a local value.
 */
class TerraformPlanShapesTest {
    private static final TerraformReader READER = new TerraformReader();

    private static ReadScenario read(String file) throws Exception {
        Path p = Path.of("src/test/resources/terraform", file);
        return READER.readScenario(p.getFileName().toString(), Files.readAllBytes(p));
    }

    @Test
    void an_unknown_attribute_of_a_nested_block_is_there_only_when_the_block_in_the_configuration_sets_it() throws Exception {
        ReadScenario r = read("plan-nested-computed.json");
        ResourceSpec cmk = TerraformReaderTest.resource(r.scenario(), "aws_ecr_repository.ledger_api");
        ResourceSpec awsKey = TerraformReaderTest.resource(r.scenario(), "aws_ecr_repository.ledger_worker");
        // kms_key = aws_kms_key.ecr.arn: the key the plan creates (its ARN known after apply), named by its address
        assertThat(TerraformReaderTest.settings(cmk)).containsEntry("EncryptionConfiguration.KmsKey", "aws_kms_key.ecr")
                .containsEntry("EncryptionConfiguration.EncryptionType", "KMS");
        // encryption_type = "KMS" alone: ECR picks the AWS managed key, as for a template that leaves KmsKey out
        // (the mapping says unset: absent): not set, and stated
        assertThat(TerraformReaderTest.settings(awsKey)).doesNotContainKey("EncryptionConfiguration.KmsKey")
                .containsEntry("EncryptionConfiguration.EncryptionType", "KMS");
        assertThat(awsKey.stated()).contains("EncryptionConfiguration.KmsKey");
    }

    @Test
    void a_repository_whose_plan_leaves_the_key_to_ecr_is_on_the_aws_managed_key() throws Exception {
        ControlResult ecr5 = ecr5("aws_ecr_repository.ledger_worker");
        assertThat(ecr5.status()).as("%s", ecr5.evidence()).isEqualTo(Status.MISSING); // it was UNKNOWN: the key "may be absent"
    }

    @Test
    void a_key_the_plan_creates_is_a_customer_managed_key_of_the_resources_that_refer_to_it() throws Exception {
        ControlResult ecr5 = ecr5("aws_ecr_repository.ledger_api");
        assertThat(ecr5.status()).as("%s", ecr5.evidence()).isEqualTo(Status.MET);
    }

    /** ECR.5 on a repository of plan-nested-computed.json. */
    private static ControlResult ecr5(String repository) throws Exception {
        Path plan = Path.of("src/test/resources/terraform/plan-nested-computed.json");
        List<Evaluation> e = Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
        return Results.control(e, repository, "ecr-kms-encryption");
    }

    @Test
    void a_plan_cut_down_to_planned_values_is_read_as_a_plan_with_a_warning() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/terraform/checkov/plan-vpc-endpoint-cut.json"));
        assertThat(READER.claims("tfplan.json", bytes)).isTrue();
        ReadScenario r = read("checkov/plan-vpc-endpoint-cut.json");
        ResourceSpec endpoint = TerraformReaderTest.resource(r.scenario(), "aws_vpc_endpoint.test");
        assertThat(endpoint.type()).isEqualTo("AWS::EC2::VPCEndpoint");
        assertThat(TerraformReaderTest.settings(endpoint)).containsEntry("PolicyDocument.Statement[0].Principal", "*");
        assertThat(r.warnings()).anyMatch(w -> w.contains("has no format_version"));
    }

    @Test
    void a_target_known_after_apply_that_no_reference_names_is_not_said_to_be_missing_from_the_plan() throws Exception {
        ReadScenario r = read("checkov/plan-module-local-bucket.json");
        assertThat(r.warnings()).anyMatch(w -> w.contains("module.s3_module.module.inner_s3_module.aws_s3_bucket_public_access_block.var_bucket: "
                + "the aws_s3_bucket it configures is known only after apply and its bucket comes from a local value"))
                .noneMatch(w -> w.contains("is not in this plan"));
    }
}
