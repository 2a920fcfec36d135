package dev.srm.report;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputProblem;
import dev.srm.model.IntegrationResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** A readable summary per scenario and resource, for a person at a terminal. */
public final class TextRenderer implements EvaluationRenderer {
    @Override
    public String name() {
        return "text";
    }

    @Override
    public void render(List<Evaluation> evaluations, List<InputProblem> problems, boolean single, Writer w)
            throws IOException {
        PrintWriter out = new PrintWriter(w);
        boolean first = true;
        for (Evaluation e : evaluations) {
            if (!first) {
                out.print("\n");
            }
            first = false;
            scenario(e, out);
        }
        if (!problems.isEmpty()) {
            out.print("\nInputs that could not be evaluated:\n");
            for (InputProblem p : problems) {
                out.print("  " + p + "\n");
            }
        }
        out.flush();
    }

    private static void scenario(Evaluation e, PrintWriter out) {
        out.print("== " + e.scenario().title() + " [" + e.scenario().id() + "] (" + e.scenario().file() + ")\n");
        for (ResourceResult r : e.resources()) {
            out.print("\n" + r.id() + ": " + (r.service() == null ? "unknown service" : r.service())
                    + (r.type() == null ? "" : " " + r.type())
                    + (r.variant() == null ? "" : ", " + r.variant())
                    + ", model " + orDash(r.serviceModel()) + ", customer share " + orDash(r.customerShare()) + "\n");
            for (LayerResult l : r.layers()) {
                out.printf("  %-32s %-9s %s%n", l.layer(), l.party(), l.rule().isEmpty() ? "" : "[" + l.rule() + "]");
                if (l.reason() != null && !l.reason().isBlank()) {
                    out.print("      " + l.reason() + "\n");
                }
                explanation(l.explanation(), out);
            }
            controls(r.controls(), out);
            for (String n : r.notices()) {
                out.print("  note: " + n + "\n");
            }
        }
        if (!e.accountControls().isEmpty()) {
            out.print("\naccount:\n");
            controls(e.accountControls(), out);
        }
        out.print("\nFindings: " + (e.findings().isEmpty() ? "none" : e.findings().size()) + "\n");
        for (FindingResult f : e.findings()) {
            out.printf("  %-8s %s on %s (owner %s, layer %s) [%s]%n", f.severity(), f.title(), f.resource(), f.owner(),
                    f.layer(), f.rule());
            if (f.remediation() != null) {
                out.print("           fix: " + f.remediation() + "\n");
            }
            if (f.source() != null) {
                out.print("           source: " + f.source() + "\n");
            }
            explanation(f.explanation(), out);
        }
        if (!e.integrations().isEmpty()) {
            out.print("\nIntegrations:\n");
            for (IntegrationResult i : e.integrations()) {
                out.print("  " + i.name() + " (" + String.join(", ", i.resources()) + "): " + i.why() + "\n");
            }
        }
        for (String w : e.warnings()) {
            out.print("warning: " + w + "\n");
        }
    }

    private static void controls(List<ControlResult> controls, PrintWriter out) {
        if (controls.isEmpty()) {
            return;
        }
        out.print("  controls:\n");
        for (ControlResult c : controls) {
            out.printf("    %-15s %s [%s]%s%n", c.status(), c.title(), c.id(),
                    c.securityHub().isEmpty() ? "" : " Security Hub " + String.join(", ", c.securityHub()));
            for (String ev : c.evidence()) {
                out.print("                    " + ev + "\n");
            }
            if (c.source() != null) {
                out.print("                    source: " + c.source() + "\n");
            }
            if (!c.configRules().isEmpty() || !c.frameworks().isEmpty()) {
                StringBuilder refs = new StringBuilder();
                if (!c.configRules().isEmpty()) {
                    refs.append("Config ").append(String.join(", ", c.configRules()));
                }
                c.frameworks().forEach((k, v) -> refs.append(refs.length() == 0 ? "" : "; ").append(k).append(' ').append(String.join(", ", v)));
                out.print("                    refs: " + refs + "\n");
            }
            explanation(c.explanation(), out);
        }
    }

    private static void explanation(List<String> lines, PrintWriter out) {
        for (String line : lines) {
            out.print("      " + line + "\n");
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
