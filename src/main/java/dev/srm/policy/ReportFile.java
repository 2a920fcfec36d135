package dev.srm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.srm.facts.Severity;
import dev.srm.model.InputProblem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An earlier JSON report of srm, read back: {@code audit.json}, {@code --write-baseline}'s file, or
 * {@code srm evaluate --format json} (one scenario's object, or {@code {"evaluations": [...]}}).
 * A file that is not such a report, or whose {@code srmReport} version this srm does not read,
 * is one problem.
 */
record ReportFile(String name, List<ScenarioPart> scenarios, List<String> failedFiles) {
    /** The report format version srm writes ({@code "srmReport": 1} in audit.json). */
    static final int VERSION = 1;
    static final String EXPECTED = "a JSON report of srm (audit.json, --write-baseline, or srm evaluate --format json)";

    /** {@code failedFiles}: the inputs the run could not read (audit.json's {@code errors}), whose scenarios it does not hold. */
    ReportFile {
        scenarios = List.copyOf(scenarios);
        failedFiles = List.copyOf(failedFiles);
    }

    /** One scenario of the report. */
    record ScenarioPart(String id, String file, Map<String, String> layers, Map<String, String> duties, Map<String, String> controls,
                        List<FindingPart> findings) {
    }

    /** One finding of the report, with the waiver it showed ("" when none) and its state. */
    record FindingPart(String fingerprint, String scenario, String resource, String rule, Severity severity, String title,
                       String status, String waiver, String waiverState) {
    }

    static ReportFile read(Path file) throws PolicyException {
        Documents doc = Documents.read(file, EXPECTED);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new PolicyException(doc.problem("", "not an srm report; expected " + EXPECTED));
        }
        if (root.has("srmReport") && root.get("srmReport").asInt(-1) != VERSION) {
            throw new PolicyException(doc.problem("/srmReport", "report format version " + root.get("srmReport")
                    + " is not one this srm reads; expected srmReport: " + VERSION + " (write the report again with this srm)"));
        }
        List<JsonNode> evaluations = new ArrayList<>();
        String base;
        if (root.has("evaluations") && root.get("evaluations").isArray()) {
            root.get("evaluations").forEach(evaluations::add);
            base = "/evaluations/";
        } else if (root.has("scenario") && root.has("findings")) {
            evaluations.add(root);
            base = null;
        } else {
            throw new PolicyException(doc.problem("", "not an srm report (no evaluations, no scenario and findings); expected "
                    + EXPECTED));
        }
        List<ScenarioPart> out = new ArrayList<>();
        for (int i = 0; i < evaluations.size(); i++) {
            String at = base == null ? "" : base + i;
            out.add(scenario(doc, at, evaluations.get(i)));
        }
        List<String> failed = new ArrayList<>();
        for (JsonNode error : root.path("errors")) {
            if (error.path("file").isTextual()) {
                failed.add(error.get("file").asText());
            }
        }
        return new ReportFile(doc.name(), out, failed);
    }

    private static ScenarioPart scenario(Documents doc, String at, JsonNode e) throws PolicyException {
        JsonNode scenario = e.path("scenario");
        if (!scenario.path("id").isTextual() || !e.path("findings").isArray()) {
            throw new PolicyException(doc.problem(at, "not an evaluation of an srm report (expected scenario.id and findings[]); expected "
                    + EXPECTED));
        }
        String id = scenario.get("id").asText();
        String file = scenario.path("file").asText("");
        Map<String, String> layers = new LinkedHashMap<>();
        Map<String, String> duties = new LinkedHashMap<>();
        Map<String, String> controls = new LinkedHashMap<>();
        for (JsonNode r : e.path("resources")) {
            String rid = r.path("id").asText();
            for (JsonNode l : r.path("layers")) {
                String key = rid + " " + l.path("layer").asText();
                layers.put(key, l.path("party").asText());
                for (JsonNode d : l.path("duties")) {
                    duties.put(key + " " + d.path("duty").asText(), d.path("party").asText());
                }
            }
            for (JsonNode c : r.path("controls")) {
                controls.put(rid + " " + c.path("id").asText(), c.path("status").asText());
            }
        }
        for (JsonNode c : e.path("account").path("controls")) {
            controls.put("account " + c.path("id").asText(), c.path("status").asText());
        }
        List<FindingPart> findings = new ArrayList<>();
        JsonNode list = e.get("findings");
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            if (!f.path("resource").isTextual() || !f.path("rule").isTextual()) {
                throw new PolicyException(doc.problem(at + "/findings/" + i, "a finding without resource and rule; expected " + EXPECTED));
            }
            String resource = f.get("resource").asText();
            String rule = f.get("rule").asText();
            Severity severity;
            try {
                severity = Severity.valueOf(f.path("severity").asText());
            } catch (IllegalArgumentException ex) {
                throw new PolicyException(doc.problem(at + "/findings/" + i + "/severity", "unknown severity "
                        + f.path("severity") + "; expected one of CRITICAL, HIGH, MEDIUM, LOW, INFO"));
            }
            String fingerprint = Fingerprint.of(id, resource, rule); // recomputed: a report of an older srm has none
            JsonNode w = f.path("waiver");
            String waiver = w.isObject() ? w.path("owner").asText() + " until " + w.path("expires").asText() + ": "
                    + w.path("reason").asText() : "";
            findings.add(new FindingPart(fingerprint, id, resource, rule, severity, f.path("title").asText(),
                    f.path("status").asText("OPEN"), waiver, w.path("state").asText("")));
        }
        return new ScenarioPart(id, file, layers, duties, controls, findings);
    }

    static InputProblem problem(String name, String message) {
        return new InputProblem(name, "", message);
    }
}
