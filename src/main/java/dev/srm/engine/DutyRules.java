package dev.srm.engine;

import dev.srm.rules.DutyTable;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the duties matrix into DRL with a Drools rule template ({@code duties.drt}): one
 * named rule per row, carrying the row's {@code @source} and its place in the data file, so
 * that {@code rules show} and {@code --explain} name rows like any hand-written rule.
 */
final class DutyRules {
    private static final String TEMPLATE = "duties.drt";

    private DutyRules() {
    }

    /** The pack's files plus one generated DRL file per data file that has duty rows. */
    static RuleSources expand(RuleSources sources, DutyTable table) {
        Map<String, List<Map<String, Object>>> byFile = new LinkedHashMap<>();
        for (DutyTable.Row r : table.rows()) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(data(r, table));
        }
        if (byFile.isEmpty()) {
            return sources;
        }
        List<RuleFile> generated = new ArrayList<>();
        for (var e : byFile.entrySet()) {
            String relative = "generated/" + e.getKey().replaceAll("^.*?([^/:]+)\\.ya?ml$", "$1") + "-duties.drl";
            generated.add(new RuleFile(e.getKey(), relative, compile(e.getValue())));
        }
        return sources.withGenerated(generated);
    }

    private static String compile(List<Map<String, Object>> rows) {
        return RuleTemplates.compile(TEMPLATE, rows);
    }

    private static Map<String, Object> data(DutyTable.Row r, DutyTable table) {
        Map<String, Object> m = new LinkedHashMap<>();
        String who = r.service() != null ? r.service() : r.serviceModel() + " services";
        String title = who + (r.variants().isEmpty() ? "" : " (" + String.join(", ", r.variants()) + ")") + ": "
                + table.duties().get(r.duty()).title().toLowerCase(java.util.Locale.ROOT) + " is "
                + ("NONE".equals(r.party()) ? "not a duty here" : r.party());
        m.put("id", r.id());
        m.put("title", drl(title));
        m.put("layer", r.layer());
        m.put("duty", r.duty());
        m.put("condition", condition(r));
        m.put("party", "NONE".equals(r.party()) ? "null" : "Party." + r.party());
        m.put("reason", drl(r.reason()));
        m.put("source", drl(r.source()));
        m.put("level", Integer.toString(r.level()));
        m.put("row", Integer.toString(r.line()));
        return m;
    }

    private static String condition(DutyTable.Row r) {
        if (r.service() == null) {
            return "model == ServiceModel." + r.serviceModel();
        }
        String c = "service == \"" + drl(r.service()) + "\"";
        if (!r.variants().isEmpty()) {
            c += ", variant in (" + String.join(", ", r.variants().stream().map(v -> "\"" + drl(v) + "\"").toList()) + ")";
        }
        return c;
    }

    private static String drl(String s) {
        return RuleTemplates.drl(s);
    }
}
