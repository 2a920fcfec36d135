package dev.srm.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.cli.Main;
import dev.srm.facts.Lifecycle;
import dev.srm.facts.LifecycleVersion;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Versions past their end of support (catalog/lifecycle/, docs/lifecycle.md), as a user meets
 * them: the same template judged on two days gives two owners of the runtime's patching, the
 * report says which day it judged on, and a broken lifecycle file is one line per problem.
 */
class LifecycleTest {
    private static final String RUNTIMES = "scenarios/services/lifecycle-runtimes.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String out, String err) {
    }

    private static Run srm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode resource(JsonNode evaluation, String id) {
        for (JsonNode r : evaluation.path("resources")) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no resource " + id);
    }

    private static JsonNode duty(JsonNode resource, String duty) {
        for (JsonNode l : resource.path("layers")) {
            for (JsonNode d : l.path("duties")) {
                if (d.path("duty").asText().equals(duty)) {
                    return d;
                }
            }
        }
        throw new AssertionError("no duty " + duty);
    }

    private static String control(JsonNode resource, String control) {
        for (JsonNode c : resource.path("controls")) {
            if (c.path("id").asText().equals(control)) {
                return c.path("status").asText();
            }
        }
        throw new AssertionError("no control " + control);
    }

    @Test
    void python38_moves_runtime_and_os_patching_to_the_customer_on_its_deprecation_day_and_not_before() throws Exception {
        JsonNode before = JSON.readTree(srm("evaluate", RUNTIMES, "--as-of", "2024-10-13", "--format", "json", "--fail-on", "none").out());
        JsonNode on = JSON.readTree(srm("evaluate", RUNTIMES, "--as-of", "2024-10-14", "--format", "json", "--fail-on", "none").out());

        assertThat(before.path("scenario").path("asOf").asText()).isEqualTo("2024-10-13");
        assertThat(on.path("scenario").path("asOf").asText()).isEqualTo("2024-10-14");

        JsonNode dutyBefore = duty(resource(before, "invoice-export"), "runtime-patching");
        JsonNode dutyOn = duty(resource(on, "invoice-export"), "runtime-patching");
        assertThat(dutyBefore.path("party").asText()).isEqualTo("AWS");
        assertThat(dutyOn.path("party").asText()).isEqualTo("CUSTOMER");
        assertThat(dutyOn.path("rule").asText()).isEqualTo("lifecycle-ended-duty");
        assertThat(dutyOn.path("reason").asText()).contains("python3.8", "2024-10-14");
        assertThat(dutyOn.path("source").asText()).isEqualTo("https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html");

        assertThat(control(resource(before, "invoice-export"), "lambda-supported-runtime")).isEqualTo("MET");
        assertThat(control(resource(on, "invoice-export"), "lambda-supported-runtime")).isEqualTo("MISSING");
        // a runtime is its language runtime and its OS: Lambda stops patching both, and the layer's party follows its
        // duties (CUSTOMER: nothing of it is AWS's any more); the day before, the OS was AWS's
        JsonNode layer = layer(resource(on, "invoice-export"), "guest-os-and-app-patching");
        assertThat(layer.path("party").asText()).isEqualTo("CUSTOMER").isEqualTo(agreed(layer.path("duties")));
        assertThat(duty(resource(on, "invoice-export"), "os-patching").path("party").asText()).isEqualTo("CUSTOMER");
        assertThat(duty(resource(before, "invoice-export"), "os-patching").path("party").asText()).isEqualTo("AWS");
    }

    private static JsonNode layer(JsonNode resource, String id) {
        for (JsonNode l : resource.path("layers")) {
            if (l.path("layer").asText().equals(id)) {
                return l;
            }
        }
        throw new AssertionError("no layer " + id);
    }

    /** The one party all the duties name, else SHARED. */
    private static String agreed(JsonNode duties) {
        java.util.Set<String> parties = new java.util.TreeSet<>();
        duties.forEach(d -> parties.add(d.path("party").asText()));
        assertThat(parties).isNotEmpty();
        return parties.size() == 1 ? parties.iterator().next() : "SHARED";
    }

    @Test
    void the_text_report_names_the_day_it_judged_on() {
        Run run = srm("evaluate", RUNTIMES, "--as-of", "2025-01-02", "--fail-on", "none");
        assertThat(run.out()).contains("(scenarios/services/lifecycle-runtimes.yaml), as of 2025-01-02");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void an_as_of_that_is_not_a_date_is_a_usage_error_of_one_line() {
        Run run = srm("evaluate", RUNTIMES, "--as-of", "2024-13-45");
        assertThat(run.code()).isEqualTo(2);
        // one line saying what is wrong, then picocli's pointer to the help, as for every usage error
        assertThat(run.err().lines().toList()).containsExactly(
                "srm: Invalid value for option '--as-of': '2024-13-45' is not a date (expected YYYY-MM-DD, e.g. 2030-06-30)",
                "Try 'srm evaluate --help' for usage.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void versions_match_exactly_by_prefix_at_a_component_boundary_or_by_pattern() {
        LifecycleVersion pg13 = new LifecycleVersion("rds-postgresql", Lifecycle.Match.PREFIX, "13", "postgres", null, null,
                "https://docs.aws.amazon.com/x", "f:1");
        assertThat(pg13.fits("13.15")).isTrue();
        assertThat(pg13.fits("13")).isTrue();
        assertThat(pg13.fits("130.1")).isFalse();
        LifecycleVersion mysql57 = new LifecycleVersion("aurora-mysql", Lifecycle.Match.PREFIX, "5.7", "aurora-mysql", null, null,
                "https://docs.aws.amazon.com/x", "f:1");
        assertThat(mysql57.fits("5.7.mysql_aurora.2.11.2")).isTrue();
        LifecycleVersion node18 = new LifecycleVersion("eb", Lifecycle.Match.PATTERN, "^64bit Amazon Linux 2023 v[0-9.]+ running Node\\.js 18$",
                null, null, null, "https://docs.aws.amazon.com/x", "f:1");
        assertThat(node18.fits("64bit Amazon Linux 2023 v6.6.4 running Node.js 18")).isTrue();
        assertThat(node18.fits("64bit Amazon Linux 2023 v6.6.4 running Node.js 20")).isFalse();
        LifecycleVersion exact = new LifecycleVersion("lambda", Lifecycle.Match.EXACT, "python3.8", null, null, null,
                "https://docs.aws.amazon.com/x", "f:1");
        assertThat(exact.fits("python3.8")).isTrue();
        assertThat(exact.fits("python3.8x")).isFalse();
    }

    @Test
    void the_bundled_lifecycle_files_load_with_a_control_and_a_source_for_every_version() throws Exception {
        LifecycleCatalog catalog = Packs.bundled().lifecycles();
        assertThat(catalog.files()).extracting(Lifecycle::id).contains("lambda-runtimes", "rds-mysql", "eks-kubernetes",
                "elastic-beanstalk-platforms", "elasticache-redis-oss", "opensearch-service", "aurora-postgresql");
        assertThat(catalog.versions()).allSatisfy(v -> assertThat(v.source()).startsWith("https://"));
        for (Lifecycle l : catalog.files()) {
            assertThat(Packs.bundled().controls()).as(l.id() + "'s control").containsKey(l.control());
        }
    }

    private static final String GOOD = """
            lifecycle:
              id: lambda-runtimes
              service: Lambda
              types: [AWS::Lambda::Function]
              property: Runtime
              match: exact
              engineProperty: null
              duty: runtime-patching
              control: lambda-supported-runtime
              source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
              versions:
                - version: python3.8
                  endOfSupport: 2024-10-14
            """;

    private static List<String> problems(String yaml) {
        RuleSources sources = RuleSources.of(List.of(new RuleFile("my-pack/catalog/lifecycle/lambda.yaml", "catalog/lifecycle/lambda.yaml", yaml)));
        try {
            LifecycleCatalog.load(sources, Set.of("runtime-patching", "engine-patching"));
            return List.of();
        } catch (RulesException e) {
            return e.problems();
        }
    }

    @Test
    void a_sound_file_loads() {
        assertThat(problems(GOOD)).isEmpty();
    }

    @Test
    void a_bad_date_is_one_line_naming_the_file_line_and_field() {
        assertThat(problems(GOOD.replace("endOfSupport: 2024-10-14", "endOfSupport: 2024-13-01")))
                .containsExactly("my-pack/catalog/lifecycle/lambda.yaml:13: lifecycle.versions[0].endOfSupport: expected a yyyy-mm-dd date, found '2024-13-01'");
    }

    @Test
    void an_unknown_match_kind_is_one_line() {
        assertThat(problems(GOOD.replace("match: exact", "match: fuzzy")))
                .containsExactly("my-pack/catalog/lifecycle/lambda.yaml:6: lifecycle.match: unknown match kind 'fuzzy' (expected exact, prefix or pattern)");
    }

    @Test
    void an_unknown_duty_id_is_one_line() {
        assertThat(problems(GOOD.replace("duty: runtime-patching", "duty: runtime-patches")))
                .containsExactly("my-pack/catalog/lifecycle/lambda.yaml:8: lifecycle.duty: unknown duty id 'runtime-patches' (the duties are in catalog/duties.yaml)");
    }

    @Test
    void a_missing_source_is_one_line() {
        assertThat(problems(GOOD.replace("  source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html\n", "")))
                .singleElement().asString().startsWith("my-pack/catalog/lifecycle/lambda.yaml:").contains("lifecycle.source: missing source");
    }

    @Test
    void a_missing_end_of_support_and_an_engine_without_engine_property_are_reported() {
        List<String> p = problems(GOOD.replace("      endOfSupport: 2024-10-14\n", "      engine: python\n"));
        assertThat(p).hasSize(2);
        assertThat(String.join("\n", p)).contains("lifecycle.versions[0].endOfSupport: missing endOfSupport",
                "lifecycle.versions[0].engine: an engine, but the file has no engineProperty");
    }
}
