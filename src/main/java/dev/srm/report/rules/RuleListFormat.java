package dev.srm.report.rules;

import dev.srm.model.RuleInfo;
import dev.srm.report.Json;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** The formats of {@code srm rules list}: a table for people, JSON for tools. */
public enum RuleListFormat {
    text {
        @Override
        public void render(List<RuleInfo> rules, Writer w) {
            PrintWriter out = new PrintWriter(w);
            out.printf("%-44s %-14s %-9s %-32s %s%n", "ID", "KIND", "SEVERITY", "LAYER", "SOURCE");
            for (RuleInfo r : rules) {
                out.printf("%-44s %-14s %-9s %-32s %s%n", r.id(), r.kind(), dash(r.severity()), dash(r.layer()), dash(r.source()));
            }
            out.printf("%d rules%n", rules.size());
            out.flush();
        }
    },
    json {
        @Override
        public void render(List<RuleInfo> rules, Writer w) throws IOException {
            Json.write(rules.stream().map(Entry::of).toList(), w);
        }
    };

    /** Writes the rules, in the order given. */
    public abstract void render(List<RuleInfo> rules, Writer out) throws IOException;

    static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** One rule as JSON. */
    record Entry(String id, String kind, String title, String severity, String layer, String source,
                 @com.fasterxml.jackson.annotation.JsonProperty("package") String pkg, String file, int line,
                 Map<String, String> metadata) {
        static Entry of(RuleInfo r) {
            return new Entry(r.id(), r.kind(), r.title(), r.severity(), r.layer(), r.source(), r.pkg(), r.file(), r.line(),
                    r.metadata());
        }
    }
}
