package dev.srm.report.triage;

import dev.srm.model.Triage;
import dev.srm.report.escape.Markdown;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/**
 * Markdown to paste into an incident ticket: the owner in bold first, then the facts as a
 * table, the ordered actions, the evidence and the preventive controls. Everything that comes
 * from the input or the rules is escaped by {@link Markdown}, so a summary cannot break the ticket's layout.
 */
public final class MarkdownTriageRenderer implements TriageRenderer {
    @Override
    public void render(List<Triage> triages, Writer w) {
        TriageRenderer.each(triages, w, "\n---\n\n", MarkdownTriageRenderer::triage);
    }

    private static void triage(Triage t, PrintWriter out) {
        Triage.IncidentRef i = t.incident();
        out.print("## Incident " + Markdown.text(i.id()) + ": " + Markdown.text(t.kind().id() == null ? "kind unknown" : t.kind().id()) + "\n\n");
        out.print("**Owner: " + t.owner() + "**. Layer " + (t.layer() == null ? "unknown" : Markdown.code(t.layer())) + " of "
                + Markdown.text(TextTriageRenderer.resource(t)) + ". Route to **" + Markdown.text(t.route().team() == null ? "nobody named" : t.route().team())
                + "**.\n\n");
        out.print("| | |\n|---|---|\n");
        row(out, "Kind", t.kind().id() == null ? Markdown.text(t.kind().reason())
                : Markdown.text(t.kind().id() + (t.kind().title() == null ? "" : ": " + t.kind().title())));
        if (t.resource().origin() != null) {
            row(out, "Resource from", Markdown.text(t.resource().origin().describe()));
        }
        if (i.summary() != null) {
            row(out, "Summary", Markdown.text(i.summary()));
        }
        if (i.detectedBy() != null) {
            row(out, "Detected by", Markdown.text(i.detectedBy()));
        }
        if (i.severity() != null) {
            row(out, "Severity", Markdown.text(i.severity()));
        }
        row(out, "Service model", Markdown.text(t.serviceModel() == null ? "unknown" : t.serviceModel()));
        if (t.component() != null) {
            row(out, "Component", Markdown.code(t.component().id()) + ": " + Markdown.text(t.component().reason()));
        }
        row(out, "Why", Markdown.text(t.reason()));
        if (t.rule() != null && !t.rule().isEmpty()) {
            row(out, "Rule", Markdown.code(t.rule()) + (t.basis() == null ? "" : " from " + Markdown.text(t.basis().fact())
                    + (t.basis().rule() == null ? "" : " (" + Markdown.code(t.basis().rule()) + ")")));
        }
        row(out, "Route", Markdown.text(t.route().team() == null ? "none" : t.route().team()) + ": " + Markdown.text(t.route().reason()));
        row(out, "Source", Markdown.text(i.origin() + " " + i.file()));
        if (!t.branches().isEmpty()) {
            out.print("\n### Depends on the component\n\nNothing names the component the incident sits in; each one has its owner:\n\n"
                    + "| Component | Owner | Duty | How to tell |\n|---|---|---|---|\n");
            for (Triage.Branch b : t.branches()) {
                out.print("| " + Markdown.code(b.component()) + " | " + b.party() + " | " + Markdown.code(b.duty()) + " | "
                        + Markdown.text(b.howToTell()) + " |\n");
            }
        }
        if (!t.actions().isEmpty()) {
            out.print("\n### First actions\n\n");
            for (Triage.Action a : t.actions()) {
                out.print(a.step() + ". " + Markdown.text(a.text()) + (a.feature() == null ? "" : " *(" + Markdown.text(a.feature()) + ")*") + "\n");
            }
        }
        if (!t.avoid().isEmpty()) {
            out.print("\n### What not to do\n\n");
            for (Triage.Avoid a : t.avoid()) {
                out.print("- " + Markdown.text(a.text()) + "\n");
            }
        }
        if (!t.evidence().isEmpty()) {
            out.print("\n### Evidence to pull\n\n| Source | Status | Look for | Produced by |\n|---|---|---|---|\n");
            for (Triage.EvidenceItem e : t.evidence()) {
                out.print("| " + Markdown.text(e.source()) + " | " + Markdown.text(e.status()) + " | " + Markdown.text(e.why()) + " | "
                        + (e.control() == null ? "" : Markdown.code(e.control()) + " on " + Markdown.text(e.subject())) + " |\n");
            }
            for (Triage.EvidenceItem e : t.evidence()) {
                if (e.warning() != null) {
                    out.print("\n> **Warning:** " + Markdown.text(e.warning()) + "\n");
                }
            }
        }
        if (!t.preventiveControls().isEmpty()) {
            out.print("\n### Controls that would have prevented it\n\n| Control | Resource | Status | Security Hub |\n|---|---|---|---|\n");
            for (Triage.Prevention p : t.preventiveControls()) {
                out.print("| " + Markdown.text(p.title()) + " (" + Markdown.code(p.control()) + ") | " + Markdown.text(p.subject()) + " | " + Markdown.text(p.status()) + " | "
                        + Markdown.text(String.join(", ", p.securityHub())) + " |\n");
            }
        }
        if (!t.warnings().isEmpty()) {
            out.print("\n### Warnings\n\n");
            for (String w : t.warnings()) {
                out.print("- " + Markdown.text(w) + "\n");
            }
        }
    }

    private static void row(PrintWriter out, String name, String value) {
        out.print("| " + name + " | " + value + " |\n");
    }
}
