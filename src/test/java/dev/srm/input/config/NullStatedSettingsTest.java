package dev.srm.input.config;

import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole AWS Config item that writes a setting as null states it is off (docs/inputs-terraform-config.md: "null
 * included, states the property"): a secret's RotationEnabled null (DescribeSecret's value for a secret never
 * configured for rotation) fails SecretsManager.1, a topic's KmsMasterKeyId null SNS.1. Both were UNKNOWN. A select
 * row, which holds only the fields its query selected, states nothing it leaves out (partial-select rows elsewhere).
 */
class NullStatedSettingsTest {
    private static final Path DIR = Path.of("src/test/resources/config");

    @Test
    void a_whole_item_that_writes_null_states_the_setting_is_off() throws Exception {
        List<Evaluation> e = Packs.srm().evaluate("null-stated-settings.json", Files.readAllBytes(DIR.resolve("null-stated-settings.json")),
                InputFormat.config, false);
        assertThat(e).hasSize(1);
        String secret = "arn:aws:secretsmanager:eu-west-1:444455556666:secret:";
        assertThat(status(e.get(0), secret + "orders-db-Xy12Ab", "secretsmanager-rotation-enabled")).isEqualTo(Status.MISSING);
        assertThat(status(e.get(0), secret + "reports-db-Qw34Er", "secretsmanager-rotation-enabled")).isEqualTo(Status.MET);
        String topic = "arn:aws:sns:eu-west-1:444455556666:";
        assertThat(status(e.get(0), topic + "order-events", "sns-topic-kms-encrypted")).isEqualTo(Status.MISSING);
        assertThat(status(e.get(0), topic + "audit-events", "sns-topic-kms-encrypted")).isEqualTo(Status.MET);
    }

    /** A select row with a topic's and a secret's other fields but not these states neither: still undecided. */
    @Test
    void a_select_row_without_the_setting_states_nothing() throws Exception {
        String rows = """
                {"Results": [
                  "{\\"resourceId\\":\\"arn:aws:sns:eu-west-1:444455556666:order-events\\",\\"resourceType\\":\\"AWS::SNS::Topic\\",\\"accountId\\":\\"444455556666\\",\\"awsRegion\\":\\"eu-west-1\\",\\"arn\\":\\"arn:aws:sns:eu-west-1:444455556666:order-events\\",\\"configuration\\":{\\"TopicArn\\":\\"arn:aws:sns:eu-west-1:444455556666:order-events\\",\\"KmsMasterKeyId\\":null}}",
                  "{\\"resourceId\\":\\"arn:aws:secretsmanager:eu-west-1:444455556666:secret:orders-db-Xy12Ab\\",\\"resourceType\\":\\"AWS::SecretsManager::Secret\\",\\"accountId\\":\\"444455556666\\",\\"awsRegion\\":\\"eu-west-1\\",\\"arn\\":\\"arn:aws:secretsmanager:eu-west-1:444455556666:secret:orders-db-Xy12Ab\\",\\"configuration\\":{\\"Name\\":\\"orders-db\\"}}"
                ], "QueryInfo": {"SelectFields": [{"Name": "resourceId"}, {"Name": "resourceType"}, {"Name": "accountId"}, {"Name": "awsRegion"}, {"Name": "arn"}, {"Name": "configuration"}]}}
                """;
        List<Evaluation> e = Packs.srm().evaluate("select.json", rows.getBytes(java.nio.charset.StandardCharsets.UTF_8), InputFormat.config, false);
        assertThat(status(e.get(0), "arn:aws:sns:eu-west-1:444455556666:order-events", "sns-topic-kms-encrypted")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e.get(0), "arn:aws:secretsmanager:eu-west-1:444455556666:secret:orders-db-Xy12Ab", "secretsmanager-rotation-enabled"))
                .isEqualTo(Status.UNKNOWN);
    }

    private static Status status(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource)).status();
    }
}
