package dev.srm.report.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.model.Responsibility;
import dev.srm.report.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * {@code audit.json}: {@code {"evaluations": [...], "portfolio": {...}, "errors": [...]}}.
 * Each evaluation has the shape {@code srm evaluate --format json} gives one scenario; the
 * portfolio roll-ups and the failed inputs come after them so that the file streams. The
 * keys are documented in docs/audit.md.
 */
final class JsonAuditRenderer implements AuditRenderer {
    private final Writer out;
    private JsonGenerator g;

    JsonAuditRenderer(Writer out) {
        this.out = out;
    }

    private JsonGenerator generator() throws IOException {
        if (g == null) {
            g = Json.generator(out);
            g.writeStartObject();
            g.writeArrayFieldStart("evaluations");
        }
        return g;
    }

    @Override
    public void scenario(Evaluation evaluation) throws IOException {
        generator().writeTree(Json.evaluation(evaluation));
    }

    @Override
    public void finish(Portfolio p) throws IOException {
        JsonGenerator gen = generator();
        gen.writeEndArray();
        gen.writeFieldName("portfolio");
        gen.writeTree(portfolio(p));
        gen.writeArrayFieldStart("errors");
        for (InputProblem problem : p.failures()) {
            gen.writeTree(Json.problem(problem));
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
        out.write("\n");
        out.flush();
    }

    static ObjectNode portfolio(Portfolio p) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode totals = root.putObject("totals");
        totals.put("scenarios", p.totals().scenarios());
        totals.put("resources", p.totals().resources());
        totals.put("controls", p.totals().controls());
        totals.put("findings", p.totals().findings());
        totals.put("warnings", p.totals().warnings());
        totals.put("failedInputs", p.totals().failedInputs());

        ObjectNode findings = root.putObject("findings");
        ObjectNode bySeverity = findings.putObject("bySeverity");
        p.findingsBySeverity().forEach((s, n) -> bySeverity.put(s.name(), n));
        ObjectNode bySevOwner = findings.putObject("bySeverityAndOwner");
        for (Map.Entry<Severity, Map<String, Integer>> e : p.findingsBySeverityAndOwner().entrySet()) {
            counts(bySevOwner.putObject(e.getKey().name()), e.getValue());
        }
        ArrayNode byRule = findings.putArray("byRule");
        for (Portfolio.RuleTally t : p.findingsByRule()) {
            ObjectNode n = byRule.addObject();
            n.put("rule", t.rule());
            n.put("title", t.title());
            n.put("severity", t.severity().name());
            n.put("findings", t.findings());
            n.put("scenarios", t.scenarios());
            n.put("remediation", t.remediation());
        }

        ObjectNode responsibility = root.putObject("responsibility");
        strings(responsibility.putArray("layers"), p.layers());
        ArrayNode services = responsibility.putArray("services");
        for (Portfolio.ServiceRow row : p.services()) {
            ObjectNode n = services.addObject();
            n.put("service", row.service());
            n.put("variant", row.variant());
            n.put("serviceModel", row.serviceModel());
            n.put("label", row.label());
            n.put("resources", row.resources());
            ObjectNode layers = n.putObject("layers");
            row.layers().forEach((layer, parties) -> {
                ObjectNode ln = layers.putObject(layer);
                Responsibility only = row.party(layer);
                ln.put("party", only == null ? "MIXED" : only.name());
                ObjectNode c = ln.putObject("resources");
                parties.forEach((party, count) -> c.put(party.name(), count));
            });
        }
        ObjectNode byLayer = responsibility.putObject("byLayer");
        for (String layer : p.layers()) {
            ObjectNode ln = byLayer.putObject(layer);
            for (Responsibility party : Portfolio.PARTIES) {
                List<String> labels = p.servicesLeaving(layer, party);
                if (!labels.isEmpty() || Portfolio.OWNERS.contains(party.name())) { // the three parties always, UNKNOWN and CONFLICT when they occur
                    strings(ln.putArray(party.name()), labels);
                }
            }
        }

        ArrayNode share = root.putArray("customerShare");
        for (Portfolio.ModelShare m : p.customerShare()) {
            ObjectNode n = share.addObject();
            n.put("serviceModel", m.serviceModel());
            n.put("resources", m.resources());
            counts(n.putObject("shareLevels"), m.shareLevels());
            ObjectNode layers = n.putObject("layerDecisions");
            ObjectNode percent = n.putObject("layerPercent");
            for (Responsibility party : Portfolio.PARTIES) {
                layers.put(party.name(), m.layers().getOrDefault(party, 0));
                percent.put(party.name(), m.percent(party));
            }
        }

        ObjectNode controls = root.putObject("controls");
        ObjectNode byStatus = controls.putObject("byStatusAndSeverity");
        p.controlsByStatusAndSeverity().forEach((status, sev) -> counts(byStatus.putObject(status), sev));

        ArrayNode integrations = root.putArray("integrations");
        for (Portfolio.IntegrationTally t : p.integrations()) {
            ObjectNode n = integrations.addObject();
            n.put("name", t.name());
            n.put("why", t.why());
            n.put("closes", t.closes());
            n.put("scenarios", t.scenarios());
            strings(n.putArray("controls"), t.controls());
        }

        ArrayNode evidence = root.putArray("evidence");
        for (Portfolio.EvidenceItem item : p.evidence()) {
            ObjectNode n = evidence.addObject();
            n.put("control", item.control());
            n.put("title", item.title());
            n.put("layer", item.layer());
            n.put("severity", item.severity());
            strings(n.putArray("configRules"), item.configRules());
            strings(n.putArray("securityHub"), item.securityHub());
            n.put("source", item.source());
            counts(n.putObject("statuses"), item.statuses());
        }
        return root;
    }

    private static void counts(ObjectNode out, Map<String, Integer> counts) {
        counts.forEach(out::put);
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }
}
