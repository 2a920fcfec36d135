package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template with AWS::Serverless::* resources but no {@code Transform: AWS::Serverless-2016-10-31}
 * (defsec's SAM examples are written so). SAM requires the transform and CloudFormation rejects the
 * types without it, yet the intent is plain. srm judged the function as written, as if it were an
 * AWS::Lambda::Function without SAM's generated role, with two controls (Lambda.3 and X-Ray absent
 * though VpcConfig and Tracing: Active are there), left the SimpleTable unclassified and said nothing
 * of the missing transform. It now warns, naming the file, the resources and the transform, and
 * expands them as SAM would: the same resources and verdicts as with the transform.
 */
class SamWithoutTransformTest {
    private static final Path WITH = Path.of("src/test/resources/templates-sam/orders-api.yaml");
    private static final Path WITHOUT = Path.of("src/test/resources/templates-sam/orders-api-no-transform.yaml");

    /** Each resource's type and controls with their statuses, by resource id. */
    private static Map<String, String> verdicts(EvaluatedTemplate t) {
        Map<String, String> out = new TreeMap<>();
        for (ResourceResult r : t.evaluation().resources()) {
            Map<String, Status> controls = new TreeMap<>();
            for (ControlResult c : r.controls()) {
                controls.put(c.id(), c.status());
            }
            out.put(r.id(), r.type() + " " + controls);
        }
        return out;
    }

    @Test
    void sam_resources_without_the_transform_are_expanded_as_with_it_and_warned_about() throws Exception {
        EvaluatedTemplate with = EvaluatedTemplate.of(WITH, TemplateParameters.NONE);
        EvaluatedTemplate without = EvaluatedTemplate.of(WITHOUT, TemplateParameters.NONE);

        assertThat(without.evaluation().warnings()).contains(WITHOUT + ": OrdersTable (AWS::Serverless::SimpleTable), OrdersFunction"
                + " (AWS::Serverless::Function): AWS SAM resource types without 'Transform: AWS::Serverless-2016-10-31', which SAM"
                + " requires (CloudFormation rejects the template without it); srm expands them as SAM would with the transform");
        assertThat(without.evaluation().warnings()).noneMatch(w -> w.contains("deliberately not classified"));
        assertThat(with.evaluation().warnings()).noneMatch(w -> w.contains("without 'Transform:"));

        assertThat(verdicts(without)).isEqualTo(verdicts(with));
        assertThat(without.resource("OrdersFunction").type()).isEqualTo("AWS::Lambda::Function");
        assertThat(without.resource("OrdersFunctionRole").type()).isEqualTo("AWS::IAM::Role");
        assertThat(without.resource("OrdersTable").type()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(without.resource("ServerlessRestApi").type()).isEqualTo("AWS::ApiGateway::RestApi");
        assertThat(without.status("OrdersFunction", "lambda-in-vpc")).isEqualTo(Status.MET);
        assertThat(without.status("OrdersFunction", "lambda-xray-active-tracing")).isEqualTo(Status.MET);
    }

    @Test
    void one_sam_resource_without_the_transform_is_named_alone() throws Exception {
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  ThumbnailFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: s3://example-corp-artifacts/thumbnails/2026-12-01.zip
                      Handler: index.handler
                      Runtime: nodejs20.x
                      Tracing: Active
                """;
        var s = new CloudFormationReader().read("thumbnails.yaml", template.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        assertThat(s.warnings()).contains("thumbnails.yaml: ThumbnailFunction (AWS::Serverless::Function): AWS SAM resource type without"
                + " 'Transform: AWS::Serverless-2016-10-31', which SAM requires (CloudFormation rejects the template without it); srm"
                + " expands it as SAM would with the transform");
        assertThat(s.resource("ThumbnailFunction").type()).isEqualTo("AWS::Lambda::Function");
        assertThat(s.resource("ThumbnailFunctionRole").type()).isEqualTo("AWS::IAM::Role");
    }
}
