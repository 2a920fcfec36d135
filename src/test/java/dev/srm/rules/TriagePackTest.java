package dev.srm.rules;

import dev.srm.model.RuleInfo;

import dev.srm.engine.RulePack;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The triage rules keep the pack's promises: documented, uniquely named, and naming only kinds the taxonomy has. */
class TriagePackTest {
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern KIND_LITERAL = Pattern.compile("kind\\s*==\\s*\"([a-z0-9-]+)\"|Triage\\.kind\\(drools, \\$i, \"([a-z0-9-]+)\"");
    private static final Pattern KIND_LIST = Pattern.compile("kind\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");

    @Test
    void every_triage_rule_has_a_title_and_an_aws_documentation_source() {
        List<RuleInfo> triage = Packs.bundled().rules().values().stream().filter(r -> "triage".equals(r.kind())).toList();
        assertThat(triage).hasSizeGreaterThan(90);
        assertThat(triage).allSatisfy(r -> {
            assertThat(r.title()).as(r.id()).isNotEqualTo(r.id());
            assertThat(r.source()).as(r.id()).matches("https://(docs\\.aws\\.amazon\\.com|aws\\.amazon\\.com)/.+");
            assertThat(r.file()).as(r.id()).startsWith("bundled:triage/");
            assertThat(r.id()).as("rule names are kebab-case ids").matches("[a-z0-9]+(-[a-z0-9]+)*");
        });
    }

    @Test
    void rule_names_are_unique_across_the_whole_pack() throws RulesException {
        Map<String, List<String>> where = new TreeMap<>();
        for (RuleFile f : Packs.bundled().sources().drlFiles()) { // hand-written DRL and the rules compiled from the duties matrix
            Matcher m = RULE.matcher(f.content());
            while (m.find()) {
                where.computeIfAbsent(m.group(1), k -> new java.util.ArrayList<>()).add(f.relative());
            }
        }
        assertThat(where.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList()).isEmpty();
        assertThat(Packs.bundled().rules()).hasSize(where.size());
    }

    @Test
    void the_triage_rules_name_only_kinds_the_taxonomy_defines() throws RulesException {
        Set<String> named = new TreeSet<>();
        for (RuleFile f : RuleSources.bundled().drlFiles()) {
            if (!f.relative().startsWith("triage/")) {
                continue;
            }
            Matcher m = KIND_LITERAL.matcher(f.content());
            while (m.find()) {
                named.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            Matcher l = KIND_LIST.matcher(f.content());
            while (l.find()) {
                for (String s : l.group(1).split(",")) {
                    named.add(s.trim().replace("\"", ""));
                }
            }
        }
        Set<String> known = Packs.bundled().incidents().kinds().stream().map(IncidentCatalog.Kind::id).collect(Collectors.toSet());
        assertThat(named).isNotEmpty().allMatch(known::contains, "a kind of catalog/incident-kinds.yaml");
    }

    @Test
    void the_taxonomy_has_the_fifteen_kinds_each_on_a_known_layer() {
        assertThat(Packs.bundled().incidents().kinds()).extracting(IncidentCatalog.Kind::id).containsExactly(
                "data-exposure", "credential-compromise", "unpatched-vulnerability", "malware-on-host", "misconfiguration",
                "sensitive-data-found", "network-exposure", "denial-of-service", "hypervisor-or-host-vulnerability",
                "physical-or-facility", "aws-hardware-event", "aws-service-event", "ransomware", "insider-misuse", "logging-gap");
        assertThat(Packs.bundled().incidents().asffType("AwsEcsTask")).hasValueSatisfying(t -> assertThat(t.service()).isEqualTo("ECS"));
    }

    @Test
    void a_triage_rule_without_a_source_is_rejected_with_its_file_and_line() {
        RuleSources pack = RuleSources.of(List.of(new RuleFile("extra/bad.drl", "bad.drl", """
                package custom;

                rule "undocumented-triage-rule"
                    @kind("triage")
                    @title("Says nothing about where it comes from")
                when
                then
                end
                """)));
        assertThatThrownBy(() -> RulePack.load(pack)).isInstanceOf(RulesException.class)
                .hasMessage("extra/bad.drl:3: triage rule 'undocumented-triage-rule': missing @source metadata");
    }

    @Test
    void an_incident_kind_on_an_unknown_layer_is_rejected() {
        RuleSources pack = RuleSources.of(List.of(
                new RuleFile("extra/kinds.yaml", "catalog/kinds.yaml", "incidentKinds:\n  - {id: alien-invasion, defaultLayer: orbit}\n"),
                new RuleFile("extra/empty.drl", "empty.drl", "package custom;\n")));
        assertThatThrownBy(() -> RulePack.load(pack)).isInstanceOf(RulesException.class)
                .hasMessageStartingWith("extra/kinds.yaml: incident kind 'alien-invasion': unknown layer 'orbit'");
    }
}
