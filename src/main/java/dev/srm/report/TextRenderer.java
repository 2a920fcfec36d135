package dev.srm.report;

import dev.srm.model.DutyResult;
import dev.srm.model.Responsibility;
import java.util.EnumMap;
import java.util.Map;

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
import java.util.ArrayList;
import java.util.List;

import static dev.srm.report.escape.Terminal.text;

/** A readable summary per scenario and resource, for a person at a terminal; everything echoed passes through {@link dev.srm.report.escape.Terminal}. */
public final class TextRenderer implements EvaluationRenderer {
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
                out.print("  " + text(p.toString()) + "\n");
            }
        }
        out.print("\n");
        totals(evaluations, problems, out);
        out.flush();
    }

    /**
     * The last lines of a text report (and all of {@code --summary}): how many scenarios,
     * resources and findings, the findings by severity and by owner, and the inputs that failed.
     */
    public static void totals(List<Evaluation> evaluations, List<InputProblem> problems, PrintWriter out) {
        int resources = 0;
        Map<dev.srm.facts.Severity, Integer> bySeverity = new EnumMap<>(dev.srm.facts.Severity.class);
        Map<Responsibility, Integer> byOwner = new EnumMap<>(Responsibility.class);
        int findings = 0;
        for (Evaluation e : evaluations) {
            resources += e.resources().size();
            for (FindingResult f : e.findings()) {
                findings++;
                bySeverity.merge(f.severity(), 1, Integer::sum);
                if (f.owner() != null) {
                    byOwner.merge(f.owner(), 1, Integer::sum);
                }
            }
        }
        StringBuilder b = new StringBuilder("Totals: ").append(count(evaluations.size(), "scenario")).append(", ")
                .append(count(resources, "resource")).append(", ").append(count(findings, "finding"));
        if (findings > 0) {
            b.append(" (");
            String sep = "";
            for (Map.Entry<dev.srm.facts.Severity, Integer> e : bySeverity.entrySet()) {
                b.append(sep).append(e.getKey().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(e.getValue());
                sep = ", ";
            }
            b.append("; owner ");
            sep = "";
            for (Map.Entry<Responsibility, Integer> e : byOwner.entrySet()) {
                b.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
            b.append(')');
        }
        if (!problems.isEmpty()) {
            b.append(", ").append(count(problems.size(), "input")).append(" not evaluated");
        }
        out.print(b.append('\n'));
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static void scenario(Evaluation e, PrintWriter out) {
        out.print("== " + text(e.scenario().title()) + " [" + text(e.scenario().id()) + "] (" + text(e.scenario().file()) + ")"
                + (e.scenario().asOf() == null ? "" : ", as of " + e.scenario().asOf()) + "\n");
        Map<String, dev.srm.model.Origin> origins = e.origins();
        for (ResourceResult r : e.resources()) {
            out.print("\n" + text(r.id()) + ": " + (r.service() == null ? "unknown service" : text(r.service()))
                    + (r.type() == null ? "" : " " + text(r.type()))
                    + (r.variant() == null ? "" : ", " + text(r.variant()))
                    + ", model " + orDash(r.serviceModel()) + ", customer share " + orDash(r.customerShare()) + "\n");
            out.print("  from: " + text(origins.get(r.id()).describe()) + "\n");
            for (LayerResult l : r.layers()) {
                out.printf("  %-32s %-9s %s%n", text(l.layer()), l.party(), l.rule().isEmpty() ? "" : "[" + text(l.rule()) + "]");
                if (!l.duties().isEmpty()) {
                    dutySplit(l, out); // who does which part: the answer a SHARED layer alone does not give
                } else if (l.reason() != null && !l.reason().isBlank()) {
                    out.print("      " + text(l.reason()) + "\n");
                }
                explanation(l.explanation(), out);
                for (DutyResult d : l.duties()) {
                    explanation(d.explanation(), out);
                }
            }
            controls(r.controls(), out);
            for (String n : r.notices()) {
                out.print("  note: " + text(n) + "\n");
            }
        }
        if (!e.accountControls().isEmpty()) {
            out.print("\naccount:\n");
            controls(e.accountControls(), out);
        }
        long waived = e.findings().stream().filter(f -> !f.counts()).count();
        out.print("\nFindings: " + (e.findings().isEmpty() ? "none" : e.findings().size()) + (waived == 0 ? "" : " (" + waived
                + " waived)") + "\n");
        for (FindingResult f : e.findings()) {
            out.printf("  %-8s %s%s on %s (owner %s; layer %s, run by %s) [%s]%n", f.severity(), f.counts() ? "" : "WAIVED ",
                    text(f.title()), text(f.resource()), f.owner(), text(f.layer()), f.layerParty() == null ? "-" : f.layerParty(),
                    text(f.rule()) + (f.novelty() == null ? "" : " " + f.novelty()));
            if (f.waiver() != null) {
                out.print("           " + text(f.waiver().describe()) + " [" + text(f.waiver().origin()) + "]\n");
            }
            if (f.remediation() != null) {
                out.print("           fix: " + text(f.remediation()) + "\n");
            }
            if (f.source() != null) {
                out.print("           source: " + text(f.source()) + "\n");
            }
            explanation(f.explanation(), out);
        }
        if (!e.integrations().isEmpty()) {
            out.print("\nIntegrations:\n");
            for (IntegrationResult i : e.integrations()) {
                out.print("  " + text(i.name()) + " (" + text(String.join(", ", i.resources())) + "): " + text(i.why()) + "\n");
            }
        }
        for (String w : e.warnings()) {
            out.print("warning: " + text(w) + "\n");
        }
    }

    /** One line per party under a SHARED layer: "AWS: OS patching, runtime patching". */
    private static void dutySplit(LayerResult l, PrintWriter out) {
        Map<Responsibility, List<String>> byParty = new EnumMap<>(Responsibility.class);
        for (DutyResult d : l.duties()) {
            byParty.computeIfAbsent(d.party(), k -> new ArrayList<>()).add(d.title() == null ? d.duty() : d.title());
        }
        byParty.forEach((party, duties) -> out.printf("      %-9s %s%n", party + ":", text(String.join(", ", duties))));
    }

    private static void controls(List<ControlResult> controls, PrintWriter out) {
        if (controls.isEmpty()) {
            return;
        }
        out.print("  controls:\n");
        for (ControlResult c : controls) {
            out.printf("    %-15s %s [%s]%s%n", c.status(), text(c.title()), text(c.id()),
                    c.securityHub().isEmpty() ? "" : " Security Hub " + text(String.join(", ", c.securityHub())));
            for (String ev : c.evidence()) {
                out.print("                    " + text(ev) + "\n");
            }
            if (c.source() != null) {
                out.print("                    source: " + text(c.source()) + "\n");
            }
            if (!c.configRules().isEmpty() || !c.frameworks().isEmpty()) {
                List<String> refs = new ArrayList<>();
                if (!c.configRules().isEmpty()) {
                    refs.add("Config " + String.join(", ", c.configRules()));
                }
                c.frameworks().forEach((k, v) -> refs.add(k + " " + String.join(", ", v)));
                out.print("                    refs: " + text(String.join("; ", refs)) + "\n");
            }
            explanation(c.explanation(), out);
        }
    }

    private static void explanation(List<String> lines, PrintWriter out) {
        for (String line : lines) {
            out.print("      " + text(line) + "\n");
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : text(s);
    }
}
