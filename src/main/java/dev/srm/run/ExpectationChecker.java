package dev.srm.run;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.TestResults.Check;
import dev.srm.model.Expectations;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Compares an evaluation with a scenario's {@code expect} block, one check per expectation. */
public final class ExpectationChecker {
    private ExpectationChecker() {
    }

    /**
     * One check per expectation; a {@code noFindings} pattern whose rule is not one of
     * {@code knownRules} (the pack's rules and controls) fails, since "no finding from a misspelt
     * rule" would pass whatever srm answers.
     */
    public static List<Check> check(Evaluation e, Expectations x, java.util.Set<String> knownRules) {
        List<Check> checks = new ArrayList<>();
        perResource(x.layers(), "layers", e, checks, (r, layer) -> {
            LayerResult l = r.layer(layer);
            return l == null ? "no such layer" : l.party().name();
        });
        perResource(x.duties(), "duties", e, checks, (r, duty) -> r.layers().stream().flatMap(l -> l.duties().stream())
                .filter(d -> d.duty().equals(duty)).map(d -> d.party().name()).findFirst().orElse("NONE"));
        for (var byResource : sorted(x.controls())) {
            for (var c : sorted(byResource.getValue())) {
                String name = "controls." + byResource.getKey() + "." + c.getKey();
                String actual;
                if ("account".equals(byResource.getKey())) {
                    actual = status(e.accountControls(), c.getKey());
                } else {
                    ResourceResult r = resource(e, byResource.getKey());
                    actual = r == null ? "no resource '" + byResource.getKey() + "'" : status(r.controls(), c.getKey());
                }
                checks.add(new Check(name, c.getValue(), actual, c.getValue().equals(actual)));
            }
        }
        single(x.serviceModels(), "serviceModels", e, checks, ResourceResult::serviceModel);
        single(x.customerShares(), "customerShare", e, checks, ResourceResult::customerShare);
        for (Expectations.FindingPattern p : x.findings()) {
            boolean found = e.findings().stream().anyMatch(p::matches);
            checks.add(new Check("findings[" + p + "]", "a finding " + p, found ? "present" : actual(e, p.rule()), found));
        }
        for (Expectations.FindingPattern p : x.noFindings()) {
            if (!knownRules.contains(p.rule())) {
                checks.add(new Check("noFindings[" + p + "]", "no finding " + p, "'" + p.rule()
                        + "' names no rule or control of the rule pack (misspelt?)", false));
                continue;
            }
            List<FindingResult> hits = e.findings().stream().filter(p::matches).toList();
            checks.add(new Check("noFindings[" + p + "]", "no finding " + p,
                    hits.isEmpty() ? "none" : hits.size() + " (" + hits.get(0).id() + " " + hits.get(0).severity() + ")",
                    hits.isEmpty()));
        }
        return checks;
    }

    private static String actual(Evaluation e, String rule) {
        List<String> same = e.findings().stream().filter(f -> f.rule().equals(rule))
                .map(f -> f.rule() + " on " + f.resource() + " " + f.severity() + " owner " + f.owner()).toList();
        return same.isEmpty() ? "no finding from " + rule : String.join("; ", same);
    }

    private interface Lookup {
        String get(ResourceResult r, String key);
    }

    private static void perResource(Map<String, Map<String, String>> expected, String what, Evaluation e, List<Check> checks,
                                    Lookup lookup) {
        for (var byResource : sorted(expected)) {
            ResourceResult r = resource(e, byResource.getKey());
            for (var entry : sorted(byResource.getValue())) {
                String actual = r == null ? "no resource '" + byResource.getKey() + "'" : lookup.get(r, entry.getKey());
                checks.add(new Check(what + "." + byResource.getKey() + "." + entry.getKey(), entry.getValue(), actual,
                        entry.getValue().equals(actual)));
            }
        }
    }

    private static void single(Map<String, String> expected, String what, Evaluation e, List<Check> checks,
                               Function<ResourceResult, String> value) {
        for (var entry : sorted(expected)) {
            ResourceResult r = resource(e, entry.getKey());
            String actual = r == null ? "no resource '" + entry.getKey() + "'" : String.valueOf(value.apply(r));
            checks.add(new Check(what + "." + entry.getKey(), entry.getValue(), actual, entry.getValue().equals(actual)));
        }
    }

    private static String status(List<ControlResult> controls, String id) {
        return controls.stream().filter(c -> c.id().equals(id)).map(c -> c.status().name()).findFirst().orElse("not applied");
    }

    private static ResourceResult resource(Evaluation e, String id) {
        return e.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static <V> List<Map.Entry<String, V>> sorted(Map<String, V> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
