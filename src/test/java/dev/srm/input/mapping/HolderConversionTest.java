package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code as: holder} through the bundled AWS Config mapping of an API Gateway V2 stage, whose item
 * names its API only in its ARN: the API is the ARN less {@code /stages/<name>}, and a value that
 * is not such an ARN gives no API rather than a wrong one.
 */
class HolderConversionTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode apiOf(String arn) throws Exception {
        JsonNode item = json.readTree("{\"configuration\": {\"stageName\": \"production\"}, \"ARN\": " + json.writeValueAsString(arn) + "}");
        Mapping m = MappingSet.bundled("config").forResource("AWS::ApiGatewayV2::Stage", item).orElseThrow();
        return new Projector().project(m, item, Projector.Resolver.NONE).configuration().get("ApiId");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:apigateway:eu-west-1::/apis/k7x2m9q4ab/stages/production|arn:aws:apigateway:eu-west-1::/apis/k7x2m9q4ab",
            "arn:aws:apigateway:eu-west-1::/apis/p3n8r1t6cd/stages/$default|arn:aws:apigateway:eu-west-1::/apis/p3n8r1t6cd",
            "arn:aws-cn:apigateway:cn-north-1::/apis/a1b2c3/stages/v1|arn:aws-cn:apigateway:cn-north-1::/apis/a1b2c3",
    })
    void the_api_of_a_stage_is_its_arn_less_the_stage(String stage, String api) throws Exception {
        assertThat(apiOf(stage).asText()).isEqualTo(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "arn:aws:apigateway:eu-west-1::/stages/production",
            "arn:aws:apigateway:eu-west-1::/apis/k7x2m9q4ab/stages/",
            "arn:aws:apigateway:eu-west-1::/apis/k7x2m9q4ab//production",
            "apis/k7x2m9q4ab/stages/production",
            "arn:aws:apigateway:eu-west-1",
    })
    void what_is_not_an_arn_of_something_held_gives_no_api(String stage) throws Exception {
        assertThat(apiOf(stage)).isNull();
    }
}
