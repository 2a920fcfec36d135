package dev.srm.report.audit;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.model.ResourceResult;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * {@code audit.csv}: one row per (scenario, resource, control), what an auditor opens in a
 * spreadsheet; then one row per input that failed, with status {@code INPUT_ERROR}. RFC 4180
 * (CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled), UTF-8.
 * A cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is
 * prefixed with a single quote.
 */
final class CsvAuditRenderer implements AuditRenderer {
    static final List<String> HEADER = List.of("scenario", "scenario_title", "file", "resource", "service", "type", "variant",
            "service_model", "control", "control_title", "layer", "owner", "status", "severity", "security_hub",
            "config_rules", "integrations", "evidence", "reason", "source");

    private final Writer out;
    private boolean started;

    CsvAuditRenderer(Writer out) {
        this.out = out;
    }

    private void header() throws IOException {
        if (!started) {
            started = true;
            row(HEADER);
        }
    }

    @Override
    public void scenario(Evaluation e) throws IOException {
        header();
        for (ControlRow row : ControlRow.of(e)) {
            ResourceResult r = row.resource();
            ControlResult c = row.control();
            row(List.of(e.scenario().id(), e.scenario().title(), e.scenario().file(), row.resourceId(),
                    r == null ? "" : orEmpty(r.service()), r == null ? "" : orEmpty(r.type()), r == null ? "" : orEmpty(r.variant()),
                    r == null ? "" : orEmpty(r.serviceModel()), c.id(), c.title(), c.layer(), row.owner(), c.status(),
                    orEmpty(c.severity()), String.join("; ", c.securityHub()), String.join("; ", c.configRules()),
                    String.join("; ", c.integrations()), String.join("; ", c.evidence()), orEmpty(c.reason()), orEmpty(c.source())));
        }
    }

    @Override
    public void finish(Portfolio portfolio) throws IOException {
        header();
        for (InputProblem p : portfolio.failures()) {
            String[] cells = new String[HEADER.size()];
            Arrays.fill(cells, "");
            cells[HEADER.indexOf("file")] = p.file();
            cells[HEADER.indexOf("status")] = "INPUT_ERROR";
            cells[HEADER.indexOf("reason")] = p.toString();
            row(List.of(cells));
        }
        out.flush();
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** One field: formula-looking text defused with a leading quote, then quoted when RFC 4180 requires it. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
