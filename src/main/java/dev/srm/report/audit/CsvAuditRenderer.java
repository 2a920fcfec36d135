package dev.srm.report.audit;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.WaiverNote;
import dev.srm.model.InputProblem;
import dev.srm.model.Origin;
import dev.srm.model.ResourceResult;
import dev.srm.report.escape.Csv;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/**
 * {@code audit.csv}: one row per (scenario, resource, control), what an auditor opens in a
 * spreadsheet, with the finding the control raised (its fingerprint, OPEN or WAIVED, NEW or
 * UNCHANGED against a baseline, and the waiver that matched it) and, last, where the resource was
 * read from ({@link Origin#describe()}: file and line, plan address, Config ARN and capture time); then one row per input that failed, with status {@code INPUT_ERROR}. RFC 4180
 * in UTF-8, escaped by {@link Csv} (formulas defused).
 */
final class CsvAuditRenderer implements AuditRenderer {
    static final List<String> HEADER = List.of("scenario", "scenario_title", "file", "resource", "service", "type", "variant",
            "service_model", "control", "control_title", "layer", "owner", "layer_party", "status", "severity", "security_hub",
            "config_rules", "integrations", "evidence", "reason", "source", "fingerprint", "finding_status", "baseline", "waiver_owner",
            "waiver_expires", "waiver_state", "waiver_ticket", "waiver_reason", "origin");

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
            FindingResult f = row.finding();
            WaiverNote w = f == null ? null : f.waiver();
            row(List.of(e.scenario().id(), e.scenario().title(), e.scenario().file(), row.resourceId(),
                    r == null ? "" : orEmpty(r.service()), r == null ? "" : orEmpty(r.type()), r == null ? "" : orEmpty(r.variant()),
                    r == null ? "" : orEmpty(r.serviceModel()), c.id(), c.title(), c.layer(), row.owner(), row.layerParty(), c.status().name(),
                    orEmpty(c.severity()), String.join("; ", c.securityHub()), String.join("; ", c.configRules()),
                    String.join("; ", c.integrations()), String.join("; ", c.evidence()), orEmpty(c.reason()), orEmpty(c.source()),
                    f == null ? "" : orEmpty(f.fingerprint()), f == null ? "" : f.status().name(),
                    f == null || f.novelty() == null ? "" : f.novelty().name(), w == null ? "" : w.owner(),
                    w == null ? "" : w.expires().toString(), w == null ? "" : w.state().name(), w == null ? "" : orEmpty(w.ticket()),
                    w == null ? "" : w.reason(), row.origin().describe()));
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
        out.write(Csv.row(cells));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
