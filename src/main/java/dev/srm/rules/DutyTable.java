package dev.srm.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.model.Layers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The duties matrix of a pack, read from its data: the duty catalogue ({@code dutyCatalog:} in
 * {@code catalog/duties.yaml}) and the rows of {@code catalog/duties/*.yaml}, one file per
 * service or service model. Every row is checked here (known layer and duty, a party, its own
 * reason and AWS source) so that the rules compiled from it are sound; the engine turns each
 * row into a named rule.
 */
public final class DutyTable {
    /** A duty of the catalogue. */
    public record Duty(String id, String layer, String title, String meaning) {
    }

    /**
     * One row: who holds {@code duty} for a service (or service model) and, optionally, only for
     * some of its variants. {@code party} is AWS, CUSTOMER, SHARED or NONE.
     */
    public record Row(String id, String service, String serviceModel, List<String> variants, String layer, String duty,
                      String party, String reason, String source, String file, int line) {
        public Row {
            variants = List.copyOf(variants);
        }

        /** 0 for a service-model row, 1 for a service row, 2 for a variant row (the levels of DutyClaim). */
        public int level() {
            return service == null ? 0 : variants.isEmpty() ? 1 : 2;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)^\\s*$|todo|tbd|placeholder|lorem|^[\\w ]+: (IAAS|PAAS|SERVERLESS) service\\.?$|^[\\w ]+ is (AWS|CUSTOMER|SHARED)\\.?$");
    private static final Pattern SOURCE = Pattern.compile("^https://(docs\\.aws\\.amazon\\.com|aws\\.amazon\\.com)/\\S+$");
    private static final List<String> PARTIES = List.of("AWS", "CUSTOMER", "SHARED", "NONE");
    private static final List<String> MODELS = List.of("IAAS", "PAAS", "SERVERLESS");

    private final Map<String, Duty> duties;
    private final List<Row> rows;

    private DutyTable(Map<String, Duty> duties, List<Row> rows) {
        this.duties = duties;
        this.rows = List.copyOf(rows);
    }

    /** Every duty by id, in catalogue order (layer by layer). */
    public Map<String, Duty> duties() {
        return duties;
    }

    /** Every row, file by file in the pack's order, rows in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Reads the duty catalogue and the rows of a pack; throws with one {@code file:line: message} per problem. */
    public static DutyTable load(RuleSources sources) throws RulesException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Duty> duties = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<RuleFile> rowFiles = new ArrayList<>();
        for (RuleSources.DataTree t : sources.objectTrees()) {
            RuleFile f = t.file();
            JsonNode root = t.root();
            for (JsonNode layer : root.path("dutyCatalog")) {
                String layerId = layer.path("layer").asText("");
                for (JsonNode d : layer.path("duties")) {
                    String id = d.path("id").asText("");
                    if (!Layers.isKnown(layerId) || id.isBlank()) {
                        problems.add(f.origin() + ": duty catalogue: a duty needs an id and a known layer (got '" + id + "' in '"
                                + layerId + "')");
                        continue;
                    }
                    duties.put(id, new Duty(id, layerId, d.path("title").asText(id), d.path("meaning").asText("")));
                }
            }
            if (root.has("layers") && (root.has("service") || root.has("serviceModel"))) {
                rowFiles.add(f);
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Row> ids = new HashMap<>();
        for (RuleFile f : rowFiles) {
            readRows(sources, yaml, f, duties, rows, ids, problems);
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new DutyTable(duties, rows);
    }

    private static void readRows(RuleSources sources, ObjectMapper yaml, RuleFile f, Map<String, Duty> duties, List<Row> rows, Map<String, Row> ids,
                                 List<String> problems) {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = sources.yamlTree(f);
            lines = lines(yaml, f.content());
        } catch (IOException e) {
            problems.add(f.origin() + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
            return;
        }
        String service = text(root, "service");
        String model = text(root, "serviceModel");
        if (model != null && !MODELS.contains(model)) {
            problems.add(f.origin() + ": serviceModel '" + model + "' is not one of " + MODELS);
            return;
        }
        root.path("layers").fields().forEachRemaining(layerEntry -> {
            String layer = layerEntry.getKey();
            JsonNode list = layerEntry.getValue();
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                int line = lines.getOrDefault("/layers/" + layer + "/" + i, 0);
                String at = f.origin() + ":" + line + ": ";
                String duty = text(r, "duty");
                String party = text(r, "party");
                String reason = text(r, "reason");
                String source = text(r, "source");
                List<String> variants = new ArrayList<>();
                JsonNode v = r.path("variant");
                if (v.isTextual()) {
                    variants.add(v.asText());
                } else {
                    v.forEach(x -> variants.add(x.asText()));
                }
                List<String> wrong = new ArrayList<>();
                Duty def = duty == null ? null : duties.get(duty);
                if (!Layers.isKnown(layer)) {
                    wrong.add("unknown layer '" + layer + "'");
                } else if (def == null) {
                    wrong.add("unknown duty '" + duty + "' (the duties of " + layer + " are " + dutiesOf(duties, layer) + ")");
                } else if (!def.layer().equals(layer)) {
                    wrong.add("duty '" + duty + "' belongs to layer " + def.layer() + ", not " + layer);
                }
                if (party == null || !PARTIES.contains(party)) {
                    wrong.add("party must be one of " + PARTIES + ", not " + (party == null ? "nothing" : "'" + party + "'"));
                }
                if (reason == null || reason.length() < 25 || PLACEHOLDER.matcher(reason).find()) {
                    wrong.add("the reason is missing or a placeholder; say what AWS does and what the customer does");
                }
                if (source == null || !SOURCE.matcher(source).matches()) {
                    wrong.add("source must be the https page of docs.aws.amazon.com or aws.amazon.com that states this row");
                }
                if (!wrong.isEmpty()) {
                    problems.add(at + String.join("; ", wrong));
                    continue;
                }
                String owner = service != null ? service : model;
                String id = slug(service != null ? owner : "model-" + owner) + (variants.isEmpty() ? "" : "-" + slug(String.join("-", variants)))
                        + "-" + duty;
                Row row = new Row(id, service, model, variants, layer, duty, party, reason, source, f.origin(), line);
                Row before = ids.putIfAbsent(id, row);
                if (before != null) {
                    problems.add(at + "a second row for " + owner + (variants.isEmpty() ? "" : " " + variants) + " and duty '" + duty
                            + "' (first at " + before.file() + ":" + before.line() + ")");
                    continue;
                }
                rows.add(row);
            }
        });
    }

    private static String dutiesOf(Map<String, Duty> duties, String layer) {
        return String.join(", ", duties.values().stream().filter(d -> d.layer().equals(layer)).map(Duty::id).toList());
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText().strip();
    }

    /** The line where each object of the file starts, by JSON pointer. */
    static Map<String, Integer> lines(ObjectMapper yaml, String content) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = yaml.getFactory().createParser(content)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT) {
                    out.put(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
                }
            }
        }
        return out;
    }
}
