package dev.srm.input.cloudformation;

import dev.srm.engine.Evaluator;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.ResourceResult;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An AWS::ApiGateway::Deployment that names a StageName creates that stage, with the settings of
 * its StageDescription: Security Hub's stage controls (APIGateway.1, .2, .3, .5) judge it like an
 * AWS::ApiGateway::Stage. A WebSocket API's V2 stage has execution logging too (APIGateway.1 reads
 * DefaultRouteSettings.LoggingLevel); an HTTP API's stage has none to judge.
 */
class DeploymentStageTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-apigateway/orders-api.yaml");

    private static Evaluation evaluate(TemplateParameters parameters) throws Exception {
        Scenario s = new CloudFormationReader(parameters).read(TEMPLATE.toString(), Files.readAllBytes(TEMPLATE)).get(0);
        return new Evaluator(Packs.bundled()).evaluate(s);
    }

    private static ResourceResult resource(Evaluation e, String id) {
        return e.resources().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not a resource of the evaluation"));
    }

    private static Status status(Evaluation e, String resource, String control) {
        return resource(e, resource).controls().stream().filter(c -> c.id().equals(control)).map(ControlResult::status)
                .findFirst().orElseThrow(() -> new AssertionError(control + " does not apply to " + resource));
    }

    @Test
    void the_stage_a_deployment_creates_is_judged_on_its_stage_description() throws Exception {
        Evaluation e = evaluate(TemplateParameters.of(Map.of("CacheEncryption", "false")));

        assertThat(resource(e, "ProdDeploymentStage").type()).isEqualTo("AWS::ApiGateway::Stage");
        assertThat(resource(e, "ProdDeploymentStage").notices())
                .anyMatch(n -> n.contains("the stage 'prod' that AWS::ApiGateway::Deployment ProdDeployment creates, configured by its StageDescription"));
        // StageDescription's LoggingLevel and CacheDataEncrypted are the settings of every method
        assertThat(status(e, "ProdDeploymentStage", "apigateway-execution-logging")).isEqualTo(Status.MET);
        assertThat(status(e, "ProdDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.MET);
        assertThat(status(e, "ProdDeploymentStage", "apigateway-xray-tracing")).isEqualTo(Status.MET);
        assertThat(status(e, "ProdDeploymentStage", "apigateway-backend-client-cert")).isEqualTo(Status.MET);

        assertThat(status(e, "CanaryDeploymentStage", "apigateway-execution-logging")).isEqualTo(Status.MISSING);
        assertThat(status(e, "CanaryDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.MISSING);
        assertThat(status(e, "CanaryDeploymentStage", "apigateway-xray-tracing")).isEqualTo(Status.MISSING);
        assertThat(status(e, "CanaryDeploymentStage", "apigateway-backend-client-cert")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_stage_setting_under_an_undecided_condition_stays_unknown() throws Exception {
        Evaluation e = evaluate(TemplateParameters.NONE);

        assertThat(status(e, "CanaryDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, "ProdDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.MET);
    }

    @Test
    void a_deployment_without_a_stage_name_creates_no_stage_and_the_stage_that_names_it_is_read_as_written() throws Exception {
        Evaluation e = evaluate(TemplateParameters.NONE);

        assertThat(e.resources()).extracting(ResourceResult::id).doesNotContain("BuildDeploymentStage")
                .contains("ProdDeployment", "CanaryDeployment", "BuildDeployment", "QaStage");
        assertThat(status(e, "QaStage", "apigateway-execution-logging")).isEqualTo(Status.MET);
        assertThat(status(e, "QaStage", "apigateway-backend-client-cert")).isEqualTo(Status.MISSING);
    }

    @Test
    void sams_deployment_creates_the_stage_named_stage_with_api_gateways_defaults_unless_open_api_version_is_set() throws Exception {
        Path sam = Path.of("src/test/resources/templates-apigateway/sam-apis.yaml");
        Scenario s = new CloudFormationReader(TemplateParameters.NONE).read(sam.toString(), Files.readAllBytes(sam)).get(0);
        Evaluation e = new Evaluator(Packs.bundled()).evaluate(s);

        // the API's own stage has the API's settings; the Stage stage has none of them
        assertThat(status(e, "InventoryApiprodStage", "apigateway-execution-logging")).isEqualTo(Status.MET);
        assertThat(status(e, "InventoryApiDeploymentStage", "apigateway-execution-logging")).isEqualTo(Status.MISSING);
        assertThat(status(e, "InventoryApiDeploymentStage", "apigateway-xray-tracing")).isEqualTo(Status.MISSING);
        assertThat(e.resources()).extracting(ResourceResult::id).contains("PricingApiprodStage", "PricingApiDeployment")
                .doesNotContain("PricingApiDeploymentStage");
    }

    @Test
    void a_websocket_stage_needs_execution_logging_and_an_http_api_stage_has_none_to_judge() throws Exception {
        Evaluation e = evaluate(TemplateParameters.NONE);

        assertThat(status(e, "StatusSocketStage", "apigateway-execution-logging")).isEqualTo(Status.MISSING);
        assertThat(status(e, "StatusSocketStage", "apigateway-v2-access-logging")).isEqualTo(Status.MET);
        assertThat(resource(e, "CheckoutHttpStage").controls()).extracting(ControlResult::id)
                .contains("apigateway-v2-access-logging").doesNotContain("apigateway-execution-logging");
    }
}
