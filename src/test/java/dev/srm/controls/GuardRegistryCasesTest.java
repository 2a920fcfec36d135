package dev.srm.controls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.api.Policy;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another tool's public test suite as input: the CloudFormation test cases of the AWS Guard
 * rules registry (Guard rules written for AWS Config managed rules), for every Config rule a
 * control of srm names. A case expects PASS, FAIL or SKIP of its rule; srm agrees when the
 * controls naming the rule are MISSING on a FAIL case, MET and nowhere MISSING on a PASS case,
 * and neither on a SKIP case. Where srm answers otherwise on purpose, differences.yaml gives
 * srm's statuses and why; a listed case that no longer differs, or differs otherwise, fails too,
 * so the list stays true. The cases and their provenance: the README beside them.
 */
class GuardRegistryCasesTest {
    private static final Path SUITE = Path.of("src/test/resources/public-suites/aws-guard-rules-registry");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The day the cases are judged on, so that a runtime or engine reaching its end of support does not move them. */
    private static final Policy AS_OF = Policy.asOf(LocalDate.of(2026, 12, 4));

    @Test
    void every_case_agrees_with_the_registry_or_its_difference_is_explained() throws IOException {
        Map<String, String> differences = new TreeMap<>();
        JsonNode listed = new ObjectMapper(new YAMLFactory()).readTree(SUITE.resolve("differences.yaml").toFile());
        for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(e.getValue().path("why").asText()).as(e.getKey() + " says why").isNotBlank();
            differences.put(e.getKey(), e.getValue().path("rule").asText() + " " + e.getValue().path("registry").asText()
                    + " srm " + statuses(e.getValue().path("srm")));
        }

        Map<String, String> found = new TreeMap<>();
        int judged = 0;
        List<Path> cases;
        try (Stream<Path> s = Files.list(SUITE.resolve("cases"))) {
            cases = s.sorted().toList();
        }
        for (Path file : cases) {
            JsonNode doc = JSON.readTree(file.toFile());
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            List<Evaluation> evaluations = Packs.srm().evaluate(name + ".json", JSON.writeValueAsBytes(doc.get("template")),
                    InputFormat.cloudformation, false, AS_OF);
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.get("expect").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> rule = it.next();
                String configRule = rule.getKey().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                Set<Status> statuses = new TreeSet<>();
                evaluations.stream().flatMap(e -> e.resources().stream()).flatMap(r -> r.controls().stream())
                        .filter(c -> c.configRules().contains(configRule)).map(ControlResult::status).forEach(statuses::add);
                String expected = rule.getValue().asText();
                boolean agrees = switch (expected) {
                    case "FAIL" -> statuses.contains(Status.MISSING);
                    case "PASS" -> statuses.contains(Status.MET) && !statuses.contains(Status.MISSING);
                    default -> !statuses.contains(Status.MET) && !statuses.contains(Status.MISSING);
                };
                judged++;
                if (!agrees) {
                    found.put(name, rule.getKey() + " " + expected + " srm " + statuses);
                }
            }
        }

        assertThat(judged).as("cases judged").isGreaterThanOrEqualTo(320);
        List<String> unexplained = new ArrayList<>();
        found.forEach((k, v) -> {
            if (!v.equals(differences.get(k))) {
                unexplained.add(k + ": " + v + (differences.containsKey(k) ? " (listed as " + differences.get(k) + ")" : ""));
            }
        });
        List<String> stale = differences.keySet().stream().filter(k -> !found.containsKey(k)).map(k -> k + ": now agrees").toList();
        assertThat(unexplained).as("cases where srm differs from the registry without a reason in differences.yaml").isEmpty();
        assertThat(stale).as("differences.yaml lists cases that no longer differ: take them off").isEmpty();
    }

    private static String statuses(JsonNode list) {
        Set<Status> out = new TreeSet<>();
        list.forEach(n -> out.add(Status.valueOf(n.asText())));
        return out.toString();
    }
}
