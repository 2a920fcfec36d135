package dev.srm.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputProblem;
import dev.srm.model.IntegrationResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The JSON shape of results, shared by every report that writes JSON. Key order is fixed. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Writes a tree with two-space indent and \n line ends on every platform. */
    public static void write(Object tree, Writer out) throws IOException {
        MAPPER.writer(prettyPrinter()).writeValue(out, tree);
        out.write("\n");
    }

    /**
     * A generator that writes the same layout as {@link #write}, for reports that stream a
     * document too large to hold as one tree. Closing it does not close {@code out}.
     */
    public static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator g = MAPPER.getFactory().createGenerator(out);
        g.setPrettyPrinter(prettyPrinter());
        g.setCodec(MAPPER);
        return g;
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent).withArrayIndenter(indent);
    }

    public static ObjectNode evaluation(Evaluation e) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode s = root.putObject("scenario");
        s.put("id", e.scenario().id());
        s.put("title", e.scenario().title());
        s.put("file", e.scenario().file());
        ArrayNode resources = root.putArray("resources");
        for (ResourceResult r : e.resources()) {
            resources.add(resource(r));
        }
        ObjectNode account = root.putObject("account");
        controls(account.putArray("controls"), e.accountControls());
        ArrayNode findings = root.putArray("findings");
        for (FindingResult f : e.findings()) {
            findings.add(finding(f));
        }
        ArrayNode integrations = root.putArray("integrations");
        for (IntegrationResult i : e.integrations()) {
            ObjectNode n = integrations.addObject();
            n.put("name", i.name());
            n.put("why", i.why());
            strings(n.putArray("controls"), i.controls());
            strings(n.putArray("resources"), i.resources());
        }
        strings(root.putArray("warnings"), e.warnings());
        return root;
    }

    static ObjectNode resource(ResourceResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("service", r.service());
        n.put("type", r.type());
        n.put("variant", r.variant());
        n.put("serviceModel", r.serviceModel());
        n.put("customerShare", r.customerShare());
        n.put("rule", r.rule());
        n.put("reason", r.reason());
        ArrayNode layers = n.putArray("layers");
        for (LayerResult l : r.layers()) {
            ObjectNode ln = layers.addObject();
            ln.put("layer", l.layer());
            ln.put("party", l.party().name());
            ln.put("rule", l.rule());
            ln.put("reason", l.reason());
            if (!l.explanation().isEmpty()) {
                strings(ln.putArray("explanation"), l.explanation());
            }
        }
        controls(n.putArray("controls"), r.controls());
        if (!r.notices().isEmpty()) {
            strings(n.putArray("notices"), r.notices());
        }
        return n;
    }

    static void controls(ArrayNode out, List<ControlResult> controls) {
        for (ControlResult c : controls) {
            ObjectNode n = out.addObject();
            n.put("id", c.id());
            n.put("title", c.title());
            n.put("layer", c.layer());
            n.put("status", c.status());
            n.put("severity", c.severity());
            strings(n.putArray("integrations"), c.integrations());
            strings(n.putArray("evidence"), c.evidence());
            n.put("reason", c.reason());
            n.put("rule", c.rule());
            n.put("source", c.source());
            ObjectNode refs = n.putObject("references");
            strings(refs.putArray("securityHub"), c.securityHub());
            strings(refs.putArray("configRules"), c.configRules());
            ObjectNode fw = refs.putObject("frameworks");
            c.frameworks().forEach((k, v) -> strings(fw.putArray(k), v));
            if (!c.explanation().isEmpty()) {
                strings(n.putArray("explanation"), c.explanation());
            }
        }
    }

    static ObjectNode finding(FindingResult f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", f.id());
        n.put("rule", f.rule());
        n.put("severity", f.severity().name());
        n.put("resource", f.resource());
        n.put("layer", f.layer());
        n.put("owner", f.owner());
        n.put("title", f.title());
        n.put("remediation", f.remediation());
        strings(n.putArray("integrations"), f.integrations());
        n.put("source", f.source());
        strings(n.putArray("securityHub"), f.securityHub());
        if (!f.explanation().isEmpty()) {
            strings(n.putArray("explanation"), f.explanation());
        }
        return n;
    }

    public static ObjectNode problem(InputProblem p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", p.file());
        n.put("where", p.where());
        n.put("message", p.message());
        n.put("error", p.toString());
        return n;
    }

    static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }
}
