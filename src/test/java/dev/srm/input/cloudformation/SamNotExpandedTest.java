package dev.srm.input.cloudformation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What srm does not expand of a SAM API is said, one warning each, as docs/cloudformation.md
 * promises: authorizers, usage plans, custom domains. They vanished without a word (an HTTP API's
 * JWT authorizer and a custom domain with its TLS policy), so the report looked complete.
 */
class SamNotExpandedTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-sam/api-auth-and-domains.yaml");

    @Test
    void authorizers_usage_plans_and_custom_domains_each_get_a_warning() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        assertThat(t.evaluation().warnings()).filteredOn(w -> w.contains("is not expanded") || w.contains("are not expanded"))
                .containsExactlyInAnyOrder(
                        TEMPLATE + ": OrdersApi (AWS::Serverless::Api): SAM's Auth.Authorizers and DefaultAuthorizer are not expanded;"
                                + " the API's authorizers and the methods they protect are not evaluated",
                        TEMPLATE + ": OrdersApi (AWS::Serverless::Api): SAM's Auth.UsagePlan and ApiKeyRequired (usage plan, API key)"
                                + " are not expanded",
                        TEMPLATE + ": OrdersApi (AWS::Serverless::Api): SAM's Domain (custom domain name, base path mapping, Route 53"
                                + " records) is not expanded; its TLS security policy and certificate are not evaluated",
                        TEMPLATE + ": PartnersApi (AWS::Serverless::HttpApi): SAM's Auth.Authorizers and DefaultAuthorizer are not"
                                + " expanded; the API's authorizers and the methods they protect are not evaluated",
                        TEMPLATE + ": PartnersApi (AWS::Serverless::HttpApi): SAM's Domain (custom domain name, base path mapping,"
                                + " Route 53 records) is not expanded; its TLS security policy and certificate are not evaluated");
        // the APIs themselves are still expanded and judged
        assertThat(t.resource("OrdersApi").type()).isEqualTo("AWS::ApiGateway::RestApi");
        assertThat(t.resource("OrdersApiprodStage").type()).isEqualTo("AWS::ApiGateway::Stage");
        assertThat(t.resource("PartnersApi").type()).isEqualTo("AWS::ApiGatewayV2::Api");
        assertThat(t.resource("PublicStatusApi").type()).isEqualTo("AWS::ApiGatewayV2::Api");
    }
}
