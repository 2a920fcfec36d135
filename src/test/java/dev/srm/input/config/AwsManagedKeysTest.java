package dev.srm.input.config;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static dev.srm.testing.Results.duty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS Config records AWS managed keys as AWS::KMS::Key items with {@code keyManager: AWS}, and
 * other items name them by ARN: a DynamoDB table on the AWS managed key (its SSE description holds
 * the key's ARN), an ECR repository with KMS encryption and no key of its own. Neither gives the
 * customer a key to manage, and neither is the customer managed key a control asks for; before,
 * both read as the customer's own key (any ARN passes "not alias/aws/").
 */
class AwsManagedKeysTest {
    private static final String AWS_ECR_KEY = "arn:aws:kms:eu-west-1:111122223333:key/0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e";
    private static final String CUSTOMER_KEY = "arn:aws:kms:eu-west-1:111122223333:key/5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170";

    private static Evaluation snapshot() throws Exception {
        Path file = Path.of("src/test/resources/config/aws-managed-keys.json");
        List<Evaluation> e = Packs.srm().evaluate(file.toString(), Files.readAllBytes(file), InputFormat.config, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    @Test
    void a_table_or_repository_on_an_aws_managed_key_leaves_key_management_to_aws_and_one_on_the_customers_key_does_not() throws Exception {
        Evaluation e = snapshot();

        assertThat(duty(e, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders", "key-management").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, "arn:aws:ecr:eu-west-1:111122223333:repository/orders-api", "key-management").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, "arn:aws:dynamodb:eu-west-1:111122223333:table/billing", "key-management").party()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(e, "arn:aws:ecr:eu-west-1:111122223333:repository/billing-api", "key-management").party()).isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void a_customer_managed_key_control_fails_a_repository_whose_key_is_aws_managed_and_says_why() throws Exception {
        Evaluation e = snapshot();

        ControlResult awsManaged = control(e, "arn:aws:ecr:eu-west-1:111122223333:repository/orders-api", "ecr-kms-encryption");
        assertThat(awsManaged.status()).isEqualTo(Status.MISSING);
        assertThat(awsManaged.evidence()).anySatisfy(ev -> assertThat(ev).startsWith("NOT_MET:").contains(AWS_ECR_KEY)
                .contains("an AWS managed key"));
        assertThat(control(e, "arn:aws:ecr:eu-west-1:111122223333:repository/billing-api", "ecr-kms-encryption").status())
                .isEqualTo(Status.MET);
    }

    @Test
    void an_aws_managed_keys_own_controls_do_not_apply_and_aws_manages_and_keeps_it() throws Exception {
        Evaluation e = snapshot();

        for (String id : List.of("kms-key-rotation", "kms-key-not-public")) {
            ControlResult c = control(e, AWS_ECR_KEY, id);
            assertThat(c.status()).as(id).isEqualTo(Status.NOT_APPLICABLE);
            assertThat(c.reason()).contains("AWS managed key");
        }
        assertThat(duty(e, AWS_ECR_KEY, "key-management").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, AWS_ECR_KEY, "backup-policy").party()).isEqualTo(Responsibility.AWS);
        assertThat(duty(e, AWS_ECR_KEY, "permissions-and-policies").party()).isEqualTo(Responsibility.SHARED);

        assertThat(control(e, CUSTOMER_KEY, "kms-key-rotation").status()).isEqualTo(Status.MET);
        assertThat(duty(e, CUSTOMER_KEY, "key-management").party()).isEqualTo(Responsibility.SHARED); // rotation on: AWS rotates, the customer owns the policy
        assertThat(duty(e, CUSTOMER_KEY, "backup-policy").party()).isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void read_only_attributes_that_config_reports_are_not_taken_for_unknown_keys() throws Exception {
        Evaluation e = snapshot();
        // the repositories' items carry Arn, a read-only attribute (Fn::GetAtt) of AWS::ECR::Repository
        assertThat(e.warnings()).noneSatisfy(w -> assertThat(w).contains("unknown configuration key"));
    }
}
