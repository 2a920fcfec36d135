package dev.srm.input.scenario;

import dev.srm.input.InputFiles;
import dev.srm.input.Settings;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.Locator;
import dev.srm.input.Numbers;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.srm.facts.Inventory;
import dev.srm.facts.Resource;
import dev.srm.facts.Setting;
import dev.srm.model.Expectations;
import dev.srm.facts.Severity;
import dev.srm.model.IncidentSpec;
import dev.srm.model.InputProblem;
import dev.srm.model.Origin;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a scenario: checks the bytes are UTF-8, parses YAML or JSON (duplicate keys are
 * errors), validates against the bundled JSON Schema and binds typed values. Scenario files
 * are data: nothing in them is ever run or used to pick a Java type. Thread-safe.
 */
public final class ScenarioReader {
    /** The schema every input is validated against; the same file as {@code docs/scenario.schema.json}. */
    public static final String SCHEMA_RESOURCE = "srm/scenario.schema.json";

    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final JsonSchema schema;

    public ScenarioReader() {
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(dev.srm.input.YamlTree.MAX_DEPTH).build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(limits)
                .build();
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(256 * 1024 * 1024);
        loader.setAllowDuplicateKeys(true); // Jackson's strict detection reports them with a location
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(loader)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(limits)
                .build();
        // decimals exactly as written: as doubles, BackupRetentionPeriod 6.99999999999999999999 became 7.0 and met ">= 7"
        JsonNodeFactory exact = JsonNodeFactory.withExactBigDecimals(true);
        this.json = new ObjectMapper(jsonFactory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(exact);
        this.yaml = new ObjectMapper(yamlFactory).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(exact);
        this.schema = loadSchema();
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = ScenarioReader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the scenario schema is missing from the class path: " + SCHEMA_RESOURCE);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the JSON Schema of the scenario format. */
    public static String schemaText() {
        try (InputStream in = ScenarioReader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the scenario schema is missing from the class path");
        }
    }

    /** Reads a file; the path is shown to the user as given. */
    public Scenario read(Path file) throws InputException {
        String name = file.toString();
        byte[] bytes = InputFiles.bytes(file);
        Format format = Format.ofName(name);
        return read(name, bytes, format == null ? sniff(bytes) : format, 0);
    }

    /**
     * Reads one scenario held in memory. {@code lineOffset} is added to reported lines (for one
     * line of a JSON Lines stream). A YAML stream of several documents is refused here: read it
     * with {@link #readAll}.
     */
    public Scenario read(String name, byte[] bytes, Format format, int lineOffset) throws InputException {
        List<Scenario> all = readAll(name, bytes, format, lineOffset);
        if (all.size() > 1) {
            throw InputFiles.problem(name, "", all.size() + " YAML documents (separated by ---); this input takes one scenario");
        }
        return all.get(0);
    }

    /**
     * Reads every scenario held in memory: one, or one per document of a YAML stream (separated
     * by {@code ---}); a problem in any document names the document and stops the file, so no
     * document is ever dropped.
     */
    public List<Scenario> readAll(String name, byte[] bytes, Format format, int lineOffset) throws InputException {
        InputFiles.checkUtf8(name, bytes);
        if (InputFiles.isBlank(bytes)) {
            throw InputFiles.problem(name, "", "the file is empty; expected a scenario with srm: 1, id and resources");
        }
        ObjectMapper mapper = format == Format.JSON ? json : yaml;
        List<JsonNode> roots = new ArrayList<>();
        try {
            try (JsonParser p = mapper.getFactory().createParser(bytes)) {
                if (format == Format.JSON) {
                    try {
                        roots.add(mapper.readTree(p));
                    } catch (JsonProcessingException e) {
                        throw InputFiles.parseProblem(name, e, p, format, lineOffset);
                    }
                } else {
                    try {
                        for (dev.srm.input.YamlTree.Document d : dev.srm.input.YamlTree.read(name, p, mapper, lineOffset)) {
                            roots.add(d.root());
                        }
                    } catch (JsonProcessingException e) {
                        throw InputFiles.parseProblem(name, e, p, format, lineOffset);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw InputFiles.parseProblem(name, e, null, format, lineOffset);
        } catch (IOException e) {
            throw InputFiles.problem(name, "", "cannot be parsed: " + e.getMessage());
        }
        List<Integer> documents = new ArrayList<>(); // empty documents (a leading or trailing ---) hold no scenario
        for (int d = 0; d < roots.size(); d++) {
            JsonNode r = roots.get(d);
            if (r != null && !r.isMissingNode() && !r.isNull()) {
                documents.add(d);
            }
        }
        if (documents.isEmpty()) {
            throw InputFiles.problem(name, "", "the file is empty; expected a scenario with srm: 1, id and resources");
        }
        List<Scenario> out = new ArrayList<>();
        for (int d : documents) {
            try {
                out.add(read(name, bytes, mapper, roots.get(d), roots.size() == 1 ? -1 : d, lineOffset));
            } catch (InputException e) {
                if (documents.size() == 1) {
                    throw e;
                }
                InputProblem p = e.problem();
                throw InputFiles.problem(p.file(), p.where(), "YAML document " + (d + 1) + " of " + roots.size() + ": " + p.message());
            }
        }
        return out;
    }

    private Scenario read(String name, byte[] bytes, ObjectMapper mapper, JsonNode root, int document, int lineOffset)
            throws InputException {
        JsonFactory factory = mapper.getFactory();
        Numbers.check(name, root, pointer -> Locator.find(factory, bytes, pointer, document), lineOffset);
        validate(name, bytes, factory, root, lineOffset, document);
        Map<String, int[]> lines = Locator.locate(factory, bytes, p -> RESOURCE.matcher(p).matches(), document, 2);
        return bind(name, (ObjectNode) root, lines, lineOffset, bytes, factory, document);
    }

    private static final java.util.regex.Pattern RESOURCE = java.util.regex.Pattern.compile("/resources/\\d+");

    /** YAML or JSON, from the first character that is not white space. */
    public static Format sniff(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{' ? Format.JSON : Format.YAML;
            }
        }
        return Format.YAML;
    }

    private void validate(String name, byte[] bytes, JsonFactory factory, JsonNode root, int lineOffset, int document)
            throws InputException {
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(root));
        if (messages.isEmpty()) {
            return;
        }
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        ValidationMessage first = pickMostUseful(messages);
        String pointer = first.getInstanceLocation().toString();
        String text = first.getMessage();
        if (text.startsWith(pointer + ": ")) {
            text = text.substring(pointer.length() + 2);
        }
        text = friendlier(first, pointer, text);
        int[] loc = Locator.find(factory, bytes, pointer, document);
        String where = loc == null ? "" : (loc[0] + lineOffset) + ":" + loc[1];
        String more = messages.size() > 1 ? " (and " + (messages.size() - 1) + " more)" : "";
        throw InputFiles.problem(name, where, (pointer.isEmpty() ? "/" : pointer) + ": " + text + more);
    }

    /** Plain words for the validator's messages that name schema internals. */
    private static String friendlier(ValidationMessage m, String pointer, String text) {
        if ("not".equals(m.getType()) && pointer.matches("/resources/\\d+/id")) {
            return "'account' is reserved for account-wide facts; choose another resource id";
        }
        if ("const".equals(m.getType()) && "/srm".equals(pointer)) {
            return "unsupported format version; expected srm: 1";
        }
        if ("pattern".equals(m.getType()) && pointer.matches("/resources/\\d+/waivers/\\d+/(reason|owner)")) {
            return "only white space; expected words: a waiver's reason and owner are read by an auditor";
        }
        if ("pattern".equals(m.getType()) && "/id".equals(pointer)) {
            return "expected lower-case letters, digits and dashes, starting with a letter or digit (" + text + ")";
        }
        return text;
    }

    /** A type or required error says more than the anyOf/not wrappers around it. */
    private static ValidationMessage pickMostUseful(List<ValidationMessage> messages) {
        for (ValidationMessage m : messages) {
            String type = m.getType();
            if (!"anyOf".equals(type) && !"oneOf".equals(type) && !"not".equals(type)) {
                return m;
            }
        }
        return messages.get(0);
    }

    private static Scenario bind(String name, ObjectNode root, Map<String, int[]> lines, int lineOffset, byte[] bytes,
                                 JsonFactory factory, int document) throws InputException {
        String id = root.path("id").asText();
        String written = root.path("inventory").asText("partial");
        Inventory inventory = "complete".equals(written) ? Inventory.COMPLETE : "resources".equals(written) ? Inventory.RESOURCES
                : Inventory.PARTIAL;
        List<Setting> account = new ArrayList<>();
        Settings.flatten(Resource.ACCOUNT, "", "", root.path("account"), account);
        List<ResourceSpec> resources = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode r : root.path("resources")) {
            String pointer = "/resources/" + i;
            int[] loc = lines.get(pointer);
            int line = loc == null ? 0 : loc[0] + lineOffset;
            String rid = r.path("id").asText();
            Integer firstLine = seen.putIfAbsent(rid, line);
            if (firstLine != null) {
                int[] idLoc = Locator.find(factory, bytes, pointer + "/id", document);
                String where = idLoc == null ? Integer.toString(line) : (idLoc[0] + lineOffset) + ":" + idLoc[1];
                throw InputFiles.problem(name, where, pointer + "/id: duplicate resource id '" + rid + "' (first used at line "
                        + firstLine + "); resource ids must be unique within a scenario");
            }
            Map<String, String> tags = new LinkedHashMap<>();
            r.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            List<Setting> settings = new ArrayList<>();
            Settings.flatten(rid, "", "", r.path("configuration"), settings);
            Set<String> stated = new java.util.TreeSet<>();
            r.path("stated").forEach(p -> stated.add(p.asText()));
            resources.add(new ResourceSpec(rid, text(r, "service"), text(r, "type"), tags, settings, line, List.of(),
                    waivers(name, pointer, r.path("waivers"), lineOffset, bytes, factory, document), Origin.at(name, line, pointer),
                    stated));
            i++;
        }
        IncidentSpec incident = incident(name, id, root.get("incident"), seen, lineOffset, bytes, factory, document);
        return new Scenario(id, text(root, "title"), text(root, "description"), name, inventory, text(root, "owner"),
                account, resources, text(root, "ownerTag"), incident,
                root.has("expect") ? expectations(root.get("expect"), expectDay(name, root.get("expect"), lineOffset, bytes, factory,
                        document)) : null);
    }

    /** The expect block's {@code asOf} (the schema checked its shape; a day that does not exist is a problem at its place), or null. */
    private static java.time.LocalDate expectDay(String name, JsonNode expect, int lineOffset, byte[] bytes, JsonFactory factory,
                                                 int document) throws InputException {
        if (expect == null || !expect.hasNonNull("asOf")) {
            return null;
        }
        String text = expect.get("asOf").asText();
        try {
            return dev.srm.model.Day.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            int[] loc = Locator.find(factory, bytes, "/expect/asOf", document);
            String where = loc == null ? "" : (loc[0] + lineOffset) + ":" + loc[1];
            throw InputFiles.problem(name, where, "/expect/asOf: '" + text + "' is not a day of the calendar; expected yyyy-mm-dd");
        }
    }

    /** A resource's own waivers (the schema checked their fields); a date that is not one is a problem at its place. */
    private static List<dev.srm.model.ResourceWaiver> waivers(String name, String pointer, JsonNode list, int lineOffset, byte[] bytes,
                                                              JsonFactory factory, int document) throws InputException {
        if (!list.isArray() || list.isEmpty()) {
            return List.of();
        }
        // in this document of a YAML stream: another scenario's resource may sit at the same pointer
        String prefix = pointer + "/waivers/";
        Map<String, int[]> found = Locator.locate(factory, bytes, p -> p.startsWith(prefix), document, 4);
        List<dev.srm.model.ResourceWaiver> out = new ArrayList<>();
        for (int k = 0; k < list.size(); k++) {
            JsonNode w = list.get(k);
            String at = pointer + "/waivers/" + k;
            int[] loc = found.get(at);
            String where = loc == null ? "" : (loc[0] + lineOffset) + ":" + loc[1];
            java.time.LocalDate expires;
            try {
                expires = dev.srm.model.Day.parse(w.path("expires").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw InputFiles.problem(name, where, at + "/expires: '" + w.path("expires").asText()
                        + "' is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)");
            }
            out.add(new dev.srm.model.ResourceWaiver(w.path("control").asText(), w.path("reason").asText(), w.path("owner").asText(),
                    expires, text(w, "ticket"), where.isEmpty() ? name : name + ":" + where));
        }
        return out;
    }

    /** The incident block, with where each field is; its resource must be one of the scenario's. */
    private static IncidentSpec incident(String name, String scenarioId, JsonNode node, Map<String, Integer> resourceIds,
                                         int lineOffset, byte[] bytes, JsonFactory factory, int document) throws InputException {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, int[]> found = Locator.locate(factory, bytes, p -> p.startsWith("/incident"), document);
        Map<String, String> locations = new LinkedHashMap<>();
        for (String field : List.of("id", "resource", "service", "layer", "kind", "component", "summary", "detectedBy", "severity")) {
            int[] loc = found.getOrDefault("/incident/" + field, found.get("/incident"));
            if (loc != null) {
                locations.put(field, (loc[0] + lineOffset) + ":" + loc[1]);
            }
        }
        String resource = text(node, "resource");
        if (resource != null && !resourceIds.containsKey(resource)) {
            String known = resourceIds.isEmpty() ? "it has none" : "its resources are " + String.join(", ", resourceIds.keySet());
            throw InputFiles.problem(name, locations.getOrDefault("resource", ""), "/incident/resource: no resource '" + resource
                    + "' in this scenario (" + known + "); name one of them, or give service instead");
        }
        String severity = text(node, "severity");
        String incidentId = text(node, "id");
        return new IncidentSpec(incidentId == null ? scenarioId : incidentId, resource, text(node, "service"),
                text(node, "layer"), text(node, "kind"), text(node, "summary"), text(node, "detectedBy"),
                severity == null ? null : Severity.parse(severity), IncidentSpec.Origin.SCENARIO, null, false, locations, text(node, "component"));
    }

    private static Expectations expectations(JsonNode e, java.time.LocalDate asOf) {
        List<Expectations.FindingPattern> findings = new ArrayList<>();
        e.path("findings").forEach(f -> findings.add(pattern(f)));
        List<Expectations.FindingPattern> none = new ArrayList<>();
        e.path("noFindings").forEach(f -> none.add(f.isTextual()
                ? new Expectations.FindingPattern(f.asText(), null, null, null, null, null) : pattern(f)));
        return new Expectations(nested(e.path("layers")), nested(e.path("duties")), nested(e.path("controls")), flat(e.path("serviceModels")),
                flat(e.path("customerShare")), findings, none, asOf);
    }

    private static Expectations.FindingPattern pattern(JsonNode f) {
        return new Expectations.FindingPattern(f.path("rule").asText(), text(f, "resource"), text(f, "severity"),
                text(f, "owner"), text(f, "layer"), text(f, "layerParty"));
    }

    private static Map<String, Map<String, String>> nested(JsonNode node) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), flat(e.getValue())));
        return out;
    }

    private static Map<String, String> flat(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

}
