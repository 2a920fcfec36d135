package dev.srm.input.config;

import dev.srm.model.ControlResult;
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
 * DynamoDB.1 (dynamodb-autoscaling-enabled) on AWS Config items: an on-demand table meets it, a provisioned table
 * meets it when Application Auto Scaling scales its read and write capacity, which Config does not record (it has no
 * resource type for scaling targets). A provisioned table was MISSING; the inventory cannot say, so it is UNKNOWN.
 */
class DynamoDbCapacityItemTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final String TABLE = "arn:aws:dynamodb:eu-west-1:444455556666:table/";

    @Test
    void a_provisioned_tables_auto_scaling_is_not_in_an_aws_config_inventory() throws Exception {
        List<Evaluation> e = Packs.srm().evaluate("dynamodb-capacity-modes.json",
                Files.readAllBytes(DIR.resolve("dynamodb-capacity-modes.json")), InputFormat.config, false);
        assertThat(e).hasSize(1);
        ControlResult provisioned = control(e.get(0), TABLE + "orders");
        assertThat(provisioned.status()).isEqualTo(Status.UNKNOWN);
        assertThat(provisioned.evidence()).anySatisfy(x -> assertThat(x.toString()).contains("Application Auto Scaling targets"));
        assertThat(control(e.get(0), TABLE + "sessions").status()).isEqualTo(Status.MET);   // PAY_PER_REQUEST
    }

    private static ControlResult control(Evaluation e, String resource) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals("dynamodb-autoscaling")).findFirst().orElseThrow();
    }
}
