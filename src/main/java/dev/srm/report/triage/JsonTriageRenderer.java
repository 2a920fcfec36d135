package dev.srm.report.triage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.model.Triage;
import dev.srm.report.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON for machines and ticket automation. One incident gives its object ({@code owner},
 * {@code layer}, {@code reason}, {@code rule}, {@code actions[]}, {@code evidence[]},
 * {@code route}, {@code preventiveControls[]}, ...); several (an ASFF file with several
 * findings) give {@code {"triages": [...]}}. Key order is fixed.
 */
public final class JsonTriageRenderer implements TriageRenderer {
    @Override
    public String name() {
        return "json";
    }

    @Override
    public void render(List<Triage> triages, Writer out) throws IOException {
        if (triages.size() == 1) {
            Json.write(triage(triages.get(0)), out);
            return;
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode all = root.putArray("triages");
        triages.forEach(t -> all.add(triage(t)));
        Json.write(root, out);
    }

    public static ObjectNode triage(Triage t) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ObjectNode incident = n.putObject("incident");
        incident.put("id", t.incident().id());
        incident.put("summary", t.incident().summary());
        incident.put("detectedBy", t.incident().detectedBy());
        incident.put("severity", t.incident().severity());
        incident.put("source", t.incident().origin());
        incident.put("file", t.incident().file());
        incident.put("scenario", t.incident().scenario());
        n.put("kind", t.kind().id());
        n.put("kindTitle", t.kind().title());
        n.put("kindReason", t.kind().reason());
        n.put("kindRule", t.kind().rule());
        ObjectNode resource = n.putObject("resource");
        resource.put("id", t.resource().id());
        resource.put("service", t.resource().service());
        resource.put("type", t.resource().type());
        resource.put("variant", t.resource().variant());
        resource.put("synthetic", t.resource().synthetic());
        n.put("serviceModel", t.serviceModel());
        n.put("owner", t.owner().name());
        n.put("layer", t.layer());
        n.put("reason", t.reason());
        n.put("rule", t.rule());
        if (t.basis() == null) {
            n.putNull("basis");
        } else {
            ObjectNode basis = n.putObject("basis");
            basis.put("rule", t.basis().rule());
            basis.put("fact", t.basis().fact());
        }
        n.put("route", t.route().team());
        n.put("routeReason", t.route().reason());
        n.put("routeRule", t.route().rule());
        ArrayNode actions = n.putArray("actions");
        for (Triage.Action a : t.actions()) {
            ObjectNode an = actions.addObject();
            an.put("step", a.step());
            an.put("action", a.text());
            an.put("feature", a.feature());
            an.put("rule", a.rule());
        }
        ArrayNode avoid = n.putArray("avoid");
        for (Triage.Avoid a : t.avoid()) {
            ObjectNode an = avoid.addObject();
            an.put("text", a.text());
            an.put("rule", a.rule());
        }
        ArrayNode evidence = n.putArray("evidence");
        for (Triage.EvidenceItem e : t.evidence()) {
            ObjectNode en = evidence.addObject();
            en.put("source", e.source());
            en.put("status", e.status());
            en.put("detail", e.detail());
            en.put("why", e.why());
            en.put("control", e.control());
            en.put("subject", e.subject());
            en.put("rule", e.rule());
            en.put("warning", e.warning());
        }
        ArrayNode preventive = n.putArray("preventiveControls");
        for (Triage.Prevention p : t.preventiveControls()) {
            ObjectNode pn = preventive.addObject();
            pn.put("control", p.control());
            pn.put("title", p.title());
            pn.put("resource", p.subject());
            pn.put("status", p.status());
            pn.put("layer", p.layer());
            ArrayNode sh = pn.putArray("securityHub");
            p.securityHub().forEach(sh::add);
            pn.put("why", p.why());
            pn.put("rule", p.rule());
        }
        ArrayNode warnings = n.putArray("warnings");
        t.warnings().forEach(warnings::add);
        return n;
    }
}
