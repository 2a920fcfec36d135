package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputProblem;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.report.escape.Html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code audit.html}: one self-contained page (inline CSS, no script, no font or image from
 * anywhere; a Content-Security-Policy forbids scripts and requests even if something slipped
 * through). Roll-ups first: totals, the responsibility matrix of services by layers coloured
 * by party, the customer share per service model, findings by severity and owner, what to
 * fix first, the integrations that close the most MISSING controls, every control with its
 * statuses and evidence source; then a collapsible drill-down per scenario (spooled while the
 * batch streams) and the inputs that failed. Everything echoed is HTML-escaped.
 */
final class HtmlAuditRenderer implements AuditRenderer {
    static final String TITLE = "srm audit";
    static final String INTEGRATIONS_NOTE = "Each MISSING control result counts for every integration its control lists as "
            + "implementing or evidencing it. Evidence services (Config rules, Security Hub controls) find the gap; the others close it.";

    private final Writer out;
    private final Spool drillDown = new Spool();

    HtmlAuditRenderer(Writer out) {
        this.out = out;
    }

    // ------------------------------------------------------------------ per scenario (spooled)

    @Override
    public void scenario(Evaluation e) throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        int[] bySeverity = new int[Severity.values().length];
        for (FindingResult f : e.findings()) {
            bySeverity[f.severity().ordinal()]++;
        }
        sb.append("<details class=\"scenario\" id=\"scenario-").append(h(e.scenario().id())).append("\" data-scenario=\"")
                .append(h(e.scenario().id())).append("\">\n<summary><span class=\"sid\">").append(h(e.scenario().id()))
                .append("</span> <span class=\"stitle\">").append(h(e.scenario().title())).append("</span> ");
        if (e.findings().isEmpty()) {
            sb.append("<span class=\"badge clean\">no findings</span>");
        }
        for (Severity s : Severity.values()) {
            if (bySeverity[s.ordinal()] > 0) {
                sb.append("<span class=\"badge sev-").append(lower(s.name())).append("\">").append(bySeverity[s.ordinal()])
                        .append(' ').append(lower(s.name())).append("</span>");
            }
        }
        sb.append(" <span class=\"file\">").append(h(e.scenario().file())).append("</span></summary>\n<div class=\"body\">\n");

