package dev.srm.report.rules;

import dev.srm.model.RuleInfo;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** {@code srm rules show}: a rule's metadata, its DRL with line numbers, and the scenarios that exercise it. */
public final class RuleDetailRenderer {
    private RuleDetailRenderer() {
    }

    public static void render(RuleInfo r, String drl, List<String> exercisedBy, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.println(r.id() + " (" + (r.kind().isEmpty() ? "no kind" : r.kind()) + ")");
        out.println("  title:    " + r.title());
        if (r.severity() != null) {
            out.println("  severity: " + r.severity());
        }
        if (r.layer() != null) {
            out.println("  layer:    " + r.layer());
        }
        out.println("  source:   " + RuleListFormat.dash(r.source()));
        out.println("  where:    " + r.file() + ":" + r.line() + " (package " + r.pkg() + ")");
        out.println("  metadata:");
        r.metadata().forEach((k, v) -> out.println("    @" + k + "(" + v + ")"));
        out.println();
        int n = r.line();
        for (String line : drl.lines().toList()) {
            out.printf("%5d | %s%n", n++, line);
        }
        out.println();
        out.println("Scenarios that exercise it (" + exercisedBy.size() + "):");
        exercisedBy.forEach(f -> out.println("  " + f));
        out.flush();
    }
}
