package dev.srm.report.triage;

import dev.srm.model.Triage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to paste into an incident ticket: the owner in bold first, then the facts as a
 * table, the ordered actions, the evidence and the preventive controls. Everything that comes
 * from the input or the rules is escaped, so a summary cannot break the ticket's layout.
 */
public final class MarkdownTriageRenderer implements TriageRenderer {
    /** Characters that can start Markdown or HTML syntax inline; with brackets escaped, parentheses cannot form a link. */
    private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<>#|~&]");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    @Override
    public String name() {
        return "markdown";
    }

    @Override
    public void render(List<Triage> triages, Writer w) throws IOException {
        PrintWriter out = new PrintWriter(w);
        boolean first = true;
        for (Triage t : triages) {
            if (!first) {
                out.print("\n---\n\n");
            }
            first = false;
            triage(t, out);
        }
        out.flush();
    }

    private static void triage(Triage t, PrintWriter out) {
        Triage.IncidentRef i = t.incident();
        out.print("## Incident " + md(i.id()) + ": " + md(t.kind().id() == null ? "kind unknown" : t.kind().id()) + "\n\n");
        out.print("**Owner: " + t.owner() + "**. Layer " + (t.layer() == null ? "unknown" : code(t.layer())) + " of "
                + md(TextTriageRenderer.resource(t)) + ". Route to **" + md(t.route().team() == null ? "nobody named" : t.route().team())
                + "**.\n\n");
        out.print("| | |\n|---|---|\n");
        row(out, "Kind", t.kind().id() == null ? md(t.kind().reason())
                : md(t.kind().id() + (t.kind().title() == null ? "" : ": " + t.kind().title())));
        if (i.summary() != null) {
            row(out, "Summary", md(i.summary()));
        }
        if (i.detectedBy() != null) {
            row(out, "Detected by", md(i.detectedBy()));
        }
        if (i.severity() != null) {
            row(out, "Severity", md(i.severity()));
        }
        row(out, "Service model", md(t.serviceModel() == null ? "unknown" : t.serviceModel()));
        row(out, "Why", md(t.reason()));
        if (t.rule() != null && !t.rule().isEmpty()) {
            row(out, "Rule", code(t.rule()) + (t.basis() == null ? "" : " from " + md(t.basis().fact())
                    + (t.basis().rule() == null ? "" : " (" + code(t.basis().rule()) + ")")));
        }
        row(out, "Route", md(t.route().team() == null ? "none" : t.route().team()) + ": " + md(t.route().reason()));
        row(out, "Source", md(i.origin() + " " + i.file()));
        if (!t.actions().isEmpty()) {
            out.print("\n### First actions\n\n");
            for (Triage.Action a : t.actions()) {
                out.print(a.step() + ". " + md(a.text()) + (a.feature() == null ? "" : " *(" + md(a.feature()) + ")*") + "\n");
            }
        }
        if (!t.avoid().isEmpty()) {
            out.print("\n### What not to do\n\n");
            for (Triage.Avoid a : t.avoid()) {
                out.print("- " + md(a.text()) + "\n");
            }
        }
        if (!t.evidence().isEmpty()) {
            out.print("\n### Evidence to pull\n\n| Source | Status | Look for | Produced by |\n|---|---|---|---|\n");
            for (Triage.EvidenceItem e : t.evidence()) {
                out.print("| " + md(e.source()) + " | " + e.status() + " | " + md(e.why()) + " | "
                        + (e.control() == null ? "" : code(e.control()) + " on " + md(e.subject())) + " |\n");
            }
            for (Triage.EvidenceItem e : t.evidence()) {
                if (e.warning() != null) {
                    out.print("\n> **Warning:** " + md(e.warning()) + "\n");
                }
            }
        }
        if (!t.preventiveControls().isEmpty()) {
            out.print("\n### Controls that would have prevented it\n\n| Control | Resource | Status | Security Hub |\n|---|---|---|---|\n");
            for (Triage.Prevention p : t.preventiveControls()) {
                out.print("| " + md(p.title()) + " (" + code(p.control()) + ") | " + md(p.subject()) + " | " + p.status() + " | "
                        + md(String.join(", ", p.securityHub())) + " |\n");
            }
        }
        if (!t.warnings().isEmpty()) {
            out.print("\n### Warnings\n\n");
            for (String w : t.warnings()) {
                out.print("- " + md(w) + "\n");
            }
        }
    }

    private static void row(PrintWriter out, String name, String value) {
        out.print("| " + name + " | " + value + " |\n");
    }

    /** Escapes Markdown punctuation and keeps the text on one line (table cells cannot break). */
    static String md(String s) {
        if (s == null) {
            return "";
        }
        String line = TextTriageRenderer.oneLine(s);
        Matcher m = SPECIAL.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("\\" + m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A code span whose fence is longer than any run of backticks inside, as CommonMark allows; pipes escaped for tables. */
    static String code(String s) {
        String line = TextTriageRenderer.oneLine(s);
        int longest = 0;
        Matcher m = BACKTICKS.matcher(line);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line.replace("|", "\\|") + pad + fence;
    }
}
