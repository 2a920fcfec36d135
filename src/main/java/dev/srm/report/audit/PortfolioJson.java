package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.Responsibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of the portfolio roll-ups in {@code audit.json} (keys documented in docs/audit.md), in the order of the components. */
record PortfolioJson(Totals totals, Findings findings, ResponsibilityJson responsibility, List<ModelShare> customerShare,
                     Controls controls, List<Integration> integrations, List<Evidence> evidence,
                     @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Policy policy) {

    /**
     * What waivers and the baseline did (only when the run had either): the as-of day, findings
     * WAIVED and NEW per severity, UNCHANGED, every waiver with its use and state, the FIXED findings
     * and the warnings.
     */
    record Policy(String asOf, Map<String, Integer> waived, Map<String, Integer> newFindings, int reopened, int unchanged,
                  List<WaiverJson> waivers,
                  boolean baseline, List<Fixed> fixed, List<Fixed> undecided, List<String> warnings) {
    }

    record WaiverJson(String control, String scenario, String resource, String owner, String expires, String state,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String ticket,
                      String reason, String origin, int findings) {
    }

    record Fixed(String fingerprint, String scenario, String resource, String rule, String severity, String title) {
    }

    private static Policy policy(Portfolio.Policy p) {
        if (!p.shown()) {
            return null;
        }
        dev.srm.model.PolicySummary s = p.summary();
        return new Policy(s.asOf().toString(), bySeverity(p.waived()), bySeverity(p.fresh()), p.reopened(), p.unchanged(),
                s.waivers().stream().map(w -> new WaiverJson(w.control(), w.scenario(), w.resource(), w.note().owner(),
                        w.note().expires().toString(), w.note().state().name(), w.note().ticket(), w.note().reason(), w.note().origin(),
                        w.uses())).toList(),
                s.baseline(), gone(s.fixed()), gone(s.undecided()), s.warnings());
    }

    private static List<Fixed> gone(List<dev.srm.model.PolicySummary.BaselineFinding> findings) {
        return findings.stream().map(f -> new Fixed(f.fingerprint(), f.scenario(), f.resource(), f.rule(), f.severity().name(),
                f.title())).toList();
    }

    /** Every severity, most severe first. */
    private static Map<String, Integer> bySeverity(Map<Severity, Integer> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            out.put(s.name(), m.getOrDefault(s, 0));
        }
        return out;
    }

    record Totals(int scenarios, int resources, int controls, int findings, int warnings, int failedInputs) {
    }

    record Findings(Map<String, Integer> bySeverity, Map<String, Map<String, Integer>> bySeverityAndOwner, List<Rule> byRule) {
    }

    record Rule(String rule, String title, String severity, int findings, int scenarios, String remediation) {
    }

    record ResponsibilityJson(List<String> layers, List<Service> services, Map<String, Map<String, List<String>>> byLayer) {
    }

    record Service(String service, String variant, String serviceModel, String label, int resources, Map<String, Cell> layers) {
    }

    /** One layer of a service: the party that owns it on every resource (MIXED when they differ) and the count per party. */
    record Cell(String party, Map<String, Integer> resources) {
    }

    record ModelShare(String serviceModel, int resources, Map<String, Integer> shareLevels, Map<String, Integer> layerDecisions,
                      Map<String, Double> layerPercent) {
    }

    record Controls(Map<String, Map<String, Integer>> byStatusAndSeverity) {
    }

    record Integration(String name, String why, int closes, int scenarios, List<String> controls) {
    }

    record Evidence(String control, String title, String layer, String severity, List<String> configRules, List<String> securityHub,
                    String source, Map<String, Integer> statuses) {
    }

    static PortfolioJson of(Portfolio p) {
        Portfolio.Totals t = p.totals();
        return new PortfolioJson(
                new Totals(t.scenarios(), t.resources(), t.controls(), t.findings(), t.warnings(), t.failedInputs()),
                new Findings(byName(p.findingsBySeverity()), byName(p.findingsBySeverityAndOwner()),
                        p.findingsByRule().stream().map(r -> new Rule(r.rule(), r.title(), r.severity().name(), r.findings(),
                                r.scenarios(), r.remediation())).toList()),
                new ResponsibilityJson(p.layers(), p.services().stream().map(PortfolioJson::service).toList(), byLayer(p)),
                p.customerShare().stream().map(PortfolioJson::share).toList(),
                new Controls(p.controlsByStatusAndSeverity()),
                p.integrations().stream().map(i -> new Integration(i.name(), i.why(), i.closes(), i.scenarios(), i.controls())).toList(),
                p.evidence().stream().map(e -> new Evidence(e.control(), e.title(), e.layer(), e.severity(), e.configRules(),
                        e.securityHub(), e.source(), e.statuses())).toList(),
                policy(p.policy()));
    }

    private static Service service(Portfolio.ServiceRow row) {
        Map<String, Cell> layers = new LinkedHashMap<>();
        row.layers().forEach((layer, parties) -> {
            Responsibility only = row.party(layer);
            layers.put(layer, new Cell(only == null ? "MIXED" : only.name(), byName(parties)));
        });
        return new Service(row.service(), row.variant(), row.serviceModel(), row.label(), row.resources(), layers);
    }

    /** Per layer, the services that leave it to each party: the three owners always, UNKNOWN and CONFLICT when they occur. */
    private static Map<String, Map<String, List<String>>> byLayer(Portfolio p) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (String layer : p.layers()) {
            Map<String, List<String>> parties = new LinkedHashMap<>();
            for (Responsibility party : Portfolio.PARTIES) {
                List<String> labels = p.servicesLeaving(layer, party);
                if (!labels.isEmpty() || Portfolio.OWNERS.contains(party.name())) {
                    parties.put(party.name(), labels);
                }
            }
            out.put(layer, parties);
        }
        return out;
    }

    private static ModelShare share(Portfolio.ModelShare m) {
        Map<String, Integer> decisions = new LinkedHashMap<>();
        Map<String, Double> percent = new LinkedHashMap<>();
        for (Responsibility party : Portfolio.PARTIES) {
            decisions.put(party.name(), m.layers().getOrDefault(party, 0));
            percent.put(party.name(), m.percent(party));
        }
        return new ModelShare(m.serviceModel(), m.resources(), m.shareLevels(), decisions, percent);
    }

    private static <K extends Enum<K>, V> Map<String, V> byName(Map<K, V> map) {
        Map<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }
}
