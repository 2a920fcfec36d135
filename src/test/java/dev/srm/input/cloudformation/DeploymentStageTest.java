package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

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

    @Test
    void the_stage_a_deployment_creates_is_judged_on_its_stage_description() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.of(Map.of("CacheEncryption", "false")));

        assertThat(e.resource("ProdDeploymentStage").type()).isEqualTo("AWS::ApiGateway::Stage");
        assertThat(e.resource("ProdDeploymentStage").notices())
                .anyMatch(n -> n.contains("the stage 'prod' that AWS::ApiGateway::Deployment ProdDeployment creates, configured by its StageDescription"));
        // StageDescription's LoggingLevel and CacheDataEncrypted are the settings of every method
        assertThat(e.status("ProdDeploymentStage", "apigateway-execution-logging")).isEqualTo(Status.MET);
        assertThat(e.status("ProdDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.MET);
        assertThat(e.status("ProdDeploymentStage", "apigateway-xray-tracing")).isEqualTo(Status.MET);
        assertThat(e.status("ProdDeploymentStage", "apigateway-backend-client-cert")).isEqualTo(Status.MET);

        assertThat(e.status("CanaryDeploymentStage", "apigateway-execution-logging")).isEqualTo(Status.MISSING);
        assertThat(e.status("CanaryDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.MISSING);
        assertThat(e.status("CanaryDeploymentStage", "apigateway-xray-tracing")).isEqualTo(Status.MISSING);
        assertThat(e.status("CanaryDeploymentStage", "apigateway-backend-client-cert")).isEqualTo(Status.MISSING);
    }

    @Test
    void a_stage_setting_under_an_undecided_condition_stays_unknown() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        assertThat(e.status("CanaryDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.UNKNOWN);
        assertThat(e.status("ProdDeploymentStage", "apigateway-cache-encrypted")).isEqualTo(Status.MET);
    }

    @Test
    void a_deployment_without_a_stage_name_creates_no_stage_and_the_stage_that_names_it_is_read_as_written() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        assertThat(e.evaluation().resources()).extracting(ResourceResult::id).doesNotContain("BuildDeploymentStage")
                .contains("ProdDeployment", "CanaryDeployment", "BuildDeployment", "QaStage");
        assertThat(e.status("QaStage", "apigateway-execution-logging")).isEqualTo(Status.MET);
        assertThat(e.status("QaStage", "apigateway-backend-client-cert")).isEqualTo(Status.MISSING);
    }

    @Test
    void sams_deployment_creates_the_stage_named_stage_with_api_gateways_defaults_unless_open_api_version_is_set() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(Path.of("src/test/resources/templates-apigateway/sam-apis.yaml"), TemplateParameters.NONE);

        // the API's own stage has the API's settings; the Stage stage has none of them
        assertThat(e.status("InventoryApiprodStage", "apigateway-execution-logging")).isEqualTo(Status.MET);
        assertThat(e.status("InventoryApiDeploymentStage", "apigateway-execution-logging")).isEqualTo(Status.MISSING);
        assertThat(e.status("InventoryApiDeploymentStage", "apigateway-xray-tracing")).isEqualTo(Status.MISSING);
        assertThat(e.evaluation().resources()).extracting(ResourceResult::id).contains("PricingApiprodStage", "PricingApiDeployment")
                .doesNotContain("PricingApiDeploymentStage");
    }

    @Test
    void a_websocket_stage_needs_execution_logging_and_an_http_api_stage_has_none_to_judge() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        assertThat(e.status("StatusSocketStage", "apigateway-execution-logging")).isEqualTo(Status.MISSING);
        assertThat(e.status("StatusSocketStage", "apigateway-v2-access-logging")).isEqualTo(Status.MET);
        assertThat(e.resource("CheckoutHttpStage").controls()).extracting(ControlResult::id)
                .contains("apigateway-v2-access-logging").doesNotContain("apigateway-execution-logging");
    }
}
