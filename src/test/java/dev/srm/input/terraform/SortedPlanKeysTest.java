package dev.srm.input.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceResult;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan whose keys were sorted ({@code jq -S}, a formatter, a diff-friendly check-in) starts with
 * its {@code configuration}: the 4 KB head srm reads to tell a plan from a scenario held none of the
 * keys it looked for once the configuration was longer than that, and the plan was refused as a
 * scenario with unknown properties (exit 3), as a review on terraform-compliance's plans found.
 */
class SortedPlanKeysTest {
    private static final Path PLAN = Path.of("src/test/resources/terraform/plan-modules.json");

    private static List<String> resources(String name, byte[] bytes) {
        List<Evaluation> e = Packs.srm().evaluate(name, bytes, InputFormat.auto, false);
        return e.stream().flatMap(x -> x.resources().stream()).map(ResourceResult::id).sorted().toList();
    }

    @Test
    void a_plan_with_sorted_keys_is_read_as_the_plan_it_is() throws Exception {
        byte[] plain = Files.readAllBytes(PLAN);
        ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        byte[] sorted = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.treeToValue(json.readTree(plain), Object.class));
        String head = new String(sorted, 0, 4096, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(head).as("the sorted plan's head starts in its configuration").startsWith("{\n  \"configuration\"")
                .doesNotContain("\"terraform_version\"", "\"planned_values\"");

        List<String> expected = resources("plan-modules.json", plain);
        assertThat(expected).isNotEmpty();
        assertThat(resources("plan-modules-sorted.json", sorted)).isEqualTo(expected);
    }

    /**
     * Terraform 1.5 writes the results of check blocks and preconditions as "checks", which sorts before "configuration":
     * a plan with many of them pushed provider_config past the head too.
     */
    @Test
    void a_sorted_plan_whose_check_results_come_first_is_a_plan() throws Exception {
        ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        com.fasterxml.jackson.databind.node.ObjectNode plan = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                Files.readAllBytes(PLAN));
        com.fasterxml.jackson.databind.node.ArrayNode checks = plan.putArray("checks");
        for (int i = 0; i < 40; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode c = checks.addObject();
            c.putObject("address").put("kind", "resource").put("mode", "managed").put("name", "logs_" + i)
                    .put("to_display", "aws_s3_bucket.logs_" + i).put("type", "aws_s3_bucket");
            c.put("status", "unknown");
        }
        byte[] sorted = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(json.treeToValue(plan, Object.class));
        String head = new String(sorted, 0, 4096, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(head).startsWith("{\n  \"checks\"").doesNotContain("\"provider_config\"", "\"terraform_version\"");
        assertThat(new TerraformReader().claims("plan-with-checks.json", sorted)).isTrue();
        assertThat(resources("plan-with-checks.json", sorted)).isEqualTo(resources("plan-modules.json", Files.readAllBytes(PLAN)));
    }

    @Test
    void a_scenario_is_still_a_scenario() throws Exception {
        byte[] scenario = Files.readAllBytes(Path.of("scenarios/study/s3-public-bucket.yaml"));
        assertThat(new TerraformReader().claims("s3-public-bucket.yaml", scenario)).isFalse();
        JsonNode tree = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(scenario);
        byte[] asJson = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writeValueAsBytes(
                new ObjectMapper().treeToValue(tree, Object.class));
        assertThat(new TerraformReader().claims("s3-public-bucket.json", asJson)).isFalse();
    }
}
