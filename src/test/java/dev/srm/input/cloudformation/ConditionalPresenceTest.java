package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static dev.srm.testing.Results.control;
import static dev.srm.testing.Results.duty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property that {@code Fn::If} on a condition srm cannot decide sets in one branch and leaves out
 * ({@code AWS::NoValue}) in the other may not be there at all. A hand-written evidence rule that read
 * it as present ("a KMS key is set") decided nothing: with the key only in production and SSE-SQS off,
 * the queue of every other environment stores messages unencrypted, and SQS.1 was MET. Such evidence
 * is UNKNOWN now, with both the rule's reading and the condition in its words; the customer's key duty
 * the key brings stays (as the world where every conditional part exists says) and a notice says that
 * without the key the service's own key holds the data.
 */
class ConditionalPresenceTest {
    private static final Path QUEUES = Path.of("src/test/resources/templates-conditions/order-events-queues.yaml");

    private static Evaluation queues(Map<String, String> parameters) throws Exception {
        return EvaluatedTemplate.of(QUEUES, TemplateParameters.of(parameters)).evaluation();
    }

    private static Evaluation queues() throws Exception {
        return queues(Map.of());
    }

    @Test
    void a_key_that_only_one_branch_sets_does_not_show_the_queue_encrypted() throws Exception {
        ControlResult sqs1 = control(queues(), "OrderEvents", "sqs-queue-encrypted");
        assertThat(sqs1.status()).as("staging: SSE-SQS off and no key").isEqualTo(Status.UNKNOWN);
        assertThat(sqs1.evidence()).anySatisfy(ev -> assertThat(ev)
                .contains("MET (encrypted at rest by KmsMasterKeyId) only if KmsMasterKeyId is there")
                .contains("condition 'IsProd'"));
        assertThat(queues().findings()).noneSatisfy(f -> assertThat(f.rule() + "/" + f.resource())
                .isEqualTo("sqs-queue-encrypted/OrderEvents"));
    }

    @Test
    void the_key_duty_stays_the_customers_with_a_notice_that_names_the_other_branch() throws Exception {
        Evaluation e = queues();
        assertThat(duty(e, "AuditEvents", "key-management").party()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(e.resources().stream().filter(r -> r.id().equals("AuditEvents")).findFirst().orElseThrow().notices())
                .anySatisfy(n -> assertThat(n)
                        .startsWith("who holds duty key-management depends on a condition srm cannot decide: CUSTOMER if KmsMasterKeyId is set")
                        .contains("AWS owned key) if not")
                        .contains("condition 'IsProd'"));
    }

    @Test
    void a_key_chosen_between_the_customers_and_the_aws_managed_one_and_a_trails_optional_key_say_so_too() throws Exception {
        Evaluation e = EvaluatedTemplate.of(Path.of("src/test/resources/templates-conditions/orders-keys-by-switch.yaml"),
                TemplateParameters.of(Map.of())).evaluation();
        assertThat(notices(e, "OrdersQueue")).anySatisfy(n -> assertThat(n)
                .contains("CUSTOMER where KmsMasterKeyId names a customer managed key, the service's where it names an AWS managed key")
                .contains("alias/aws/sqs"));
        assertThat(notices(e, "AuditTrail")).anySatisfy(n -> assertThat(n)
                .startsWith("who holds duty key-management depends on a condition srm cannot decide: CUSTOMER if KMSKeyId is set"));
    }

    private static java.util.List<String> notices(Evaluation e, String id) {
        return e.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().notices();
    }

    @Test
    void with_the_condition_decided_the_answers_are_plain() throws Exception {
        Evaluation prod = queues(Map.of("Environment", "prod"));
        assertThat(control(prod, "OrderEvents", "sqs-queue-encrypted").status()).isEqualTo(Status.MET);
        Evaluation staging = queues(Map.of("Environment", "staging"));
        assertThat(control(staging, "OrderEvents", "sqs-queue-encrypted").status()).isEqualTo(Status.MISSING);
        assertThat(duty(staging, "AuditEvents", "key-management").party()).isEqualTo(Responsibility.AWS);
    }
}
