package dev.srm.controls;

import dev.srm.testing.Golden;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.engine.RulePack;
import dev.srm.model.RuleInfo;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleValidator;
import dev.srm.testing.Packs;
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
 * Walks every control of the bundled pack: each declares where it applies (the resource types
 * its rule matches, or the account) and, when it states requirements, what an absent setting
 * means ({@code @absent}); and each has realistic fixtures under scenarios/controls/ with at
 * least a compliant and a non-compliant case. The controls that do not yet are listed in
 * allow-lists under src/test/resources/controls/, which may only shrink: a listed control that
 * now qualifies fails the test until it is taken off. Regenerate the lists with
 * {@code -Dsrm.golden.update=true} and review the diff.
 */
class ControlDeclarationsTest {
    private static final Path FIXTURES = Path.of("scenarios/controls");
    private static final Path LISTS = Path.of("src/test/resources/controls");
    private static final boolean UPDATE = Golden.UPDATE;

    private static List<RuleInfo> controls(RulePack pack) {
        return pack.rules().values().stream().filter(r -> "control".equals(r.kind()))
                .sorted(java.util.Comparator.comparing(RuleInfo::id)).toList();
    }

    private static String text(RulePack pack, RuleInfo r) {
        return pack.sources().drlFiles().stream().filter(f -> f.origin().equals(r.file()))
                .map(f -> RuleValidator.ruleText(f.content(), r)).filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    @Test
    void every_control_states_the_resource_types_or_the_account_it_applies_to() {
        RulePack pack = Packs.bundled();
        List<String> undeclared = new ArrayList<>();
        for (RuleInfo r : controls(pack)) {
            String t = text(pack, r);
            boolean typed = t.contains("type in (") || t.contains("type ==") || t.contains("Resource.ACCOUNT")
                    || t.contains("\"account\"") || t.contains("variant ==") || t.contains("variant in (");
            if (!typed) {
                undeclared.add(r.id());
            }
        }
        assertThat(undeclared).as("controls whose rule names no resource type, variant or the account").isEmpty();
    }

    @Test
    void controls_without_a_declared_absent_case_are_only_those_allow_listed() throws IOException {
        RulePack pack = Packs.bundled();
        List<String> warnings = RuleValidator.absentCaseWarnings(pack.rules().values(), pack.sources().drlFiles(),
                pack.catalog().schema());
        Set<String> undeclared = new TreeSet<>();
        for (String w : warnings) {
            int start = w.indexOf("rule '") + 6;
            undeclared.add(w.substring(start, w.indexOf('\'', start)));
        }
        checkAllowList("absent-case-undeclared.txt", undeclared,
                "Controls with a requirement that no documented default decides and that do not yet declare @absent(\"fails\") or @absent(\"passes\").");
    }

    @Test
    void controls_without_realistic_fixtures_are_only_those_allow_listed() throws IOException {
        Map<String, Set<String>> statuses = expectedStatuses();
        Set<String> missing = new TreeSet<>();
        for (RuleInfo r : controls(Packs.bundled())) {
            Set<String> s = statuses.getOrDefault(r.id(), Set.of());
            if (!(s.contains("MET") && s.contains("MISSING"))) {
                missing.add(r.id());
            }
        }
        checkAllowList("fixtures-not-realistic.txt", missing,
                "Controls without a compliant (MET) and a non-compliant (MISSING) case in scenarios/controls/.");
    }

    @Test
    void controls_without_an_absent_or_not_applicable_fixture_are_only_those_allow_listed() throws IOException {
        Map<String, Set<String>> statuses = expectedStatuses();
        Set<String> without = new TreeSet<>();
        for (RuleInfo r : controls(Packs.bundled())) {
            Set<String> s = statuses.getOrDefault(r.id(), Set.of());
            if (!s.contains("UNKNOWN") && !s.contains("NOT_APPLICABLE")) {
                without.add(r.id());
            }
        }
        checkAllowList("fixtures-without-absent-case.txt", without,
                "Controls without a case in scenarios/controls/ where the setting is absent or unresolved (UNKNOWN) or the resource is out of scope (NOT_APPLICABLE).");
    }

    @Test
    void each_kind_of_fault_has_a_fixture() throws IOException {
        Map<String, Set<String>> statuses = expectedStatuses();
        assertThat(statuses).as("scenarios/controls/ has fixtures").isNotEmpty();
        // the fault kinds each have a fixture: a default, a type that does not apply, a policy document
        assertThat(statuses.get("redshift-public-access")).contains("MET", "MISSING", "UNKNOWN");
        assertThat(statuses.get("elb-alb-drop-invalid-headers")).contains("MET", "MISSING", "NOT_APPLICABLE");
        assertThat(statuses.get("lambda-image-rebuilt")).contains("UNKNOWN", "NOT_APPLICABLE"); // a process control: no MET from configuration
        assertThat(statuses.get("s3-bucket-ssl-requests-only")).contains("MET", "MISSING");
        assertThat(statuses.get("iam-no-admin-policy")).contains("MET", "MISSING");
    }

    /** Every status each control is expected to have in scenarios/controls/. */
    private static Map<String, Set<String>> expectedStatuses() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode controls = yaml.readTree(f.toFile()).path("expect").path("controls");
                controls.fields().forEachRemaining(res -> res.getValue().fields().forEachRemaining(c ->
                        out.computeIfAbsent(c.getKey(), k -> new TreeSet<>()).add(c.getValue().asText())));
            }
        }
        return out;
    }

    private static void checkAllowList(String name, Set<String> actual, String header) throws IOException {
        Path file = LISTS.resolve(name);
        if (UPDATE) {
            Files.writeString(file, "# " + header + "\n# May only shrink: take a control off when it qualifies.\n"
                    + String.join("\n", actual) + "\n");
        }
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.trim());
            }
        }
        Set<String> unlisted = new TreeSet<>(actual);
        unlisted.removeAll(listed);
        Set<String> qualifies = new TreeSet<>(listed);
        qualifies.removeAll(actual);
        assertThat(unlisted).as("controls that need to qualify (not on " + name + ")").isEmpty();
        assertThat(qualifies).as("controls that now qualify: take them off " + name).isEmpty();
    }
}