        sb.append("<table class=\"resources\"><thead><tr><th>resource</th><th>service</th><th>model</th><th>customer share</th>")
                .append("<th>layers (hover for owner)</th></tr></thead><tbody>\n");
        for (ResourceResult r : e.resources()) {
            sb.append("<tr><td class=\"mono\">").append(h(r.id())).append("</td><td>")
                    .append(h(r.service() == null ? "unknown service" : r.service() + (r.variant() == null ? "" : " " + r.variant())))
                    .append("</td><td>").append(h(orDash(r.serviceModel()))).append("</td><td>").append(h(orDash(r.customerShare())))
                    .append("</td><td class=\"strip\">");
            for (LayerResult l : r.layers()) {
                sb.append("<span class=\"mini p-").append(lower(l.party().name())).append("\" title=\"").append(h(l.layer()))
                        .append(": ").append(l.party().name()).append("\"></span>");
            }
            sb.append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");

        List<ControlRow> rows = ControlRow.of(e);
        if (!rows.isEmpty()) {
            sb.append("<table class=\"controls\"><thead><tr><th>resource</th><th>control</th><th>status</th><th>severity</th>")
                    .append("<th>owner</th><th>evidence</th></tr></thead><tbody>\n");
            for (ControlRow row : rows) {
                ControlResult c = row.control();
                sb.append("<tr><td class=\"mono\">").append(h(row.resourceId())).append("</td><td>").append(h(c.title()))
                        .append(" <span class=\"cid\">").append(h(c.id())).append("</span></td><td><span class=\"status st-")
                        .append(lower(c.status())).append("\">").append(h(c.status())).append("</span></td><td>")
                        .append(h(c.severity() == null ? "" : lower(c.severity()))).append("</td><td>").append(h(lower(row.owner())))
                        .append("</td><td class=\"ev\">");
                if (c.evidence().isEmpty()) {
                    sb.append(h(c.reason()));
                }
                for (int i = 0; i < c.evidence().size(); i++) {
                    sb.append(i > 0 ? "<br>" : "").append(h(c.evidence().get(i)));
                }
                sb.append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }

        if (!e.findings().isEmpty()) {
            sb.append("<ul class=\"findings\">\n");
            for (FindingResult f : e.findings()) {
                sb.append("<li><span class=\"badge sev-").append(lower(f.severity().name())).append("\">").append(lower(f.severity().name()))
                        .append("</span> ").append(h(f.title())).append(" on <span class=\"mono\">").append(h(f.resource()))
                        .append("</span> (").append(h(lower(f.owner()))).append(" owns ").append(h(f.layer())).append(")");
                if (f.remediation() != null) {
                    sb.append("<div class=\"fix\">Fix: ").append(h(f.remediation())).append("</div>");
                }
                sb.append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        for (String w : e.warnings()) {
            sb.append("<p class=\"warning\">warning: ").append(h(w)).append("</p>\n");
        }
        sb.append("</div>\n</details>\n");
        drillDown.write(sb.toString());
    }

    // ------------------------------------------------------------------ the page

    @Override
    public void finish(Portfolio p) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        head(sb);
        totals(sb, p);
        matrix(sb, p);
        share(sb, p);
        findings(sb, p);
        integrations(sb, p);
        controls(sb, p);
        out.write(sb.toString());
        out.write("<section id=\"scenarios\">\n<h2>Scenarios</h2>\n<p class=\"note\">Open a scenario for its resources, layer owners, controls and findings.</p>\n");
        drillDown.copyTo(out);
        drillDown.close();
        sb.setLength(0);
        sb.append("</section>\n");
        failures(sb, p);
        sb.append("<footer>Written by srm audit. A static page: no scripts, no external requests.</footer>\n</main>\n</body>\n</html>\n");
        out.write(sb.toString());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        drillDown.close();
    }

    private static void head(StringBuilder sb) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
                .append("img-src data:; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(TITLE)
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
    }

    private static void totals(StringBuilder sb, Portfolio p) {
        Portfolio.Totals t = p.totals();
        sb.append("<header>\n<h1>srm audit</h1>\n<p class=\"sub\">Who secures what under the AWS Shared Responsibility Model, ")
                .append("which customer controls are met, missing or unevidenced, and what to fix first.</p>\n<div class=\"cards\">\n");
        card(sb, "total-scenarios", t.scenarios(), "scenarios", "");
        card(sb, "total-resources", t.resources(), "resources", "");
        card(sb, "total-controls", t.controls(), "control results", "");
        card(sb, "total-findings", t.findings(), "findings", "");
        for (Map.Entry<Severity, Integer> e : p.findingsBySeverity().entrySet()) {
            String s = lower(e.getKey().name());
            card(sb, "findings-" + s, e.getValue(), s, " sev-" + s);
        }
        card(sb, "total-failed", t.failedInputs(), "inputs failed", t.failedInputs() > 0 ? " failed" : "");
        sb.append("</div>\n");
        if (t.failedInputs() > 0) {
            sb.append("<p class=\"alert\">").append(t.failedInputs()).append(" input").append(t.failedInputs() == 1 ? "" : "s")
                    .append(" could not be evaluated; see <a href=\"#failures\">Inputs that failed</a>.</p>\n");
        }
        sb.append("<nav><a href=\"#matrix-section\">Responsibility matrix</a><a href=\"#share\">Customer share</a>")
                .append("<a href=\"#findings\">Findings</a><a href=\"#integrations\">Integrations</a><a href=\"#controls\">Controls</a>")
                .append("<a href=\"#scenarios\">Scenarios</a><a href=\"#failures\">Inputs that failed</a></nav>\n</header>\n");
    }

    private static void card(StringBuilder sb, String id, int value, String label, String cls) {
        sb.append("<div class=\"card").append(cls).append("\"><span class=\"num\" id=\"").append(id).append("\">").append(value)
                .append("</span><span class=\"label\">").append(label).append("</span></div>\n");
    }

    private static void matrix(StringBuilder sb, Portfolio p) {
        sb.append("<section id=\"matrix-section\">\n<h2>Responsibility matrix</h2>\n<p class=\"note\">Each service (and variant) ")
                .append("across the portfolio, by layer: who secures it. A mixed cell means its resources differ; hover for counts.</p>\n")
                .append(legend()).append("<div class=\"scroll\"><table id=\"matrix\" class=\"matrix\">\n<thead><tr><th class=\"rowhead\">service</th>")
                .append("<th>model</th><th title=\"resources\">res.</th>");
        for (String layer : p.layers()) {
            sb.append("<th class=\"layer\" data-layer=\"").append(h(layer)).append("\">").append(h(layer).replace("-", "-<wbr>")).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (Portfolio.ServiceRow row : p.services()) {
            sb.append("<tr data-row=\"").append(h(row.label())).append("\"><th class=\"rowhead\">").append(h(row.label()))
                    .append("</th><td>").append(h(orDash(row.serviceModel()))).append("</td><td class=\"n\">").append(row.resources())
                    .append("</td>");
            for (String layer : p.layers()) {
                Responsibility only = row.party(layer);
                Map<Responsibility, Integer> counts = row.layers().getOrDefault(layer, Map.of());
                StringBuilder tip = new StringBuilder();
                for (Map.Entry<Responsibility, Integer> c : counts.entrySet()) {
                    tip.append(tip.length() == 0 ? "" : ", ").append(c.getKey().name()).append(' ').append(c.getValue());
                }
                String party = only == null ? (counts.isEmpty() ? "NONE" : "MIXED") : only.name();
                sb.append("<td class=\"cell p-").append(lower(party)).append("\" data-layer=\"").append(h(layer))
                        .append("\" data-party=\"").append(party).append("\" title=\"").append(h(layer)).append(": ")
                        .append(h(tip.toString())).append("\">");
                if (only != null) {
                    sb.append(partyLabel(only));
                } else if (!counts.isEmpty()) {
                    StringBuilder mixed = new StringBuilder();
                    for (Map.Entry<Responsibility, Integer> c : counts.entrySet()) {
                        mixed.append(mixed.length() == 0 ? "" : " · ").append(partyLetter(c.getKey())).append(' ').append(c.getValue());
                    }
                    sb.append(mixed);
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static String legend() {
        return "<p class=\"legend\"><span class=\"sw p-customer\"></span>customer <span class=\"sw p-shared\"></span>shared "
                + "<span class=\"sw p-aws\"></span>AWS <span class=\"sw p-mixed\"></span>mixed <span class=\"sw p-unknown\"></span>unknown "
                + "<span class=\"sw p-conflict\"></span>conflict</p>\n";
    }

    private static void share(StringBuilder sb, Portfolio p) {
        sb.append("<section id=\"share\">\n<h2>Customer share per service model</h2>\n<p class=\"note\">How the layer decisions ")
                .append("of each service model's resources split between the customer, shared and AWS.</p>\n<table class=\"share\">\n")
                .append("<thead><tr><th>service model</th><th>resources</th><th class=\"wide\">layers</th><th>customer share (high / medium / low)</th></tr></thead><tbody>\n");
        for (Portfolio.ModelShare m : p.customerShare()) {
            sb.append("<tr data-model=\"").append(h(m.serviceModel())).append("\"><th>").append(h(m.serviceModel()))
                    .append("</th><td class=\"n\">").append(m.resources()).append("</td><td><div class=\"bar\">");
            for (Responsibility party : Portfolio.PARTIES) {
                double pct = m.percent(party);
                if (pct > 0) {
                    sb.append("<span class=\"seg p-").append(lower(party.name())).append("\" style=\"width:").append(num(pct))
                            .append("%\" title=\"").append(party.name()).append(' ').append(num(pct)).append("%\">")
                            .append(pct >= 25 ? partyLabel(party) + " " + num(pct) + "%" : pct >= 8 ? num(pct) + "%" : "").append("</span>");
                }
            }
            sb.append("</div></td><td>").append(m.shareLevels().getOrDefault("HIGH", 0)).append(" / ")
                    .append(m.shareLevels().getOrDefault("MEDIUM", 0)).append(" / ").append(m.shareLevels().getOrDefault("LOW", 0))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</section>\n");
    }

    private static void findings(StringBuilder sb, Portfolio p) {
        sb.append("<section id=\"findings\">\n<h2>Findings by severity and owner</h2>\n<table id=\"findings-table\" class=\"grid\">\n<thead><tr><th>severity</th>");
        for (String o : Portfolio.OWNERS) {
            sb.append("<th>").append(lower(o)).append("</th>");
        }
        sb.append("<th>total</th></tr></thead><tbody>\n");
        Map<Severity, Integer> bySeverity = p.findingsBySeverity();
        for (Map.Entry<Severity, Map<String, Integer>> e : p.findingsBySeverityAndOwner().entrySet()) {
            String s = lower(e.getKey().name());
            sb.append("<tr data-severity=\"").append(s).append("\"><th><span class=\"badge sev-").append(s).append("\">").append(s)
                    .append("</span></th>");
            for (String o : Portfolio.OWNERS) {
                int n = e.getValue().getOrDefault(o, 0);
                sb.append("<td class=\"n").append(n > 0 ? " hot" : "").append("\" data-owner=\"").append(o).append("\">").append(n).append("</td>");
            }
            sb.append("<td class=\"n total\">").append(bySeverity.get(e.getKey())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n<h3>What to fix first</h3>\n");
        if (p.findingsByRule().isEmpty()) {
            sb.append("<p>No findings.</p>\n");
        } else {
            sb.append("<table class=\"grid fixes\"><thead><tr><th>severity</th><th>control</th><th>findings</th><th>scenarios</th><th>fix</th></tr></thead><tbody>\n");
            for (Portfolio.RuleTally r : p.findingsByRule()) {
                String s = lower(r.severity().name());
                sb.append("<tr><td><span class=\"badge sev-").append(s).append("\">").append(s).append("</span></td><td>").append(h(r.title()))
                        .append(" <span class=\"cid\">").append(h(r.rule())).append("</span></td><td class=\"n\">").append(r.findings())
                        .append("</td><td class=\"n\">").append(r.scenarios()).append("</td><td>").append(h(r.remediation())).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("</section>\n");
    }

    private static void integrations(StringBuilder sb, Portfolio p) {
        sb.append("<section id=\"integrations\">\n<h2>Integrations that would close the most MISSING controls</h2>\n")
                .append("<p class=\"note\">").append(h(INTEGRATIONS_NOTE)).append("</p>\n");
        if (p.integrations().isEmpty()) {
            sb.append("<p>No MISSING controls.</p>\n</section>\n");
            return;
        }
        int max = p.integrations().get(0).closes();
        sb.append("<table class=\"grid integrations\"><thead><tr><th>integration</th><th class=\"wide\">MISSING controls it closes</th>")
                .append("<th>scenarios</th><th>what it does</th></tr></thead><tbody>\n");
        for (Portfolio.IntegrationTally i : p.integrations()) {
            sb.append("<tr data-integration=\"").append(h(i.name())).append("\"><th>").append(h(i.name())).append("</th><td><div class=\"hbar\"><span style=\"width:")
                    .append(num(100.0 * i.closes() / max)).append("%\"></span><b>").append(i.closes()).append("</b></div><div class=\"cids\">")
                    .append(h(String.join(", ", i.controls()))).append("</div></td><td class=\"n\">").append(i.scenarios()).append("</td><td>")
                    .append(h(i.why())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</section>\n");
    }

    private static void controls(StringBuilder sb, Portfolio p) {
        sb.append("<section id=\"controls\">\n<h2>Controls</h2>\n<p class=\"note\">Every customer control of the rule pack: ")
                .append("its results across the portfolio and the evidence an auditor will ask for.</p>\n")
                .append("<table id=\"controls-table\" class=\"grid\"><thead><tr><th>control</th><th>layer</th><th>severity</th>")
                .append("<th class=\"wide\">status</th><th>Config rule</th><th>Security Hub</th><th>source</th></tr></thead><tbody>\n");
        for (Portfolio.EvidenceItem item : p.evidence()) {
            sb.append("<tr data-control=\"").append(h(item.control())).append("\"><td>").append(h(item.title())).append(" <span class=\"cid\">")
                    .append(h(item.control())).append("</span></td><td>").append(h(item.layer())).append("</td><td>");
            if (item.severity() != null) {
                String s = lower(item.severity());
                sb.append("<span class=\"badge sev-").append(h(s)).append("\">").append(h(s)).append("</span>");
            }
            sb.append("</td><td>");
            int applied = item.applied();
            if (applied == 0) {
                sb.append("<span class=\"muted\">not applied in this portfolio</span>");
            } else {
                sb.append("<div class=\"bar small\">");
                for (Map.Entry<String, Integer> st : item.statuses().entrySet()) {
                    if (st.getValue() > 0) {
                        sb.append("<span class=\"seg st-").append(lower(st.getKey())).append("\" style=\"width:")
                                .append(num(100.0 * st.getValue() / applied)).append("%\" title=\"").append(h(st.getKey())).append(' ')
                                .append(st.getValue()).append("\"></span>");
                    }
                }
                sb.append("</div><div class=\"counts\">");
                boolean first = true;
                for (Map.Entry<String, Integer> st : item.statuses().entrySet()) {
                    if (st.getValue() > 0) {
                        sb.append(first ? "" : " · ").append("<span class=\"st-text st-").append(lower(st.getKey())).append("\" data-status=\"")
                                .append(h(st.getKey())).append("\">").append(h(lower(st.getKey()).replace('_', ' '))).append(' ')
                                .append(st.getValue()).append("</span>");
                        first = false;
                    }
                }
                sb.append("</div>");
            }
            sb.append("</td><td class=\"mono\">").append(item.configRules().isEmpty() ? "<span class=\"muted\">none</span>" : h(String.join(", ", item.configRules())))
                    .append("</td><td class=\"mono\">").append(item.securityHub().isEmpty() ? "<span class=\"muted\">none</span>" : h(String.join(", ", item.securityHub())))
                    .append("</td><td>").append(link(item.source())).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n<h3>Controls by status and severity</h3>\n<table id=\"status-table\" class=\"grid\"><thead><tr><th>status</th>");
        for (Severity s : Severity.values()) {
            sb.append("<th>").append(lower(s.name())).append("</th>");
        }
        sb.append("<th>total</th></tr></thead><tbody>\n");
        for (Map.Entry<String, Map<String, Integer>> e : p.controlsByStatusAndSeverity().entrySet()) {
            sb.append("<tr data-status=\"").append(h(e.getKey())).append("\"><th><span class=\"status st-").append(lower(e.getKey())).append("\">")
                    .append(h(e.getKey())).append("</span></th>");
            int total = 0;
            for (Severity s : Severity.values()) {
                int n = e.getValue().getOrDefault(s.name(), 0);
                total += n;
                sb.append("<td class=\"n\">").append(n).append("</td>");
            }
            sb.append("<td class=\"n total\">").append(total).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n</section>\n");
    }

    private static void failures(StringBuilder sb, Portfolio p) {
        sb.append("<section id=\"failures\">\n<h2>Inputs that failed</h2>\n");
        if (p.failures().isEmpty()) {
            sb.append("<p>None: every input was read.</p>\n");
        } else {
            sb.append("<table id=\"failures-table\" class=\"grid\"><thead><tr><th>file</th><th>where</th><th>problem</th></tr></thead><tbody>\n");
            for (InputProblem f : p.failures()) {
                sb.append("<tr><td class=\"mono\">").append(h(f.file())).append("</td><td class=\"mono\">").append(h(f.where()))
                        .append("</td><td>").append(h(f.message())).append("</td></tr>\n");
            }
            sb.append("</tbody></table>\n");
        }
        sb.append("</section>\n");
    }

    // ------------------------------------------------------------------ helpers

    /** A link to an http(s) URL from the rule pack's metadata, or the escaped text of anything else. */
    private static String link(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://"))) {
            return h(u);
        }
        return "<a href=\"" + h(u) + "\" rel=\"noopener noreferrer\">docs</a>";
    }

    private static String partyLabel(Responsibility party) {
        return switch (party) {
            case CUSTOMER -> "customer";
            case SHARED -> "shared";
            case AWS -> "AWS";
            case UNKNOWN -> "unknown";
            case CONFLICT -> "conflict";
        };
    }

    private static String partyLetter(Responsibility party) {
        return switch (party) {
            case CUSTOMER -> "C";
            case SHARED -> "S";
            case AWS -> "A";
            case UNKNOWN -> "?";
            case CONFLICT -> "!";
        };
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String h(String s) {
        return Html.text(s);
    }

    private static final String CSS = """
            :root{--customer:#e8743b;--shared:#f2c14e;--aws:#4a7fb5;--unknown:#c9ccd1;--conflict:#b5179e;--ink:#1f2933;--muted:#6b7785;--line:#e3e7ec;
            --critical:#7d1128;--high:#d7263d;--medium:#f18f01;--low:#8ea604;--info:#7a869a;--met:#2e9e5b;--missing:#d7263d;--na:#aab4bf}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:#f6f8fa}
            main{max-width:1360px;margin:0 auto;padding:24px 28px 48px}
            header h1{margin:0 0 4px;font-size:28px;letter-spacing:-.5px}
            .sub{margin:0 0 16px;color:var(--muted)}
            h2{margin:36px 0 8px;font-size:20px;border-bottom:2px solid var(--line);padding-bottom:4px}
            h3{margin:22px 0 8px;font-size:16px}
            .note{color:var(--muted);margin:4px 0 10px}
            .cards{display:flex;flex-wrap:wrap;gap:10px}
            .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:112px;display:flex;flex-direction:column}
            .card .num{font-size:26px;font-weight:700;line-height:1.1}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px}
            .card.sev-critical{border-top:4px solid var(--critical)}.card.sev-high{border-top:4px solid var(--high)}
            .card.sev-medium{border-top:4px solid var(--medium)}.card.sev-low{border-top:4px solid var(--low)}.card.sev-info{border-top:4px solid var(--info)}
            .card.failed{background:#fdecee;border-color:var(--high)}
            .alert{background:#fdecee;border:1px solid var(--high);border-radius:6px;padding:8px 12px}
            nav{margin:16px 0 0;display:flex;flex-wrap:wrap;gap:6px}
            nav a{background:#fff;border:1px solid var(--line);border-radius:14px;padding:3px 10px;color:var(--ink);text-decoration:none;font-size:13px}
            table{border-collapse:collapse;background:#fff}
            th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
            thead th{background:#eef1f4;font-size:12px;font-weight:600}
            .n{text-align:right;font-variant-numeric:tabular-nums}
            .total{font-weight:700}
            .scroll{overflow-x:auto}
            .matrix th,.matrix td{padding:4px 5px}
            .matrix th.layer{min-width:82px;max-width:92px;font-size:10.5px;line-height:1.2;vertical-align:bottom}
            .matrix .rowhead{white-space:nowrap}
            .matrix td.cell{text-align:center;font-size:11px;font-weight:600;white-space:nowrap;min-width:64px}
            .p-customer{background:var(--customer);color:#fff}.p-shared{background:var(--shared);color:#3b2f00}.p-aws{background:var(--aws);color:#fff}
            .p-unknown,.p-none{background:var(--unknown);color:#333}.p-conflict{background:var(--conflict);color:#fff}
            .p-mixed{background:repeating-linear-gradient(135deg,#f7d9c8 0 6px,#d6e3f0 6px 12px);color:#222}
            .legend{font-size:12px;color:var(--muted)}
            .sw{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;margin:0 4px 0 10px}
            .bar{display:flex;height:22px;border-radius:4px;overflow:hidden;background:#eef1f4;min-width:420px}
            .bar.small{height:10px;min-width:180px}
            .seg{display:block;height:100%;font-size:11px;line-height:22px;text-align:center;white-space:nowrap;overflow:hidden}
            .st-met{background:var(--met);color:#fff}.st-missing{background:var(--missing);color:#fff}.st-unknown{background:var(--unknown);color:#333}
            .st-not-applicable{background:var(--na);color:#fff}.st-conflict{background:var(--conflict);color:#fff}
            .st-text{background:none!important;font-weight:600}
            .st-text.st-met{color:var(--met)}.st-text.st-missing{color:var(--missing)}.st-text.st-unknown{color:var(--muted)}
            .st-text.st-not-applicable{color:var(--muted)}.st-text.st-conflict{color:var(--conflict)}
            .counts{font-size:12px;margin-top:3px}
            .status{display:inline-block;border-radius:3px;padding:0 6px;font-size:11px;font-weight:700}
            .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:11px;font-weight:700;color:#fff;margin-right:4px}
            .sev-critical.badge{background:var(--critical)}.sev-high.badge{background:var(--high)}.sev-medium.badge{background:var(--medium)}
            .sev-low.badge{background:var(--low)}.sev-info.badge{background:var(--info)}.badge.clean{background:var(--met)}
            .hot{background:#fff1f0;font-weight:700}
            .hbar{position:relative;background:#eef1f4;border-radius:4px;height:20px;min-width:260px}
            .hbar span{display:block;height:100%;background:var(--aws);border-radius:4px}
            .hbar b{position:absolute;left:8px;top:0;line-height:20px;color:#fff;text-shadow:0 0 2px #000}
            .cids{font-size:11px;color:var(--muted);margin-top:2px}
            .cid{font:11px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
            .mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
            .muted{color:var(--muted)}
            .grid{width:100%}
            th.wide{width:30%}
            details.scenario{background:#fff;border:1px solid var(--line);border-radius:6px;margin:6px 0}
            details.scenario summary{cursor:pointer;padding:8px 12px;list-style-position:inside}
            .sid{font-weight:700;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            .stitle{margin:0 6px}
            .file{color:var(--muted);font-size:12px;float:right}
            details .body{padding:4px 12px 12px}
            details table{margin:8px 0;width:100%}
            .strip{white-space:nowrap}
            .mini{display:inline-block;width:14px;height:14px;margin-right:2px;border-radius:2px}
            .ev{font-size:12px;color:#3d4752}
            .findings{margin:8px 0;padding-left:18px}
            .fix{color:var(--muted);font-size:12px}
            .warning{color:#8a5a00;font-size:12px}
            footer{margin-top:40px;color:var(--muted);font-size:12px}
            """;
}
