package dev.srm.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import dev.srm.model.matrix.Duty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads srm's own JSON results, as {@code srm audit --format json} ({@code audit.json}) and
 * {@code srm evaluate --format json} write them, one evaluation at a time, into a {@link CrmInput}.
 */
final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultsJson() {
    }

    /** Whether a file is srm JSON results (and not, say, a scenario or a template in JSON). */
    static boolean claims(Path file) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
            return dev.srm.input.Inputs.ownResults(p);
        } catch (IOException e) {
            return false;
        }
    }

    /** Adds every evaluation of the file; throws (INPUT) with one line when it cannot be read. */
    static void read(Path file, CrmInput into, List<String> warnings) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.getFactory().createParser(in)) {
            p.nextToken();
            List<String> errors = new ArrayList<>();
            JsonNode single = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("evaluations".equals(name) && value == JsonToken.START_ARRAY) {
                    int i = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        add(MAPPER.readTree(p), into, file + ": /evaluations/" + i++);
                    }
                } else if ("errors".equals(name) && value == JsonToken.START_ARRAY) {
                    for (JsonNode e : MAPPER.<JsonNode>readTree(p)) {
                        errors.add(e.path("error").asText(e.path("message").asText("")));
                    }
                } else if ("scenario".equals(name) || "resources".equals(name) || "account".equals(name)) {
                    if (single == null) {
                        single = MAPPER.createObjectNode();
                    }
                    ((com.fasterxml.jackson.databind.node.ObjectNode) single).set(name, MAPPER.readTree(p));
                } else {
                    p.skipChildren();
                }
            }
            if (single != null) {
                add(single, into, file + ": ");
            }
            for (String e : errors) {
                warnings.add(file + ": the results list an input that failed: " + e);
            }
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "cannot be read" : e.getMessage().lines().findFirst().orElse("");
            throw SrmException.input(List.of(file + ": not srm JSON results: " + msg));
        }
    }

    /** Adds one evaluation; {@code at} is the file and the evaluation's JSON pointer, for the one line a bad value gets. */
    private static void add(JsonNode evaluation, CrmInput into, String at) {
        into.scenarios++;
        JsonNode resources = evaluation.path("resources");
        for (int ri = 0; ri < resources.size(); ri++) {
            JsonNode r = resources.get(ri);
            String resourceAt = at + "/resources/" + ri;
            into.resources++;
            Map<String, CrmInput.LayerView> layers = new LinkedHashMap<>();
            JsonNode layerNodes = r.path("layers");
            for (int li = 0; li < layerNodes.size(); li++) {
                JsonNode l = layerNodes.get(li);
                List<Duty> duties = new ArrayList<>();
                JsonNode dutyNodes = l.path("duties");
                for (int di = 0; di < dutyNodes.size(); di++) {
                    JsonNode d = dutyNodes.get(di);
                    String id = text(d, "duty") != null ? text(d, "duty") : text(d, "id");
                    String party = known(d, "party", null, PARTIES, resourceAt + "/layers/" + li + "/duties/" + di);
                    if (id != null && party != null) {
                        duties.add(new Duty(id, party, text(d, "rule"), text(d, "reason"), text(d, "source")));
                    }
                }
                layers.put(l.path("layer").asText(), new CrmInput.LayerView(known(l, "party", "UNKNOWN", PARTIES, resourceAt + "/layers/" + li),
                        duties));
            }
            into.units.add(new CrmInput.Unit(text(r, "service") == null ? "unknown service" : text(r, "service"),
                    CrmInput.label(text(r, "service"), text(r, "variant")), layers,
                    controls(r.path("controls"), resourceAt + "/controls")));
        }
        JsonNode account = evaluation.path("account").path("controls");
        if (account.size() > 0) {
            into.units.add(new CrmInput.Unit(CrmInput.ACCOUNT, CrmInput.ACCOUNT, Map.of(), controls(account, at + "/account/controls")));
        }
    }

    private static List<CrmInput.ControlView> controls(JsonNode controls, String at) {
        List<CrmInput.ControlView> out = new ArrayList<>();
        for (int i = 0; i < controls.size(); i++) {
            JsonNode c = controls.get(i);
            out.add(new CrmInput.ControlView(c.path("id").asText(), text(c, "title"), text(c, "layer"),
                    known(c, "status", "UNKNOWN", STATUSES, at + "/" + i)));
        }
        return out;
    }

    private static final Set<String> STATUSES = names(Status.values());
    private static final Set<String> PARTIES = names(Responsibility.values());

    private static Set<String> names(Enum<?>[] values) {
        Set<String> out = new LinkedHashSet<>();
        for (Enum<?> v : values) {
            out.add(v.name());
        }
        return out;
    }

    /**
     * A field that srm writes from one of its enums: absent gives {@code fallback}; any other
     * value is an input error naming the file and the pointer, never a status or a party misread.
     */
    private static String known(JsonNode n, String field, String fallback, Set<String> allowed, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw SrmException.input(List.of(at + "/" + field + ": expected one of " + String.join(", ", allowed) + ", found "
                    + (v.isTextual() ? "'" + v.asText() + "'" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT))));
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
