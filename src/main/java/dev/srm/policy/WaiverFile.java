package dev.srm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.srm.model.Day;
import dev.srm.model.InputProblem;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a waivers file ({@code srmWaivers: 1}, YAML or JSON), checks it against its JSON Schema
 * ({@code docs/waivers.schema.json}) and then what a schema cannot say: a real date, no duplicate
 * entry, a control pattern that names at least one control or rule of the pack. Every problem is
 * one line with the file, line:column and pointer; all of them are reported at once. A waiver
 * whose date has passed is not an error: it is reported EXPIRED.
 */
public final class WaiverFile {
    /** The schema's resource on the class path; the same file as {@code docs/waivers.schema.json}. */
    public static final String SCHEMA_RESOURCE = "srm/waivers.schema.json";
    /** The file srm looks for at the root of a directory of inputs when no {@code --waivers} is given. */
    public static final String DEFAULT_NAME = "srm-waivers.yaml";
    static final String EXPECTED = "a waivers file (srmWaivers: 1, waivers: [...])";
    private static final JsonSchema SCHEMA = loadSchema();

    private WaiverFile() {
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = WaiverFile.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the waivers schema is missing from the class path: " + SCHEMA_RESOURCE);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the waivers file's JSON Schema. */
    public static String schemaText() {
        try (InputStream in = WaiverFile.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the waivers schema is missing from the class path");
        }
    }

    /** The waivers of a file, in file order; {@code knownIds} are the pack's control and rule ids. */
    public static List<Waiver> read(Path file, Set<String> knownIds) throws PolicyException {
        return waivers(Documents.read(file, EXPECTED), knownIds);
    }

    /** The waivers of a file's content held in memory (a Spark job ships it to its executors), named {@code name} in messages. */
    public static List<Waiver> read(String name, byte[] content, Set<String> knownIds) throws PolicyException {
        return waivers(Documents.read(name, content, EXPECTED), knownIds);
    }

    private static List<Waiver> waivers(Documents doc, Set<String> knownIds) throws PolicyException {
        List<String> badPointers = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>(schemaProblems(doc, badPointers));
        JsonNode list = doc.root().get("waivers");
        if (badPointers.stream().anyMatch(p -> !p.matches("/waivers/\\d+(/.*)?")) || list == null || !list.isArray()) {
            throw new PolicyException(problems); // the file's shape is wrong: its entries cannot be read
        }
        List<Waiver> out = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "/waivers/" + i;
            if (badPointers.stream().anyMatch(p -> p.equals(at) || p.startsWith(at + "/"))) {
                continue; // already reported; the other entries are still checked
            }
            Waiver w = bind(doc, at, list.get(i), knownIds, problems);
            if (w == null) {
                continue;
            }
            for (int j = 0; j < out.size(); j++) {
                if (out.get(j).sameTarget(w)) {
                    problems.add(doc.problem(at, "duplicate waiver: the same control, scenario, resource and tags as the one at "
                            + doc.where(pointers.get(j)) + "; merge them into one entry"));
                    w = null;
                    break;
                }
            }
            if (w != null) {
                out.add(w);
                pointers.add(at);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((InputProblem p) -> place(p.where())[0]).thenComparing(p -> place(p.where())[1]));
            throw new PolicyException(problems);
        }
        return List.copyOf(out);
    }

    /**
     * A waiver written on one resource (a scenario's {@code waivers:} block, a template's
     * {@code Metadata: srm: waivers:}): the fields of a file entry without scenario and resource,
     * which are the resource's. Problems name {@code pointer} in {@code doc}.
     */
    static Waiver bind(Documents doc, String at, JsonNode node, Set<String> knownIds, List<InputProblem> problems) {
        String control = node.get("control").asText();
        Glob glob = Glob.of(control);
        if (knownIds != null && knownIds.stream().noneMatch(glob::matches)) {
            problems.add(doc.problem(at + "/control", "'" + control + "' matches no control or rule id of the rule pack; expected an id"
                    + " that srm rules list shows" + suggestion(control, knownIds)));
            return null;
        }
        LocalDate expires;
        String date = node.get("expires").asText();
        try {
            expires = Day.parse(date);
        } catch (DateTimeParseException e) {
            problems.add(doc.problem(at + "/expires", "'" + date + "' is not a date; expected YYYY-MM-DD, the last day the waiver"
                    + " applies (2030-06-30)"));
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        if (node.has("tags")) {
            node.get("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return new Waiver(glob, node.has("scenario") ? Glob.of(node.get("scenario").asText()) : Glob.ANY,
                node.has("resource") ? Glob.of(node.get("resource").asText()) : Glob.ANY, tags, node.get("reason").asText(),
                node.get("owner").asText(), expires, node.has("ticket") ? node.get("ticket").asText() : null,
                doc.name() + ":" + doc.where(at));
    }

    /** Line and column of {@code line:column} ({@code 0, 0} when there is none), to list problems in file order. */
    private static int[] place(String where) {
        String[] parts = where.split(":");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return new int[] {0, 0};
        }
    }

    private static String suggestion(String control, Set<String> knownIds) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String id : knownIds) {
            int d = LevenshteinDistance.getDefaultInstance().apply(control, id);
            if (d < bestDistance || d == bestDistance && id.compareTo(best) < 0) {
                best = id;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 3 ? " (did you mean " + best + "?)" : "";
    }

    /** One line per schema violation, in file order, in plain words. */
    private static List<InputProblem> schemaProblems(Documents doc, List<String> pointers) {
        List<ValidationMessage> messages = new ArrayList<>(SCHEMA.validate(doc.root()));
        messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        List<InputProblem> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String pointer = m.getInstanceLocation().toString();
            pointers.add(pointer);
            String text = m.getMessage();
            if (text.startsWith(pointer + ": ")) {
                text = text.substring(pointer.length() + 2);
            }
            String property = m.getProperty();
            boolean inWaiver = pointer.matches("/waivers/\\d+");
            switch (m.getType()) {
                case "required" -> {
                    if (inWaiver && "expires".equals(property)) {
                        text = "no expires; every waiver needs the last day it applies (expires: 2030-06-30)";
                    } else if (inWaiver && "owner".equals(property)) {
                        text = "no owner; every waiver needs a person or team that owns the accepted risk";
                    } else if (inWaiver) {
                        text = "no " + property + "; a waiver needs control, reason, owner and expires";
                    } else {
                        text = "no " + property + "; expected " + EXPECTED;
                    }
                }
                case "additionalProperties" -> {
                    pointer = pointer + "/" + property;
                    text = inWaiver ? "unknown field '" + property + "'; a waiver has control, scenario, resource, tags, reason,"
                            + " owner, expires and ticket" : "unknown field '" + property + "'; expected " + EXPECTED;
                }
                case "const" -> text = "unsupported format version; expected srmWaivers: 1";
                case "pattern" -> text = "only white space; expected words: a waiver's reason and owner are read by an auditor";
                default -> {
                }
            }
            out.add(doc.problem(pointer, text));
        }
        return out;
    }
}
