package dev.srm.report.audit;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.escape.Xml;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code audit.junit.xml}: JUnit XML for CI dashboards. One test suite per scenario, one test
 * case per (scenario, control): it fails when the control is MISSING on any resource, is an
 * error when rules conflict on it, is skipped when it is UNKNOWN (or not applicable) and
 * nothing is missing, and passes otherwise. Failed inputs are a last suite {@code srm.inputs}
 * with one error per input. The per-scenario part is spooled so the totals can open the file.
 */
final class JunitAuditRenderer implements AuditRenderer {
    private final Writer out;
    private final Spool body = new Spool();
    private int tests;
    private int failures;
    private int errors;
    private int skipped;

    JunitAuditRenderer(Writer out) {
        this.out = out;
    }

    @Override
    public void scenario(Evaluation e) throws IOException {
        Map<String, List<ControlRow>> byControl = new TreeMap<>();
        for (ControlRow row : ControlRow.of(e)) {
            byControl.computeIfAbsent(row.control().id(), k -> new ArrayList<>()).add(row);
        }
        StringBuilder cases = new StringBuilder();
        int[] counts = new int[4]; // tests, failures, errors, skipped
        for (List<ControlRow> rows : byControl.values()) {
            counts[0]++;
            ControlResult first = rows.get(0).control();
            cases.append("    <testcase classname=\"").append(attr(e.scenario().id())).append("\" name=\"")
                    .append(attr(first.id() + ": " + first.title())).append("\"");
            List<ControlRow> missing = withStatus(rows, "MISSING");
            List<ControlRow> conflict = withStatus(rows, "CONFLICT");
            List<ControlRow> unknown = withStatus(rows, "UNKNOWN");
            if (!missing.isEmpty()) {
                counts[1]++;
                cases.append(">\n      <failure type=\"MISSING\" message=\"").append(attr(summary("MISSING", missing)))
                        .append("\">").append(text(details(rows))).append("</failure>\n    </testcase>\n");
            } else if (!conflict.isEmpty()) {
                counts[2]++;
                cases.append(">\n      <error type=\"CONFLICT\" message=\"").append(attr(summary("CONFLICT", conflict)))
                        .append("\">").append(text(details(rows))).append("</error>\n    </testcase>\n");
            } else if (!unknown.isEmpty()) {
                counts[3]++;
                cases.append(">\n      <skipped message=\"").append(attr(summary("UNKNOWN", unknown) + ": not evidenced"))
                        .append("\"/>\n    </testcase>\n");
            } else if (rows.stream().allMatch(r -> "NOT_APPLICABLE".equals(r.control().status()))) {
                counts[3]++;
                cases.append(">\n      <skipped message=\"").append(attr(summary("NOT_APPLICABLE", rows)))
                        .append("\"/>\n    </testcase>\n");
            } else {
                cases.append("/>\n");
            }
        }
        tests += counts[0];
        failures += counts[1];
        errors += counts[2];
        skipped += counts[3];
        body.write("  <testsuite name=\"" + attr(e.scenario().id()) + "\" tests=\"" + counts[0] + "\" failures=\"" + counts[1]
                + "\" errors=\"" + counts[2] + "\" skipped=\"" + counts[3] + "\">\n");
        body.write("    <properties>\n      <property name=\"title\" value=\"" + attr(e.scenario().title())
                + "\"/>\n      <property name=\"file\" value=\"" + attr(e.scenario().file()) + "\"/>\n    </properties>\n");
        body.write(cases.toString());
        body.write("  </testsuite>\n");
    }

    private static List<ControlRow> withStatus(List<ControlRow> rows, String status) {
        return rows.stream().filter(r -> status.equals(r.control().status())).toList();
    }

    private static String summary(String status, List<ControlRow> rows) {
        return status + " on " + String.join(", ", rows.stream().map(ControlRow::resourceId).toList());
    }

    private static String details(List<ControlRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (ControlRow r : rows) {
            ControlResult c = r.control();
            sb.append(r.resourceId()).append(": ").append(c.status()).append(" (").append(c.reason()).append(")");
            for (String ev : c.evidence()) {
                sb.append("\n  ").append(ev);
            }
            sb.append("\n");
        }
        ControlResult c = rows.get(0).control();
        if (!c.securityHub().isEmpty()) {
            sb.append("Security Hub: ").append(String.join(", ", c.securityHub())).append("\n");
        }
        if (c.source() != null) {
            sb.append("Source: ").append(c.source()).append("\n");
        }
        return sb.toString();
    }

    @Override
    public void finish(Portfolio portfolio) throws IOException {
        List<InputProblem> failed = portfolio.failures();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"srm audit\" tests=\"" + (tests + failed.size()) + "\" failures=\"" + failures
                + "\" errors=\"" + (errors + failed.size()) + "\" skipped=\"" + skipped + "\">\n");
        body.copyTo(out);
        if (!failed.isEmpty()) {
            out.write("  <testsuite name=\"srm.inputs\" tests=\"" + failed.size() + "\" failures=\"0\" errors=\"" + failed.size()
                    + "\" skipped=\"0\">\n");
            for (InputProblem p : failed) {
                out.write("    <testcase classname=\"srm.inputs\" name=\"" + attr(p.file()) + "\">\n");
                out.write("      <error type=\"INPUT\" message=\"" + attr(p.toString()) + "\"/>\n");
                out.write("    </testcase>\n");
            }
            out.write("  </testsuite>\n");
        }
        out.write("</testsuites>\n");
        out.flush();
        body.close();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private static String attr(String s) {
        return Xml.attr(s);
    }

    private static String text(String s) {
        return Xml.text(s);
    }
}
