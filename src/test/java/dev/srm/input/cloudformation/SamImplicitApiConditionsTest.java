package dev.srm.input.cloudformation;

import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SAM's implicit API exists when any function with an event on it does: it has no condition when
 * one of them has none, theirs when they share one, else the Fn::Or of theirs. It took the
 * condition of the first such function: with that one's condition false the API, its deployment
 * and its stages were gone, with their APIGateway findings, though another function needs them.
 */
class SamImplicitApiConditionsTest {
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              EnablePublicApi: {Type: String, AllowedValues: ['true', 'false']}
              EnableReports: {Type: String, AllowedValues: ['true', 'false']}
            Conditions:
              HasPublicApi: !Equals [!Ref EnablePublicApi, 'true']
              HasReports: !Equals [!Ref EnableReports, 'true']
            Resources:
              PublicHandler:
                Type: AWS::Serverless::Function
                Condition: HasPublicApi
                Properties:
                  Handler: public.handler
                  Runtime: python3.12
                  CodeUri: s3://example-corp-artifacts/api/2026-11-30.zip
                  Events:
                    Get: {Type: Api, Properties: {Path: /public, Method: get}}
              Health:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: health.handler
                  Runtime: python3.12
                  CodeUri: s3://example-corp-artifacts/api/2026-11-30.zip
                  Events:
                    Get: {Type: Api, Properties: {Path: /health, Method: get}}
              Reports:
                Type: AWS::Serverless::Function
                Condition: HasReports
                Properties:
                  Handler: reports.handler
                  Runtime: python3.12
                  CodeUri: s3://example-corp-artifacts/api/2026-11-30.zip
                  Events:
                    Get: {Type: HttpApi, Properties: {Path: /reports, Method: get}}
              Exports:
                Type: AWS::Serverless::Function
                Condition: HasPublicApi
                Properties:
                  Handler: exports.handler
                  Runtime: python3.12
                  CodeUri: s3://example-corp-artifacts/api/2026-11-30.zip
                  Events:
                    Get: {Type: HttpApi, Properties: {Path: /exports, Method: get}}
            """;

    private static Scenario read(Map<String, String> parameters) throws Exception {
        return new CloudFormationReader(TemplateParameters.of(parameters)).read("api.yaml", TEMPLATE.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void the_rest_api_a_function_without_a_condition_uses_always_exists() throws Exception {
        Scenario s = read(Map.of("EnablePublicApi", "false", "EnableReports", "false"));
        assertThat(s.resource("ServerlessRestApi")).isNotNull();
        assertThat(s.resource("ServerlessRestApiProdStage")).isNotNull();
        assertThat(s.resource("ServerlessHttpApi")).as("both functions of the HTTP API are off").isNull();
    }

    @Test
    void the_http_api_of_conditional_functions_exists_when_either_does() throws Exception {
        assertThat(read(Map.of("EnablePublicApi", "true", "EnableReports", "false")).resource("ServerlessHttpApi")).isNotNull();
        assertThat(read(Map.of("EnablePublicApi", "false", "EnableReports", "true")).resource("ServerlessHttpApi")).isNotNull();
        Scenario undecided = read(Map.of());
        assertThat(undecided.undecided().reasons()).containsKey("ServerlessHttpApi").doesNotContainKey("ServerlessRestApi");
        assertThat(undecided.undecided().reasons().get("ServerlessHttpApi")).contains("ServerlessHttpApiCondition");
    }
}
