package dev.srm.rules;

import dev.srm.testing.Slow;
import dev.srm.engine.RulePack;
import dev.srm.facts.ControlDef;
import dev.srm.model.Evaluation;
import dev.srm.model.LayerResult;
import dev.srm.model.Layers;
import dev.srm.model.ResourceResult;
import dev.srm.run.ScenarioFiles;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule pack is complete: every catalogued service and type is classified with a party for
 * every layer, every rule names its source, every control names an integration, and every
 * service appears in at least one bundled scenario.
 */
@Slow
class CatalogCompletenessTest {
    private static final RulePack PACK = Packs.bundled();

    @TestFactory
    Stream<DynamicTest> every_layer_of_every_catalogued_type_has_a_party() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ServiceCatalog.Service s : PACK.catalog().services()) {
            for (String type : s.types()) {
                tests.add(DynamicTest.dynamicTest(s.name() + " " + type, () -> {
                    Evaluation e = Packs.evaluateYaml("srm: 1\nid: t\nresources:\n  - {id: r, type: '" + type + "'}\n");
                    ResourceResult r = e.resources().get(0);
                    assertThat(r.service()).isEqualTo(s.name());
                    assertThat(r.serviceModel()).as("service model of " + type).isIn("IAAS", "PAAS", "SERVERLESS");
                    assertThat(r.layers()).hasSizeGreaterThanOrEqualTo(Layers.ALL.size());
                    for (LayerResult l : r.layers()) {
                        assertThat(l.party().name()).as(type + " " + l.layer()).isIn("AWS", "CUSTOMER", "SHARED");
                        assertThat(l.reason()).as(type + " " + l.layer() + " reason").isNotBlank();
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void the_catalogue_holds_at_least_the_services_the_issue_lists() {
        assertThat(PACK.catalog().services()).hasSizeGreaterThanOrEqualTo(45);
    }

    @Test
    void every_rule_but_the_generic_resolution_rules_names_an_https_source() {
        PACK.rules().values().stream().filter(r -> !"resolution".equals(r.kind())).forEach(r ->
                assertThat(r.source()).as(r.id() + " @source").isNotBlank().startsWith("https://"));
    }

    @Test
    void every_control_has_an_integration_a_layer_and_a_source() {
        assertThat(PACK.controls()).hasSizeGreaterThanOrEqualTo(80);
        for (ControlDef c : PACK.controls().values()) {
            assertThat(c.integrations()).as(c.id()).isNotEmpty();
            assertThat(Layers.isKnown(c.layer())).as(c.id() + " layer").isTrue();
            assertThat(PACK.rule(c.id()).source()).as(c.id()).startsWith("https://");
        }
    }

    @Test
    void every_integration_a_rule_names_says_what_it_is_for() {
        java.util.Set<String> undescribed = new java.util.TreeSet<>();
        PACK.rules().values().forEach(r -> r.integrations().forEach(name -> {
            if (PACK.catalog().integration(name).map(i -> i.why()).filter(w -> !w.isBlank()).isEmpty()) {
                undescribed.add(name + " (" + r.id() + ")");
            }
        }));
        assertThat(undescribed).as("integrations without a line in rules/catalog/integrations.yaml: reports would print them "
                + "with an empty description").isEmpty();
    }

    @Test
    void the_bundled_pack_passes_its_own_validator() {
        assertThat(RuleValidator.validate(PACK.rules().values(), PACK.sources().drlFiles())).isEmpty();
    }

    @Test
    void every_catalogued_service_appears_in_a_bundled_scenario() throws Exception {
        Set<String> seen = new TreeSet<>();
        for (Path f : ScenarioFiles.expand(List.of(Path.of("scenarios"))).files()) {
            Packs.evaluator().evaluate(Packs.reader().read(f)).resources().forEach(r -> {
                if (r.service() != null) {
                    seen.add(r.service());
                }
            });
        }
        Set<String> all = new TreeSet<>();
        PACK.catalog().services().forEach(s -> all.add(s.name()));
        all.removeAll(seen);
        assertThat(all).as("catalogued services with no scenario").isEmpty();
    }

    @Test
    void every_type_of_a_catalogued_namespace_is_classified_or_listed_as_deliberately_not_classified() throws Exception {
        Set<String> namespaces = new TreeSet<>();
        PACK.catalog().services().forEach(s -> s.types().forEach(t -> namespaces.add(t.split("::")[1])));
        Set<String> unaccounted = new TreeSet<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (Stream<Path> files = java.nio.file.Files.list(Path.of("rules/catalog/cloudformation"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                json.readTree(f.toFile()).path("resourceTypes").fieldNames().forEachRemaining(type -> {
                    if (namespaces.contains(type.split("::")[1]) && PACK.catalog().byType(type).isEmpty()
                            && PACK.catalog().notClassified(type).isEmpty()) {
                        unaccounted.add(type);
                    }
                });
            }
        }
        assertThat(unaccounted).as("types of catalogued services neither in services.yaml nor in not-classified.yaml").isEmpty();
        assertThat(PACK.catalog().notClassifiedTypes()).hasSizeGreaterThan(300).allSatisfy(n -> {
            assertThat(PACK.catalog().byType(n.type())).as(n.type() + " is listed and classified").isEmpty();
            assertThat(n.reason()).as(n.type()).isNotBlank();
        });
    }
}
