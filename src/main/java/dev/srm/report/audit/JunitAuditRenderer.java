package dev.srm.report.audit;

import dev.srm.model.Status;
import dev.srm.model.ControlResult;
import dev.srm.model.Status;
import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.model.InputProblem;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code audit.junit.xml}: JUnit XML for CI dashboards. One test suite per scenario, one test
 * case per (scenario, control): it fails when the control is MISSING on any resource (and its
 * finding there is not WAIVED), is an error when rules conflict on it, is skipped with the
 * waiver's reason, owner and end date when every MISSING is waived, is skipped when it is UNKNOWN (or not applicable) and
 * nothing is missing, and passes otherwise. Failed inputs are a last suite {@code srm.inputs}
 * with one error per input. The per-scenario part is spooled so the totals can open the file.
 * Written with an {@link XMLStreamWriter} (see {@link XmlElement}).
 */
final class JunitAuditRenderer implements AuditRenderer {
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private final Writer out;
    private final Spool body = new Spool();
    private final XMLStreamWriter suites;
    private int tests;
    private int failures;
    private int errors;
    private int skipped;

    JunitAuditRenderer(Writer out) {
        this.out = out;
        this.suites = writer(body);
    }

    @Override
    public void scenario(Evaluation e) throws IOException {
        Map<String, List<ControlRow>> byControl = new TreeMap<>();
        for (ControlRow row : ControlRow.of(e)) {
            byControl.computeIfAbsent(row.control().id(), k -> new ArrayList<>()).add(row);
        }
        List<XmlElement> cases = new ArrayList<>();
        int suiteFailures = 0;
        int suiteErrors = 0;
        int suiteSkipped = 0;
        for (List<ControlRow> rows : byControl.values()) {
            ControlResult first = rows.get(0).control();
            XmlElement testcase = XmlElement.of("testcase").attr("classname", e.scenario().id()).attr("name", first.id() + ": " + first.title());
            List<ControlRow> missing = withStatus(rows, "MISSING").stream().filter(r -> !r.waived()).toList();
            List<ControlRow> waived = rows.stream().filter(ControlRow::waived).toList();
            List<ControlRow> conflict = withStatus(rows, "CONFLICT");
            List<ControlRow> unknown = withStatus(rows, "UNKNOWN");
            XmlElement outcome = null;
            if (!missing.isEmpty()) {
                suiteFailures++;
                outcome = XmlElement.of("failure").attr("type", "MISSING").attr("message", summary("MISSING", missing)).text(details(rows));
            } else if (!conflict.isEmpty()) {
                suiteErrors++;
                outcome = XmlElement.of("error").attr("type", "CONFLICT").attr("message", summary("CONFLICT", conflict)).text(details(rows));
            } else if (!waived.isEmpty()) {
                suiteSkipped++;
                outcome = XmlElement.of("skipped").attr("message", "WAIVED on " + String.join(", ", waived.stream()
                        .map(r -> r.resourceId() + " (" + r.finding().waiver().describe() + ")").toList()));
            } else if (!unknown.isEmpty()) {
                suiteSkipped++;
                outcome = XmlElement.of("skipped").attr("message", summary("UNKNOWN", unknown) + ": not evidenced");
            } else if (rows.stream().allMatch(r -> r.control().status() == Status.NOT_APPLICABLE)) {
                suiteSkipped++;
                outcome = XmlElement.of("skipped").attr("message", summary("NOT_APPLICABLE", rows));
            }
            cases.add(outcome == null ? testcase : testcase.children(List.of(outcome)));
        }
        tests += cases.size();
        failures += suiteFailures;
        errors += suiteErrors;
        skipped += suiteSkipped;
        List<XmlElement> children = new ArrayList<>();
        children.add(XmlElement.of("properties").children(List.of(
                XmlElement.of("property").attr("name", "title").attr("value", e.scenario().title()),
                XmlElement.of("property").attr("name", "file").attr("value", e.scenario().file()))));
        children.addAll(cases);
        write(suite(e.scenario().id(), cases.size(), suiteFailures, suiteErrors, suiteSkipped).children(children), suites, 1);
    }

    private static XmlElement suite(String name, int tests, int failures, int errors, int skipped) {
        return XmlElement.of("testsuite").attr("name", name).attr("tests", tests).attr("failures", failures).attr("errors", errors)
                .attr("skipped", skipped);
    }

    private static List<ControlRow> withStatus(List<ControlRow> rows, String status) {
        return rows.stream().filter(r -> status.equals(r.control().status().name())).toList();
    }

    private static String summary(String status, List<ControlRow> rows) {
        return status + " on " + String.join(", ", rows.stream().map(ControlRow::resourceId).toList());
    }

    private static String details(List<ControlRow> rows) {
        StringBuilder sb = new StringBuilder();
        for (ControlRow r : rows) {
            ControlResult c = r.control();
            sb.append(r.resourceId()).append(": ").append(c.status()).append(" (").append(c.reason()).append(")");
            if (r.resource() != null && r.finding() != null) { // where to fix what failed
                sb.append("\n  from ").append(r.origin().describe());
            }
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
        XMLStreamWriter w = writer(out);
        try {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            XmlElement.of("testsuites").attr("name", "srm audit").attr("tests", tests + failed.size()).attr("failures", failures)
                    .attr("errors", errors + failed.size()).attr("skipped", skipped).startTag(w);
            w.writeCharacters("\n");
            w.flush();
            body.copyTo(out);
            if (!failed.isEmpty()) {
                List<XmlElement> cases = failed.stream().map(p -> XmlElement.of("testcase").attr("classname", "srm.inputs")
                        .attr("name", p.file()).children(List.of(XmlElement.of("error").attr("type", "INPUT").attr("message", p.toString()))))
                        .toList();
                suite("srm.inputs", failed.size(), 0, failed.size(), 0).children(cases).write(w, 1);
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        out.flush();
        body.close();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    private static XMLStreamWriter writer(Writer target) {
        try {
            return XML.createXMLStreamWriter(target);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(XmlElement element, XMLStreamWriter w, int depth) throws IOException {
        try {
            element.write(w, depth);
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
