package dev.srm.report.triage;

import dev.srm.model.Responsibility;
import dev.srm.model.Triage;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

import static dev.srm.report.escape.Terminal.text;

/**
 * For a person under stress at a terminal: who owns it, in the first line; then what to do
 * first, in order; then what to skip, what evidence to pull and what would have prevented it.
 * Everything echoed passes through {@link dev.srm.report.escape.Terminal}.
 */
public final class TextTriageRenderer implements TriageRenderer {
    @Override
    public void render(List<Triage> triages, Writer w) {
        TriageRenderer.each(triages, w, "\n", TextTriageRenderer::triage);
    }

    /** The one line a person reads first. */
    static String headline(Triage t) {
        String where = (t.layer() == null ? "no layer" : t.layer()) + " of " + resource(t);
        String route = t.route().team() == null ? "no team named" : "route to " + t.route().team();
        if (t.owner() == Responsibility.CONFLICT) {
            return "CONFLICT: rules disagree on who owns this (" + where + "); " + route;
        }
        if (t.owner() == Responsibility.UNKNOWN) {
            return "UNKNOWN owner: no rule decided (" + where + "); " + route;
        }
        return t.owner() + " owns the remediation: " + where + "; " + route;
    }

    static String resource(Triage t) {
        Triage.ResourceRef r = t.resource();
        StringBuilder b = new StringBuilder(r.id()).append(" (");
        b.append(r.service() == null ? "unknown service" : r.service());
        if (r.variant() != null) {
            b.append(' ').append(r.variant());
        }
        if (t.serviceModel() != null) {
            b.append(", ").append(t.serviceModel());
        }
        if (r.synthetic()) {
            b.append(", any resource of the service");
        }
        return b.append(')').toString();
    }

    private static void triage(Triage t, PrintWriter out) {
        out.print(text(headline(t)) + "\n");
        Triage.IncidentRef i = t.incident();
        StringBuilder about = new StringBuilder("incident ").append(text(i.id())).append(": ")
                .append(t.kind().id() == null ? "kind unknown" : text(t.kind().id()));
        if (i.summary() != null) {
            about.append(" - ").append(text(i.summary()));
        }
        if (i.detectedBy() != null || i.severity() != null) {
            about.append(" (");
            if (i.detectedBy() != null) {
                about.append("detected by ").append(text(i.detectedBy()));
            }
            if (i.severity() != null) {
                about.append(i.detectedBy() == null ? "" : ", ").append("severity ").append(text(i.severity()));
            }
            about.append(')');
        }
        out.print(about + "\n");
        out.print("why: " + text(t.reason()) + rules(t) + "\n");
        if (t.resource().origin() != null) {
            out.print("from: " + text(t.resource().origin().describe()) + "\n");
        }
        if (t.kind().id() == null || "CONFLICT".equals(t.kind().id())) {
            out.print("kind: " + text(t.kind().reason()) + "\n");
        }
        if (t.component() != null) {
            out.print("component: " + text(t.component().id()) + " (" + text(t.component().reason()) + ")\n");
        }
        if (!t.branches().isEmpty()) {
            out.print("\nDepends on the component (nothing names it; pass --component):\n");
            for (Triage.Branch b : t.branches()) {
                out.printf("  %-10s %-8s %s: %s%n", text(b.component()), b.party(), text(b.duty()), text(b.howToTell()));
            }
        }
        if (!t.actions().isEmpty()) {
            out.print("\nFirst actions:\n");
            for (Triage.Action a : t.actions()) {
                out.printf("  %2d. %s%s%n", a.step(), text(a.text()), a.feature() == null ? "" : " [" + text(a.feature()) + "]");
            }
        }
        if (!t.avoid().isEmpty()) {
            out.print("\nWhat not to do:\n");
            for (Triage.Avoid a : t.avoid()) {
                out.print("  - " + text(a.text()) + "\n");
            }
        }
        if (!t.evidence().isEmpty()) {
            out.print("\nEvidence to pull:\n");
            for (Triage.EvidenceItem e : t.evidence()) {
                out.printf("  %-8s %-22s %s%n", text(e.status()), text(e.source()), text(e.why()));
                if (e.warning() != null) {
                    out.print("           warning: " + text(e.warning()) + "\n");
                }
            }
        }
        if (!t.preventiveControls().isEmpty()) {
            out.print("\nWould have prevented it:\n");
            for (Triage.Prevention p : t.preventiveControls()) {
                out.printf("  %-8s %s [%s] on %s%s%n", text(p.status()), text(p.title()), text(p.control()), text(p.subject()),
                        p.securityHub().isEmpty() ? "" : " (Security Hub " + text(String.join(", ", p.securityHub())) + ")");
            }
        }
        out.print("\nroute: " + (t.route().team() == null ? "none" : text(t.route().team())) + " (" + text(t.route().reason()) + ")\n");
        for (String w : t.warnings()) {
            out.print("warning: " + text(w) + "\n");
        }
    }

    private static String rules(Triage t) {
        if (t.rule() == null || t.rule().isEmpty()) {
            return "";
        }
        return " [" + text(t.rule()) + (t.basis() == null || t.basis().rule() == null ? "" : " <- " + text(t.basis().rule())) + "]";
    }
}
