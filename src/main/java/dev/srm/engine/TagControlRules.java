package dev.srm.engine;

import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;
import dev.srm.rules.TagControlTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the tagging controls table into DRL with a rule template ({@code tag-controls.drt}):
 * one named {@code @kind("control")} rule per row, with its {@code @securityHub}, {@code @source}
 * and its place in the data file. What a tag requirement needs is judged once, in
 * {@code rules/controls/tagging.drl}.
 */
final class TagControlRules {
    private static final String TEMPLATE = "tag-controls.drt";

    private TagControlRules() {
    }

    /** The pack's files plus one generated DRL file per data file that has tagging controls. */
    static RuleSources expand(RuleSources sources, TagControlTable table) {
        Map<String, List<Map<String, Object>>> byFile = new LinkedHashMap<>();
        for (TagControlTable.Row r : table.rows()) {
            byFile.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(data(r));
        }
        if (byFile.isEmpty()) {
            return sources;
        }
        List<RuleFile> generated = new ArrayList<>();
        for (var e : byFile.entrySet()) {
            String relative = "generated/" + e.getKey().replaceAll("^.*?([^/:]+)\\.ya?ml$", "$1") + ".drl";
            generated.add(new RuleFile(e.getKey(), relative, RuleTemplates.compile(TEMPLATE, e.getValue())));
        }
        return sources.withGenerated(generated);
    }

    private static Map<String, Object> data(TagControlTable.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.control());
        m.put("title", RuleTemplates.drl(r.title()));
        m.put("securityHub", RuleTemplates.drl(r.securityHub()));
        m.put("configRule", RuleTemplates.drl(r.configRule()));
        m.put("source", RuleTemplates.drl(r.source()));
        m.put("types", String.join(", ", r.types().stream().map(t -> "\"" + RuleTemplates.drl(t) + "\"").toList()));
        m.put("tags", RuleTemplates.drl(r.tagsProperty()));
        m.put("row", Integer.toString(r.line()));
        return m;
    }
}
