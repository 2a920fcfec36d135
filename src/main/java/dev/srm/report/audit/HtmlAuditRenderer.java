package dev.srm.report.audit;

import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.report.escape.HtmlTemplates;
import gg.jte.Content;
import gg.jte.TemplateOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit.html}: one self-contained page (inline CSS, no script, no font or image from
 * anywhere; a Content-Security-Policy forbids scripts and requests even if something slipped
 * through). Roll-ups first: totals, the responsibility matrix of services by layers coloured
 * by party, the customer share per service model, findings by severity and owner, what to
 * fix first, the integrations that close the most MISSING controls, every control with its
 * statuses and evidence source; then a collapsible drill-down per scenario (spooled while the
 * batch streams) and the inputs that failed. Written from the jte templates in src/main/jte/audit
 * (compiled with the build) through {@link HtmlTemplates}, which escapes every value; the CSS is
 * the resource audit.css.
 */
final class HtmlAuditRenderer implements AuditRenderer {
    static final String TITLE = "srm audit";
    static final String INTEGRATIONS_NOTE = "Each MISSING control result counts for every integration its control lists as "
            + "implementing or evidencing it. Evidence services (Config rules, Security Hub controls) find the gap; the others close it.";

    private static final String CSS = HtmlTemplates.resource(HtmlAuditRenderer.class, "audit.css");

    /** What the page template shows: the roll-ups, the style sheet and the spooled drill-down. */
    record Page(Portfolio portfolio, String css, Content scenarios) {
    }

    /** What a scenario's drill-down shows: the evaluation, its control rows and its findings per severity. */
    record Drill(Evaluation evaluation, List<ControlRow> controls, List<SeverityCount> severities,
                 java.util.Map<String, dev.srm.model.Origin> origins) {
        /** Where a resource (or the account) was read from, for people. */
        String from(String resource) {
            dev.srm.model.Origin o = origins.get(resource);
            return o == null ? "" : o.describe();
        }
    }

    /** How many findings of one severity (lower case), for a badge. */
    record SeverityCount(String severity, int count) {
    }

    private final Writer out;
    private final Spool drillDown = new Spool();

    HtmlAuditRenderer(Writer out) {
        this.out = out;
    }

    @Override
    public void scenario(Evaluation e) throws IOException {
        int[] bySeverity = new int[Severity.values().length];
        for (FindingResult f : e.findings()) {
            bySeverity[f.severity().ordinal()]++;
        }
        List<SeverityCount> severities = new ArrayList<>();
        for (Severity s : Severity.values()) {
            if (bySeverity[s.ordinal()] > 0) {
                severities.add(new SeverityCount(HtmlView.lower(s.name()), bySeverity[s.ordinal()]));
            }
        }
        HtmlTemplates.render("audit/scenario.jte", new Drill(e, ControlRow.of(e), severities, e.origins()), drillDown);
    }

    @Override
    public void finish(Portfolio p) throws IOException {
        HtmlTemplates.render("audit/page.jte", new Page(p, CSS, this::copyDrillDown), out);
        out.flush();
        drillDown.close();
    }

    /** Copies the spooled drill-down into the page as it is: markup this renderer wrote with the scenario template. */
    private void copyDrillDown(TemplateOutput output) {
        Writer toPage = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                output.writeContent(new String(buf, off, len));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try {
            drillDown.copyTo(toPage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        drillDown.close();
    }
}
