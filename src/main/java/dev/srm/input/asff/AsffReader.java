package dev.srm.input.asff;

import dev.srm.input.InputFiles;
import dev.srm.input.Settings;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.Locator;
import dev.srm.input.Numbers;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.facts.AsffFinding;
import dev.srm.facts.Inventory;
import dev.srm.facts.Setting;
import dev.srm.facts.Severity;
import dev.srm.model.IncidentSpec;
import dev.srm.model.Origin;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.rules.IncidentCatalog;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads AWS Security Finding Format (ASFF) findings as Security Hub and GuardDuty emit them:
 * one finding object, {@code {"Findings": [...]}} (the shape of {@code GetFindings} and of
 * exports), or a Security Hub EventBridge event ({@code {"detail": {"findings": [...]}}}).
 * Each finding becomes a scenario of its own: its resources (typed through the pack's
 * {@code asffResourceTypes}, their {@code Details} as settings, their {@code Tags}) and one
 * incident on its first resource, carrying the finding's Types, ProductArn, GeneratorId, ProductFields,
 * Compliance.SecurityControlId and Compliance.Status and Severity.Label for the rules to read. It decides no kind.
 */
public final class AsffReader {
    /** The top-level attributes ASFF requires of every finding, as AWS documents them. */
    public static final List<String> REQUIRED = List.of("AwsAccountId", "CreatedAt", "Description", "GeneratorId", "Id",
            "ProductArn", "Resources", "SchemaVersion", "Severity", "Title", "Types", "UpdatedAt");

    private final IncidentCatalog catalog;
    private final ObjectMapper json;

