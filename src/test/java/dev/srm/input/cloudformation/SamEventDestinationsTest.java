package dev.srm.input.cloudformation;

import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SAM function's EventInvokeConfig becomes the AWS::Lambda::EventInvokeConfig SAM creates,
 * with the queue or topic it creates for an SQS or SNS destination that names none, and role
 * policies to deliver to each destination. srm dropped it without a word: the alerts topic SAM
 * creates without encryption was never judged (SNS.1).
 */
class SamEventDestinationsTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-sam/event-destinations.yaml");

    @Test
    void the_queue_and_topic_sam_creates_are_resources_srm_judges() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        assertThat(t.resource("SendConfirmationEventInvokeConfigOnSuccessQueue").type()).isEqualTo("AWS::SQS::Queue");
        assertThat(t.resource("SendConfirmationEventInvokeConfigOnFailureTopic").type()).isEqualTo("AWS::SNS::Topic");
        assertThat(t.status("SendConfirmationEventInvokeConfigOnFailureTopic", "sns-topic-kms-encrypted")).isEqualTo(Status.MISSING);
        assertThat(t.resource("SendConfirmationEventInvokeConfig").type()).isEqualTo("AWS::Lambda::EventInvokeConfig");
        assertThat(t.resource("AuditTrailEventInvokeConfig").type()).isEqualTo("AWS::Lambda::EventInvokeConfig");
        assertThat(t.evaluation().resources()).noneMatch(r -> r.id().startsWith("AuditTrailEventInvokeConfigOn"));
    }
}
