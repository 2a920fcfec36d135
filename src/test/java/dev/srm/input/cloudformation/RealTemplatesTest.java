package dev.srm.input.cloudformation;

import dev.srm.testing.Golden;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.api.EvaluateRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * srm on real templates from public collections (src/test/resources/templates, each collection
 * with its licence in a README beside it): the full answer for each, the party of every layer,
 * every control's status and every finding, compared with a golden file a person has read, and
 * no property of a template reported as an unknown key unless CloudFormation's schema lacks it.
 * The summary of what srm classified and which types it does not know is a golden file too.
 *
 * <p>After an intended change (rules, catalogue, reader), regenerate with
 * {@code mvn test -Dtest=RealTemplatesTest -Dsrm.golden.update=true} and review the diff.
 */
class RealTemplatesTest {
    static final Path TEMPLATES = Path.of("src/test/resources/templates");
    static final Path GOLDEN = Path.of("src/test/resources/golden/templates");
    private static final boolean UPDATE = Golden.UPDATE;
    private static final Pattern UNKNOWN_KEY = Pattern.compile("unknown configuration key '([^']+)' for (\\S+) ");
    private static final Map<String, String> SUMMARY = new ConcurrentHashMap<>();

    /** Every template of the collections, and every CDK cloud assembly as one input. */
    static Stream<Path> templates() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            s.forEach(p -> {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && name.endsWith(".cdk.out")) {
                    out.add(p);
                } else if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
                        && out.stream().noneMatch(p::startsWith) && !p.toString().contains(".cdk.out")) {
                    out.add(p);
                }
            });
        }
        return out.stream().sorted();
    }

    /** The day the templates are judged on: lifecycle verdicts (a runtime past its end of support) depend on it. */
    private static final dev.srm.api.PolicyOptions AS_OF = new dev.srm.api.PolicyOptions(null, null, java.time.LocalDate.of(2026, 12, 1),
            dev.srm.api.PolicyOptions.DEFAULT_WARN_DAYS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void each_template_gives_its_reviewed_answer(Path template) throws IOException {
        EvaluateResult result = Packs.srm().evaluate(EvaluateRequest.of(template).policy(AS_OF));
        assertThat(result.problems()).as("the template is read").isEmpty();
        assertThat(result.evaluations()).isNotEmpty();
        StringBuilder text = new StringBuilder();
        for (Evaluation e : result.evaluations()) {
            text.append(answer(e));
            SUMMARY.put(TEMPLATES.relativize(template).toString().replace('\\', '/'), summary(e));
        }
        Path golden = GOLDEN.resolve(TEMPLATES.relativize(template).toString().replaceAll("\\.(ya?ml|json)$", "") + ".txt");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dsrm.golden.update=true)", golden).exists();
        assertThat(text.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void no_cloudformation_property_is_reported_as_an_unknown_key(Path template) {
        EvaluateResult result = Packs.srm().evaluate(EvaluateRequest.of(template).policy(AS_OF));
        Map<String, Set<String>> schema = schema();
        for (Evaluation e : result.evaluations()) {
            for (String w : e.warnings()) {
                Matcher m = UNKNOWN_KEY.matcher(w);
                if (m.find()) {
                    assertThat(schema.getOrDefault(m.group(2), Set.of()))
                            .as("%s: '%s' is a CloudFormation property of %s", w, m.group(1), m.group(2))
                            .doesNotContain(m.group(1));
                }
            }
        }
    }

    /** After the goldens: what srm classified and every type it did not know, as reviewed data. */
    @AfterAll
    static void summary_of_the_collections() throws IOException {
        if (SUMMARY.size() < templates().count()) {
            return; // a filtered run: the summary needs every template
        }
        StringBuilder sb = new StringBuilder("# srm on the public templates (generated by RealTemplatesTest)\n\n"
                + "| template | resources | classified | unknown types |\n|---|---|---|---|\n");
        int resources = 0;
        int classified = 0;
        Set<String> unknown = new TreeSet<>();
        for (Map.Entry<String, String> e : new TreeMap<>(SUMMARY).entrySet()) {
            String[] parts = e.getValue().split("\t", -1);
            resources += Integer.parseInt(parts[0]);
            classified += Integer.parseInt(parts[1]);
            if (!parts[2].isEmpty()) {
                unknown.addAll(List.of(parts[2].split(", ")));
            }
            sb.append("| ").append(e.getKey()).append(" | ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
                    .append(parts[2]).append(" |\n");
        }
        sb.append("| **").append(SUMMARY.size()).append(" inputs** | **").append(resources).append("** | **").append(classified)
                .append("** | ").append(unknown.size()).append(" types |\n\nTypes srm does not know (layers UNKNOWN, a warning each):\n\n");
        unknown.forEach(t -> sb.append("- ").append(t).append('\n'));
        Path golden = GOLDEN.resolve("SUMMARY.md");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, sb, StandardCharsets.UTF_8);
        }
        assertThat(sb.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** resources, classified resources and unknown types of one evaluation, tab-separated. */
    private static String summary(Evaluation e) {
        int classified = 0;
        Set<String> unknown = new TreeSet<>();
        for (ResourceResult r : e.resources()) {
            if (r.service() != null && r.serviceModel() != null && !"CONFLICT".equals(r.serviceModel())) {
                classified++;
            } else if (r.service() == null && r.type() != null) {
                unknown.add(r.type());
            }
        }
        return e.resources().size() + "\t" + classified + "\t" + String.join(", ", unknown);
    }

    /** The answer as a person reviews it: parties per layer, control statuses, findings, warnings. */
    static String answer(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario ").append(e.scenario().id()).append(" (").append(e.scenario().file().replace('\\', '/')).append(")\n");
        for (ResourceResult r : e.resources()) {
            sb.append("\nresource ").append(r.id()).append(" ").append(r.type()).append(" line ").append(r.line()).append(": ")
                    .append(r.service() == null ? "unknown service" : r.service() + " " + r.variant() + " " + r.serviceModel()
                            + " share " + r.customerShare()).append('\n');
            for (String n : r.notices()) {
                sb.append("  notice ").append(n).append('\n');
            }
            Map<String, List<String>> byParty = new TreeMap<>();
            for (LayerResult l : r.layers()) {
                byParty.computeIfAbsent(l.party().name(), k -> new ArrayList<>()).add(l.layer());
            }
            byParty.forEach((party, layers) -> sb.append("  ").append(party).append(": ").append(String.join(", ", layers)).append('\n'));
            for (ControlResult c : r.controls()) {
                sb.append("  ").append(c.status()).append(" ").append(c.id());
                c.evidence().stream().filter(ev -> ev.startsWith("UNKNOWN")).forEach(ev -> sb.append("\n      ").append(ev));
                sb.append('\n');
            }
        }
        if (!e.accountControls().isEmpty()) {
            sb.append("\naccount\n");
            for (ControlResult c : e.accountControls()) {
                sb.append("  ").append(c.status()).append(" ").append(c.id()).append('\n');
            }
        }
        sb.append("\nfindings ").append(e.findings().size()).append('\n');
        for (FindingResult f : e.findings()) {
            sb.append("  ").append(f.severity()).append(" ").append(f.rule()).append(" on ").append(f.resource()).append(" owner ")
                    .append(f.owner()).append(" layer ").append(f.layer()).append('\n');
        }
        sb.append("\nwarnings ").append(e.warnings().size()).append('\n');
        for (String w : e.warnings()) {
            sb.append("  ").append(w.replace('\\', '/')).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, Set<String>> schema;

    /** Every property of every resource type in the pack's CloudFormation schemas. */
    static synchronized Map<String, Set<String>> schema() {
        if (schema == null) {
            Map<String, Set<String>> out = new HashMap<>();
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> files = Files.list(Path.of("rules/catalog/cloudformation"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                    JsonNode types = json.readTree(f.toFile()).path("resourceTypes");
                    types.fields().forEachRemaining(t -> {
                        Set<String> props = new HashSet<>();
                        t.getValue().path("properties").fieldNames().forEachRemaining(props::add);
                        out.put(t.getKey(), props);
                    });
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            schema = out;
        }
        return schema;
    }
}