    public AsffReader(IncidentCatalog catalog) {
        this.catalog = catalog;
        JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        this.json = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * True when the bytes are a JSON object that is not a scenario (it has no {@code srm} key):
     * ASFF findings, or something that will be reported as not being them.
     */
    public static boolean claims(byte[] bytes) {
        try {
            JsonNode root = new ObjectMapper().readTree(bytes);
            return root != null && root.isObject() && !root.has("srm");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One scenario per finding, in file order; a file that is not ASFF is one clear problem. */
    public List<Scenario> read(String name, byte[] bytes) throws InputException {
        InputFiles.checkUtf8(name, bytes);
        if (InputFiles.isBlank(bytes)) {
            throw InputFiles.problem(name, "", "the file is empty; expected ASFF findings");
        }
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw InputFiles.problem(name, InputFiles.where(e.getLocation(), 0), "not ASFF findings (ASFF is JSON): "
                    + InputFiles.syntax(e, Format.JSON));
        } catch (IOException e) {
            throw InputFiles.problem(name, "", "cannot be parsed: " + e.getMessage());
        }
        JsonFactory factory = json.getFactory();
        Numbers.check(name, root, pointer -> Locator.find(factory, bytes, pointer), 0);
        if (root == null || !root.isObject()) {
            throw notAsff(name, "1:1", "", "expected a finding object or {\"Findings\": [...]}, found " + kind(root));
        }
        if (root.has("schemaVersion") && root.has("type") && root.has("resource") && !root.has("SchemaVersion")) {
            throw notAsff(name, where(factory, bytes, ""), "", "this is a GuardDuty finding in GuardDuty's own format;"
                    + " export it from Security Hub, which emits ASFF");
        }
        String base;
        JsonNode list;
        if (root.has("Findings")) {
            base = "/Findings";
            list = root.get("Findings");
        } else if (root.path("detail").has("findings")) {
            base = "/detail/findings";
            list = root.path("detail").get("findings");
        } else {
            base = null;
            list = null;
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (base == null) {
            if (!root.has("SchemaVersion") && !root.has("Resources")) {
                throw notAsff(name, "1:1", "", "expected {\"Findings\": [...]} or one finding with SchemaVersion, Id, Types and"
                        + " Resources (and it is not a scenario either: a scenario starts with srm: 1)");
            }
            scenarios.add(finding(name, "", root, 0, bytes, factory, resourcePlaces(factory, bytes)));
            return scenarios;
        }
        if (!list.isArray()) {
            throw notAsff(name, where(factory, bytes, base), base, "Findings must be an array of findings, found " + kind(list));
        }
        if (list.isEmpty()) {
            throw InputFiles.problem(name, where(factory, bytes, base), base + ": no findings to triage (the array is empty)");
        }
        Map<String, int[]> places = resourcePlaces(factory, bytes);
        for (int i = 0; i < list.size(); i++) {
            scenarios.add(finding(name, base + "/" + i, list.get(i), i, bytes, factory, places));
        }
        return scenarios;
    }

    /** Where every resource of every finding starts, found in one pass over the file (not one per resource). */
    private static Map<String, int[]> resourcePlaces(JsonFactory factory, byte[] bytes) {
        return Locator.locate(factory, bytes, p -> RESOURCE_POINTER.matcher(p).matches());
    }

    private static final java.util.regex.Pattern RESOURCE_POINTER =
            java.util.regex.Pattern.compile("(/Findings/\\d+|/detail/findings/\\d+)?/Resources/\\d+");

    private Scenario finding(String name, String pointer, JsonNode f, int index, byte[] bytes, JsonFactory factory,
                             Map<String, int[]> places) throws InputException {
        if (!f.isObject()) {
            throw notAsff(name, where(factory, bytes, pointer), pointer, "a finding must be an object, found " + kind(f));
        }
        for (String attribute : REQUIRED) {
            boolean present = f.hasNonNull(attribute)
                    || ("Types".equals(attribute) && f.path("FindingProviderFields").hasNonNull("Types"));
            if (!present) {
                throw notAsff(name, where(factory, bytes, pointer), pointer, "required attribute " + attribute
                        + " is missing (ASFF requires " + String.join(", ", REQUIRED) + ")");
            }
        }
        JsonNode idNode = f.get("Id");
        if (!idNode.isTextual() || idNode.asText().isBlank()) { // an incident needs a name (fuzzing found a blank one crashing triage)
            throw InputFiles.problem(name, where(factory, bytes, pointer + "/Id"), pointer + "/Id: the finding's Id must be a"
                    + " non-empty string, found " + (idNode.isTextual() ? "a blank one" : kind(idNode)));
        }
        String findingId = idNode.asText();
        JsonNode resources = f.get("Resources");
        if (!resources.isArray()) {
            throw notAsff(name, where(factory, bytes, pointer + "/Resources"), pointer + "/Resources",
                    "Resources must be an array, found " + kind(resources));
        }
        if (resources.isEmpty()) {
            throw InputFiles.problem(name, where(factory, bytes, pointer + "/Resources"), pointer
                    + "/Resources: finding '" + findingId + "' names no resource; srm needs at least one ({\"Type\": ..., \"Id\": ...})"
                    + " to know what the incident is on");
        }
        List<String> types = texts(f.has("Types") ? f.get("Types") : f.path("FindingProviderFields").path("Types"));
        if (types.isEmpty()) {
            throw notAsff(name, where(factory, bytes, pointer + "/Types"), pointer + "/Types",
                    "Types must list at least one namespace/category/classifier");
        }
        List<ResourceSpec> specs = new ArrayList<>();
        List<String> resourceTypes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int j = 0; j < resources.size(); j++) {
            String rp = pointer + "/Resources/" + j;
            JsonNode r = resources.get(j);
            String type = r.path("Type").asText("");
            String id = r.path("Id").asText("");
            if (type.isBlank() || id.isBlank()) {
                throw notAsff(name, where(factory, bytes, rp), rp, "a resource needs a Type and an Id");
            }
            resourceTypes.add(type);
            if (!ids.add(id)) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            r.path("Tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            List<Setting> settings = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("Details").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> details = it.next();
                if (details.getValue().isObject()) {
                    Settings.flatten(id, "", "", details.getValue(), settings);
                }
            }
            int[] loc = places.get(rp);
            int line = loc == null ? 0 : loc[0];
            if ("AwsEcsTask".equals(type) && !r.path("Details").path("AwsEcsTask").has("LaunchType")) {
                // AwsEcsTaskDetails has no launch type (GuardDuty's own finding has one; Security Hub's format drops it)
                warnings.add(name + ":" + line + ": resource '" + id + "': ASFF does not say whether this ECS task runs on EC2 or on"
                        + " Fargate; srm's model reads ECS as EC2 unless the input shows Fargate, so the triage says which steps apply"
                        + " to which launch type");
            }
            IncidentCatalog.AsffType known = catalog.asffType(type).orElse(null);
            Origin origin = new Origin(name, line, rp, findingId, id.startsWith("arn:") ? id : null, null,
                    f.hasNonNull("AwsAccountId") ? f.get("AwsAccountId").asText() : null,
                    r.hasNonNull("Region") ? r.get("Region").asText() : null);
            specs.add(known == null
                    ? new ResourceSpec(id, type, null, tags, settings, line, List.of(), List.of(), origin)
                    : new ResourceSpec(id, known.service(), known.type(), tags, settings, line, List.of(), List.of(), origin));
        }
        Map<String, String> productFields = new LinkedHashMap<>();
        f.path("ProductFields").fields().forEachRemaining(e -> productFields.put(e.getKey(), e.getValue().asText()));
        String productName = f.hasNonNull("ProductName") ? f.get("ProductName").asText()
                : productFields.getOrDefault("aws/securityhub/ProductName", productFromArn(f.get("ProductArn").asText()));
        List<String> packageManagers = new ArrayList<>();
        for (JsonNode v : f.path("Vulnerabilities")) {
            for (JsonNode p : v.path("VulnerablePackages")) {
                if (p.hasNonNull("PackageManager")) {
                    packageManagers.add(p.get("PackageManager").asText());
                }
            }
        }
        JsonNode compliance = f.path("Compliance");
        String controlId = compliance.hasNonNull("SecurityControlId") ? compliance.get("SecurityControlId").asText() : null;
        String status = compliance.hasNonNull("Status") ? compliance.get("Status").asText() : null;
        String label = f.path("Severity").hasNonNull("Label") ? f.path("Severity").get("Label").asText() : null;
        String incidentId = findingId;
        String generatorId = f.get("GeneratorId").asText("");
        AsffFinding finding = new AsffFinding(incidentId, findingId, productName, f.get("ProductArn").asText(""), generatorId, types,
                controlId, status, label,
                resourceTypes, productFields, List.copyOf(new LinkedHashSet<>(packageManagers)));
        Map<String, String> locations = new LinkedHashMap<>();
        int[] resourceLoc = places.get(pointer + "/Resources/0");
        if (resourceLoc != null) {
            locations.put("resource", resourceLoc[0] + ":" + resourceLoc[1]);
        }
        String title = f.get("Title").asText();
        IncidentSpec incident = new IncidentSpec(incidentId, specs.get(0).id(), null, null, null, title, productName,
                severity(label), IncidentSpec.Origin.ASFF, finding, false, locations, null);
        return new Scenario("finding-" + (index + 1), title, f.path("Description").asText(null), name, Inventory.PARTIAL, null,
                List.of(), specs, null, incident, null, warnings);
    }

    /** ASFF's INFORMATIONAL is srm's INFO; the other labels have the same names. */
    static Severity severity(String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toUpperCase(Locale.ROOT);
        if ("INFORMATIONAL".equals(l)) {
            return Severity.INFO;
        }
        try {
            return Severity.parse(l);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code arn:aws:securityhub:us-east-1::product/aws/guardduty} names the product last. */
    private static String productFromArn(String arn) {
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? "" : arn.substring(slash + 1);
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    private static String where(JsonFactory factory, byte[] bytes, String pointer) {
        int[] loc = Locator.find(factory, bytes, pointer);
        return loc == null ? "" : loc[0] + ":" + loc[1];
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static InputException notAsff(String name, String where, String pointer, String message) {
        return InputFiles.problem(name, where, (pointer.isEmpty() ? "" : pointer + ": ") + "not an ASFF finding: " + message);
    }
}
