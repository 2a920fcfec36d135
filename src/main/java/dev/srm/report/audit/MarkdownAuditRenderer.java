package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputProblem;
import dev.srm.model.Responsibility;
import dev.srm.report.escape.Markdown;

import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code audit.md}: a summary for a pull request or a wiki page. Roll-ups only, plus the
 * {@value #TOP} scenarios with the most severe findings (kept in a bounded set while the batch
 * streams), so its size does not grow with the batch. Everything echoed from input is escaped
 * by {@link Markdown} so that it renders as the text it is.
 */
final class MarkdownAuditRenderer implements AuditRenderer {
    static final int TOP = 25;

    private record Worst(String id, String title, String file, int[] bySeverity) {
    }

    /** Most severe first: more criticals, then more highs, ...; then by id and file. */
    private static final Comparator<Worst> WORST_FIRST = ((Comparator<Worst>) (a, b) -> {
        for (int i = 0; i < a.bySeverity.length; i++) {
            int c = Integer.compare(b.bySeverity[i], a.bySeverity[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }).thenComparing(Worst::id).thenComparing(Worst::file);

    private final Writer out;
    private final TreeSet<Worst> worst = new TreeSet<>(WORST_FIRST);
    private int withFindings;
    private final List<Waived> waived = new ArrayList<>();

    /** A finding a waiver matched (in force or expired), for the waivers section, and where its resource was read from. */
    private record Waived(String scenario, FindingResult finding, String from) {
    }

    MarkdownAuditRenderer(Writer out) {
        this.out = out;
    }

    @Override
    public void scenario(Evaluation e) {
        if (e.findings().isEmpty()) {
            return;
        }
        withFindings++;
        int[] counts = new int[Severity.values().length];
        Map<String, dev.srm.model.Origin> origins = null;
        for (FindingResult f : e.findings()) {
            counts[f.severity().ordinal()]++;
            if (f.waiver() != null) {
                origins = origins == null ? e.origins() : origins;
                dev.srm.model.Origin o = origins.get(f.resource());
                waived.add(new Waived(e.scenario().id(), f, o == null ? "" : o.describe()));
            }
        }
        worst.add(new Worst(e.scenario().id(), e.scenario().title(), e.scenario().file(), counts));
        if (worst.size() > TOP) {
            worst.pollLast();
        }
    }

    @Override
    public void finish(Portfolio p) throws IOException {
        StringBuilder sb = new StringBuilder();
        Portfolio.Totals t = p.totals();
        sb.append("# srm audit\n\n");
        sb.append("**").append(t.scenarios()).append(" scenarios**, ").append(t.resources()).append(" resources, ")
                .append(t.controls()).append(" control results, **").append(t.findings()).append(" findings**");
        if (t.failedInputs() > 0) {
            sb.append(", **").append(t.failedInputs()).append(" inputs failed** (listed at the end)");
        }
        sb.append(".\n\n");

        sb.append("## Findings by severity and owner\n\n| severity |");
        for (String o : Portfolio.OWNERS) {
            sb.append(' ').append(o.toLowerCase(Locale.ROOT)).append(" |");
        }
        sb.append(" total |\n|---|");
        sb.append("---:|".repeat(Portfolio.OWNERS.size() + 1)).append('\n');
        Map<Severity, Integer> bySeverity = p.findingsBySeverity();
        for (Map.Entry<Severity, Map<String, Integer>> e : p.findingsBySeverityAndOwner().entrySet()) {
            sb.append("| ").append(e.getKey().name().toLowerCase(Locale.ROOT)).append(" |");
            for (String o : Portfolio.OWNERS) {
                sb.append(' ').append(e.getValue().getOrDefault(o, 0)).append(" |");
            }
            sb.append(' ').append(bySeverity.get(e.getKey())).append(" |\n");
        }

        sb.append("\n## What to fix first\n\n");
        if (p.findingsByRule().isEmpty()) {
            sb.append("No findings.\n");
        } else {
            sb.append("| severity | control | findings | scenarios | fix |\n|---|---|---:|---:|---|\n");
            for (Portfolio.RuleTally r : p.findingsByRule()) {
                sb.append("| ").append(r.severity().name().toLowerCase(Locale.ROOT)).append(" | ").append(Markdown.text(r.title()))
                        .append(" (").append(Markdown.code(r.rule())).append(") | ").append(r.findings()).append(" | ")
                        .append(r.scenarios()).append(" | ").append(Markdown.text(r.remediation())).append(" |\n");
            }
        }

        sb.append("\n## Integrations that would close the most MISSING controls\n\n")
                .append(Markdown.text(HtmlAuditRenderer.INTEGRATIONS_NOTE)).append("\n\n");
        if (p.integrations().isEmpty()) {
            sb.append("No MISSING controls.\n");
        } else {
            for (Portfolio.IntegrationTally i : p.integrations()) {
                sb.append("- **").append(Markdown.text(i.name())).append("**: closes ").append(i.closes()).append(" MISSING control")
                        .append(i.closes() == 1 ? "" : "s").append(" in ").append(i.scenarios()).append(" scenario")
                        .append(i.scenarios() == 1 ? "" : "s").append(" (").append(Markdown.text(String.join(", ", i.controls()))).append(")");
                if (!i.why().isEmpty()) {
                    sb.append(": ").append(Markdown.text(i.why()));
                }
                sb.append('\n');
            }
        }

        sb.append("\n## Customer responsibility by layer\n\nWhich services in the portfolio leave each layer to the customer,")
                .append(" share it, or leave it to AWS (a service is listed under every party that owns the layer on one of its resources).\n\n")
                .append("| layer | customer | shared | AWS |\n|---|---|---|---|\n");
        for (String layer : p.layers()) {
            sb.append("| ").append(Markdown.text(layer)).append(" | ")
                    .append(Markdown.text(String.join(", ", p.servicesLeaving(layer, Responsibility.CUSTOMER)))).append(" | ")
                    .append(Markdown.text(String.join(", ", p.servicesLeaving(layer, Responsibility.SHARED)))).append(" | ")
                    .append(Markdown.text(String.join(", ", p.servicesLeaving(layer, Responsibility.AWS)))).append(" |\n");
        }

        sb.append("\n## Customer share per service model\n\n| service model | resources | share high / medium / low | layers customer | shared | AWS |\n")
                .append("|---|---:|---|---:|---:|---:|\n");
        for (Portfolio.ModelShare m : p.customerShare()) {
            sb.append("| ").append(Markdown.text(m.serviceModel())).append(" | ").append(m.resources()).append(" | ")
                    .append(m.shareLevels().getOrDefault("HIGH", 0)).append(" / ").append(m.shareLevels().getOrDefault("MEDIUM", 0))
                    .append(" / ").append(m.shareLevels().getOrDefault("LOW", 0)).append(" | ")
                    .append(pct(m.percent(Responsibility.CUSTOMER))).append(" | ").append(pct(m.percent(Responsibility.SHARED)))
                    .append(" | ").append(pct(m.percent(Responsibility.AWS))).append(" |\n");
        }

        sb.append("\n## Controls by status and severity\n\n| status |");
        for (Severity s : Severity.values()) {
            sb.append(' ').append(s.name().toLowerCase(Locale.ROOT)).append(" |");
        }
        sb.append(" total |\n|---|").append("---:|".repeat(Severity.values().length + 1)).append('\n');
        for (Map.Entry<String, Map<String, Integer>> e : p.controlsByStatusAndSeverity().entrySet()) {
            sb.append("| ").append(Markdown.text(e.getKey())).append(" |");
            int total = 0;
            for (Severity s : Severity.values()) {
                int n = e.getValue().getOrDefault(s.name(), 0);
                total += n;
                sb.append(' ').append(n).append(" |");
            }
            sb.append(' ').append(total).append(" |\n");
        }

        sb.append("\n## Evidence checklist\n\nFor each customer control, the AWS Config rule and Security Hub control that evidence it.\n\n")
                .append("| control | severity | Config rule | Security Hub | met | missing | unknown | n/a |\n")
                .append("|---|---|---|---|---:|---:|---:|---:|\n");
        for (Portfolio.EvidenceItem item : p.evidence()) {
            sb.append("| ").append(Markdown.text(item.title())).append(" (").append(Markdown.code(item.control())).append(") | ")
                    .append(Markdown.text(item.severity() == null ? "" : item.severity().toLowerCase(Locale.ROOT))).append(" | ")
                    .append(item.configRules().isEmpty() ? "none" : Markdown.text(String.join(", ", item.configRules()))).append(" | ")
                    .append(item.securityHub().isEmpty() ? "none" : Markdown.text(String.join(", ", item.securityHub()))).append(" | ")
                    .append(item.statuses().getOrDefault("MET", 0)).append(" | ").append(item.statuses().getOrDefault("MISSING", 0))
                    .append(" | ").append(item.statuses().getOrDefault("UNKNOWN", 0)).append(" | ")
                    .append(item.statuses().getOrDefault("NOT_APPLICABLE", 0)).append(" |\n");
        }

        sb.append("\n## Scenarios with the most severe findings\n\n");
        if (worst.isEmpty()) {
            sb.append("No scenario has findings.\n");
        } else {
            if (withFindings > worst.size()) {
                sb.append("The ").append(worst.size()).append(" worst of ").append(withFindings).append(" scenarios with findings.\n\n");
            }
            sb.append("| scenario | title | file |");
            for (Severity s : Severity.values()) {
                sb.append(' ').append(s.name().toLowerCase(Locale.ROOT)).append(" |");
            }
            sb.append("\n|---|---|---|").append("---:|".repeat(Severity.values().length)).append('\n');
            for (Worst w : worst) {
                sb.append("| ").append(Markdown.text(w.id())).append(" | ").append(Markdown.text(w.title())).append(" | ").append(Markdown.text(w.file())).append(" |");
                for (int n : w.bySeverity()) {
                    sb.append(' ').append(n).append(" |");
                }
                sb.append('\n');
            }
        }

        policy(p, sb);

        sb.append("\n## Inputs that failed\n\n");
        if (p.failures().isEmpty()) {
            sb.append("None: every input was read.\n");
        } else {
            for (InputProblem f : p.failures()) {
                sb.append("- ").append(Markdown.text(f.toString())).append('\n');
            }
        }
        out.write(sb.toString());
        out.flush();
    }

    /** Waived findings, the waivers and what changed since the baseline, when the run had waivers or a baseline. */
    private void policy(Portfolio p, StringBuilder sb) {
        Portfolio.Policy policy = p.policy();
        if (!policy.shown()) {
            return;
        }
        dev.srm.model.PolicySummary s = policy.summary();
        if (!s.waivers().isEmpty()) {
            sb.append("\n## Accepted risks (waivers, as of ").append(s.asOf()).append(")\n\n")
                    .append(policy.waivedTotal()).append(" findings WAIVED: they stay listed and do not count for `--fail-on`.\n\n");
            if (!waived.isEmpty()) {
                sb.append("| status | scenario | resource | from | control | severity | owner | through | ticket | reason | fingerprint |\n")
                        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
                for (Waived w : waived) {
                    FindingResult f = w.finding();
                    dev.srm.model.WaiverNote n = f.waiver();
                    sb.append("| ").append(f.counts() ? "OPEN (waiver EXPIRED)" : "WAIVED").append(" | ").append(Markdown.text(w.scenario()))
                            .append(" | ").append(Markdown.text(f.resource())).append(" | ").append(Markdown.text(w.from()))
                            .append(" | ").append(Markdown.code(f.rule())).append(" | ")
                            .append(f.severity().name().toLowerCase(Locale.ROOT)).append(" | ").append(Markdown.text(n.owner())).append(" | ")
                            .append(n.expires()).append(" | ").append(n.ticket() == null ? "" : Markdown.text(n.ticket())).append(" | ")
                            .append(Markdown.text(n.reason())).append(" | ").append(Markdown.code(f.fingerprint())).append(" |\n");
                }
                sb.append('\n');
            }
            sb.append("| waiver | scenario | resource | owner | through | state | findings |\n|---|---|---|---|---|---|---:|\n");
            for (dev.srm.model.PolicySummary.WaiverUse u : s.waivers()) {
                sb.append("| ").append(Markdown.code(u.control())).append(" | ").append(Markdown.code(u.scenario())).append(" | ")
                        .append(Markdown.code(u.resource())).append(" | ").append(Markdown.text(u.note().owner())).append(" | ")
                        .append(u.note().expires()).append(" | ").append(u.note().state()).append(u.unused() ? ", unused" : "")
                        .append(" | ").append(u.uses()).append(" |\n");
            }
        }
        if (s.baseline()) {
            sb.append("\n## Since the baseline\n\n").append(policy.freshTotal()).append(" NEW findings that count (");
            boolean first = true;
            for (Map.Entry<Severity, Integer> e : policy.fresh().entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ').append(e.getValue());
                first = false;
            }
            sb.append("), ").append(policy.unchanged()).append(" UNCHANGED, ").append(s.fixed().size()).append(" FIXED");
            if (!s.undecided().isEmpty()) {
                sb.append(", ").append(s.undecided().size()).append(" UNDECIDED (gone because their control is UNKNOWN this time)");
            }
            sb.append(".\n");
            goneTable(sb, "FIXED", s.fixed());
            goneTable(sb, "UNDECIDED", s.undecided());
        }
        if (!s.warnings().isEmpty()) {
            sb.append('\n');
            s.warnings().forEach(w -> sb.append("- warning: ").append(Markdown.text(w)).append('\n'));
        }
    }

    private static void goneTable(StringBuilder sb, String heading, List<dev.srm.model.PolicySummary.BaselineFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        sb.append("\n| ").append(heading).append(" | scenario | resource | control | severity | fingerprint |\n|---|---|---|---|---|---|\n");
        for (dev.srm.model.PolicySummary.BaselineFinding f : findings) {
            sb.append("| ").append(Markdown.text(f.title())).append(" | ").append(Markdown.text(f.scenario())).append(" | ")
                    .append(Markdown.text(f.resource())).append(" | ").append(Markdown.code(f.rule())).append(" | ")
                    .append(f.severity().name().toLowerCase(Locale.ROOT)).append(" | ").append(Markdown.code(f.fingerprint()))
                    .append(" |\n");
        }
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }
}
