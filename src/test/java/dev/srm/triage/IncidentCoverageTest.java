package dev.srm.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.model.Responsibility;
import dev.srm.model.Triage;
import dev.srm.testing.Triages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the triage examples complete as the taxonomy grows: every incident kind of
 * rules/catalog/incident-kinds.yaml has a scenario under scenarios/incidents; a kind whose
 * component decides the owner has one that names its component and one that does not; every
 * component is named by some scenario; and every ASFF fixture whose finding names a package or
 * code location is triaged to a component, never to a guess.
 */
class IncidentCoverageTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path KINDS = Path.of("rules/catalog/incident-kinds.yaml");
    private static final Path SCENARIOS = Path.of("scenarios/incidents");
    private static final Path ASFF = Path.of("src/test/resources/asff");

    /** The incident blocks of the scenarios, by file name. */
    private static Map<String, JsonNode> incidents() throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.put(f.getFileName().toString(), YAML.readTree(f.toFile()).path("incident"));
            }
        }
        return out;
    }

    @Test
    void every_kind_has_a_scenario_and_a_component_kind_has_one_with_and_one_without_its_component() throws IOException {
        JsonNode catalog = YAML.readTree(KINDS.toFile());
        Map<String, JsonNode> incidents = incidents();
        List<String> gaps = new ArrayList<>();
        for (JsonNode kind : catalog.path("incidentKinds")) {
            String id = kind.path("id").asText();
            List<JsonNode> of = incidents.values().stream().filter(i -> id.equals(i.path("kind").asText())).toList();
            if (of.isEmpty()) {
                gaps.add(id + ": no scenario");
            }
            if (kind.path("componentDecides").asBoolean(false)) {
                if (of.stream().noneMatch(i -> i.hasNonNull("component"))) {
                    gaps.add(id + ": no scenario that names its component");
                }
                if (of.stream().noneMatch(i -> !i.hasNonNull("component"))) {
                    gaps.add(id + ": no scenario that leaves the component unknown");
                }
            }
        }
        assertThat(gaps).as("incident kinds without the scenarios triage needs (add them under scenarios/incidents)").isEmpty();
    }

    @Test
    void every_component_is_named_by_a_scenario() throws IOException {
        Set<String> named = new TreeSet<>();
        incidents().values().forEach(i -> named.add(i.path("component").asText("")));
        List<String> components = new ArrayList<>();
        YAML.readTree(KINDS.toFile()).path("incidentComponents").forEach(c -> components.add(c.path("id").asText()));
        assertThat(components).isNotEmpty();
        assertThat(named).as("components some scenario under scenarios/incidents names").containsAll(components);
    }

    @Test
    void every_asff_fixture_that_names_a_package_or_code_location_is_triaged_to_a_component() throws IOException {
        List<Path> naming = new ArrayList<>();
        try (Stream<Path> files = Files.list(ASFF)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String text = Files.readString(f);
                if (text.contains("\"VulnerablePackages\"") || text.contains("\"CodeVulnerabilities\"")) {
                    naming.add(f);
                }
            }
        }
        assertThat(naming).as("fixtures with a package or code location").hasSizeGreaterThanOrEqualTo(4);
        for (Path f : naming) {
            for (Triage t : Triages.file(f.toString()).all()) {
                assertThat(t.component()).as(f + ": the component is read from the finding").isNotNull();
                assertThat(t.branches()).as(f + ": no branches once the component is known").isEmpty();
            }
        }
    }

    @Test
    void an_inspector_code_vulnerability_is_the_customers_code() {
        Triage t = Triages.file(ASFF.resolve("inspector-lambda-code-vulnerability.json").toString()).triage();
        assertThat(t.kind().id()).isEqualTo("unpatched-vulnerability");
        assertThat(t.component().id()).isEqualTo("code");
        assertThat(t.owner()).isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void a_zip_function_has_no_container_image_branch() {
        Triage t = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda.yaml").triage();
        assertThat(t.branches()).extracting(Triage.Branch::component).isNotEmpty().doesNotContain("image");
        Triage fargate = Triages.file("scenarios/incidents/unpatched-vulnerability-fargate.yaml").triage();
        assertThat(fargate.branches()).extracting(Triage.Branch::component).contains("image");
    }

    @Test
    void a_runtime_past_its_end_of_support_makes_a_runtime_vulnerability_the_customers() {
        Triage supported = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda-runtime.yaml").triage();
        Triage deprecated = Triages.file("scenarios/incidents/unpatched-vulnerability-lambda-runtime-deprecated.yaml").triage();
        assertThat(supported.owner()).isEqualTo(Responsibility.AWS);
        assertThat(deprecated.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(deprecated.basis().rule()).isEqualTo("lifecycle-ended-duty");
    }
}
