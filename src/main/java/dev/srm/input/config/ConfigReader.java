package dev.srm.input.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.facts.Inventory;
import dev.srm.facts.Resource;
import dev.srm.facts.Setting;
import dev.srm.input.Content;
import dev.srm.input.InputException;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;
import dev.srm.input.Settings;
import dev.srm.input.StreamingInput;
import dev.srm.input.mapping.Mapping;
import dev.srm.input.mapping.MappingSet;
import dev.srm.input.mapping.Projector;
import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.model.Origin;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import dev.srm.rules.ServiceCatalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads AWS Config configuration items into one scenario per account (or per account and
 * Region): each item a resource with its ARN as id, mapped to a CloudFormation type and
 * configuration by the files under {@code rules/importers/config/}, and the account block
 * derived from what the items show. Items are streamed and grouped through temporary files,
 * so memory holds one scenario at a time, not the inventory. Deleted and not-recorded items
 * are skipped and counted; an item of a type without a mapping is a warning naming the type.
 * Thread-safe.
 */
public final class ConfigReader implements StreamingInput {
    /** The name of the mappings' section and folder ({@code importers/config/}). */
    public static final String INPUT = "config";
    /** Bytes of mapped items held in memory before they go to temporary files. */
    static final long BUDGET = 32L * 1024 * 1024;

    /** What every copy of the reader shares: the mappings and the catalogue, read on first use. */
    private static final class Data {
        private MappingSet mappings;
        private ServiceCatalog catalog;

        synchronized MappingSet mappings() {
            if (mappings == null) {
                mappings = MappingSet.bundled(INPUT);
            }
            return mappings;
        }

        synchronized ServiceCatalog catalog() {
            if (catalog == null) {
                try {
                    catalog = ServiceCatalog.load(RuleSources.bundled());
                } catch (RulesException e) {
                    throw new IllegalStateException("the bundled catalogue cannot be read: " + String.join("; ", e.problems()), e);
                }
            }
            return catalog;
        }
    }

    private final GroupBy groupBy;
    private final Data data;
    private final long budget;
    private final ObjectMapper json = new ObjectMapper(ItemSource.factory());
    private final Projector projector = new Projector();

    public ConfigReader(GroupBy groupBy) {
        this(groupBy, new Data(), BUDGET);
    }

    private ConfigReader(GroupBy groupBy, Data data, long budget) {
        this.groupBy = groupBy == null ? GroupBy.account : groupBy;
        this.data = data;
        this.budget = budget;
    }

    /** This reader grouping by {@code by}. */
    public ConfigReader groupedBy(GroupBy by) {
        return new ConfigReader(by, data, budget);
    }

    /** This reader holding at most {@code bytes} of items in memory (tests). */
    public ConfigReader withBudget(long bytes) {
        return new ConfigReader(groupBy, data, bytes);
    }

    @Override
    public InputFormat format() {
        return InputFormat.config;
    }

    /**
     * The start of a select-resource-config or select-aggregate-resource-config result: {@code {"Results": [} and a row,
     * JSON text, whose first field is one an advanced query selects from a configuration item.
     */
    private static final java.util.regex.Pattern SELECT_RESULT = java.util.regex.Pattern.compile(
            "\\{\\s*\"Results\"\\s*:\\s*\\[\\s*\"\\{\\s*\\\\\"(?:resourceId|resourceType|resourceName|accountId|awsRegion|arn"
            + "|availabilityZone|configuration|supplementaryConfiguration|tags|relationships|configurationItemCaptureTime"
            + "|configurationItemStatus|configurationStateId|resourceCreationTime|version)\\\\\"");

    @Override
    public boolean claims(String name, byte[] bytes) {
        int i = 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i >= bytes.length || bytes[i] != '{' && bytes[i] != '[') {
            return false;
        }
        String head = new String(bytes, i, Math.min(bytes.length - i, Content.HEAD), StandardCharsets.UTF_8);
        if (head.contains("\"srm\"") && head.contains("\"resources\"")) {
            return false; // an srm scenario in JSON whose configuration happens to use these names
        }
        return head.contains("\"configurationItems\"") || head.contains("\"baseConfigurationItems\"")
                || head.contains("\"invokingEvent\"") // a rule's event: with an item, or a scheduled or oversized notification
                || head.contains("\"configurationItem\"") || head.contains("\"configurationItemSummary\"")
                || head.contains("\"configurationItemCaptureTime\"")
                || head.contains("\"QueryInfo\"") && head.contains("\"Results\"")
                || SELECT_RESULT.matcher(head).lookingAt() // the CLI writes QueryInfo after Results, beyond the head of a large result
                || head.contains("\"resourceType\"") && (head.contains("\"accountId\"") || head.contains("\"awsAccountId\""));
    }

    @Override
    public List<Scenario> read(String name, byte[] bytes) throws InputException {
        return readWithWarnings(name, bytes).stream().map(ReadScenario::scenario).toList();
    }

    @Override
    public List<ReadScenario> readWithWarnings(String name, byte[] bytes) throws InputException {
        List<ReadScenario> out = new ArrayList<>();
        try (ScenarioStream s = new Stream(name, () -> new ByteArrayInputStream(bytes))) {
            for (ReadScenario r = s.next(); r != null; r = s.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public ScenarioStream open(Path file) {
        return new Stream(file.toString(), () -> Content.open(file));
    }

    /** Every mapped AWS Config resource type, for documentation and tests (companions, {@code type+name}, are no types). */
    public Set<String> mappedTypes() {
        Set<String> out = new java.util.TreeSet<>(data.mappings().sources());
        out.removeIf(t -> t.contains(COMPANION));
        return out;
    }

    /**
     * What separates a Config type from the name of a companion mapping ({@code AWS::S3::Bucket+policy}): a second resource
     * built from the same item, for a setting Config records with the item that CloudFormation declares as a resource of its
     * own (a bucket's policy, an AWS::S3::BucketPolicy). Its id is the item's id, "/" and the name; it lives and dies with
     * the item that holds it.
     */
    static final String COMPANION = "+";

    @FunctionalInterface
    private interface Opener {
        InputStream open() throws InputException;
    }

    /** What is known about one group while the items are read. */
    private static final class Group {
        final String account;
        final String region;
        final ObjectNode accountBlock = JsonNodeFactory.instance.objectNode();
        final Set<String> regions = new java.util.TreeSet<>();
        final Map<String, Integer> unmapped = new TreeMap<>();
        int items;
        int gone;
        String first;
        String last;

        Group(String account, String region) {
            this.account = account;
            this.region = region;
        }
    }

    /** One input's scenarios: the first call reads every item into the partition, each call then builds one scenario. */
    private final class Stream implements ScenarioStream {
        private final String name;
        private final Opener opener;
        private final Partition partition = new Partition(budget);
        private final Map<String, Group> groups = new TreeMap<>();
        private final MappingSet maps = data.mappings();
        private final Map<String, List<String>> companionsByType = new java.util.HashMap<>();
        private Iterator<String> pending;

        Stream(String name, Opener opener) {
            this.name = name;
            this.opener = opener;
        }

        @Override
        public ReadScenario next() throws InputException {
            if (pending == null) {
                try (InputStream in = opener.open()) {
                    new ItemSource(name, json).read(in, this::accept);
                } catch (IOException e) {
                    throw new InputException(new dev.srm.model.InputProblem(name, "", "cannot be read: " + e.getMessage()));
                }
                pending = new ArrayList<>(groups.keySet()).iterator(); // sorted; a group of only deleted items still says so
            }
            if (!pending.hasNext()) {
                return null;
            }
            String key = pending.next();
            ReadScenario r = scenario(groups.get(key), partition.records(key));
            partition.drop(key);
            return r;
        }

        private void accept(Item item) {
            String account = item.account() == null ? "unknown" : item.account();
            String region = item.region() == null ? "unknown" : item.region();
            String key = groupBy == GroupBy.account_region ? account + "/" + region : account;
            Group g = groups.computeIfAbsent(key, k -> new Group(account, groupBy == GroupBy.account_region ? region : null));
            g.items++;
            g.regions.add(region);
            if (item.capture() != null) {
                g.first = g.first == null || Captures.ORDER.compare(item.capture(), g.first) < 0 ? item.capture() : g.first;
                g.last = g.last == null || Captures.ORDER.compare(item.capture(), g.last) > 0 ? item.capture() : g.last;
            }
            if (item.gone()) {
                g.gone++;
                // kept as a record of its own: when it is the latest capture of its resource, the resource is gone
                ObjectNode record = json.getNodeFactory().objectNode();
                record.put("id", item.srmId()).put("capture", item.capture()).put("gone", true);
                keep(key, record);
                return;
            }
            for (Mapping every : maps.variants("*")) {
                mergeAccount(g.accountBlock, projector.project(every, item.node(), Projector.Resolver.NONE).account());
            }
            Mapping m = item.type() == null ? null : maps.forResource(item.type(), item.node()).orElse(null);
            if (m == null) {
                g.unmapped.merge(String.valueOf(item.type()), 1, Integer::sum);
                return;
            }
            Projector.Projection p = projector.project(m, item.node(), Projector.Resolver.NONE);
            mergeAccount(g.accountBlock, p.account());
            if (!m.isResource()) {
                if (!m.into().isEmpty()) {
                    keepFold(key, item, m.into().get(0), p);
                }
                return;
            }
            ObjectNode configuration = p.configuration();
            if (m.copy() != null) {
                keepKnown(m, configuration);
            }
            ObjectNode record = json.getNodeFactory().objectNode();
            record.put("id", item.srmId()).put("type", m.type()).put("capture", item.capture()).put("arn", item.arn())
                    .put("account", item.account()).put("region", item.region()).put("line", item.line()).put("pointer", item.pointer())
                    .put("source", item.type()).put("resourceId", item.resourceId());
            ObjectNode tags = record.putObject("tags");
            (m.tags() == null ? Projector.tagMap(item.node().get("tags")) : p.tags()).forEach(tags::put);
            record.set("configuration", configuration);
            putStated(record, item.node(), p, true);
            keep(key, record);
            for (String source : companions(item.type())) {
                Mapping c = maps.forResource(source, item.node()).orElse(null);
                if (c == null || !c.isResource()) {
                    continue;
                }
                ObjectNode extra = record.deepCopy();
                extra.put("id", item.srmId() + "/" + source.substring(source.indexOf(COMPANION) + 1)).put("type", c.type())
                        .put("parent", item.srmId());
                extra.putObject("tags");
                Projector.Projection cp = projector.project(c, item.node(), Projector.Resolver.NONE);
                extra.set("configuration", cp.configuration());
                putStated(extra, item.node(), cp, false);
                keep(key, extra);
            }
        }

        /**
         * Keeps the settings of an item that describes another item's resource ({@code into}: the patch compliance
         * Systems Manager records for an instance) until the scenario is built, with the resource it names: the
         * value of the fold's {@code by}, matched against the resource ids of the items of its {@code resource} type.
         */
        private void keepFold(String key, Item item, Mapping.Fold fold, Projector.Projection p) {
            List<dev.srm.input.mapping.SourcePath.Match> names = fold.by().select(dev.srm.input.mapping.Scope.root(item.node()));
            ObjectNode record = json.getNodeFactory().objectNode();
            record.put("id", item.srmId()).put("fold", true).put("into", fold.targets().get(0)).put("source", item.type())
                    .put("names", names.isEmpty() || !names.get(0).node().isValueNode() ? null : names.get(0).node().asText())
                    .put("capture", item.capture()).put("region", item.region());
            record.set("configuration", p.configuration());
            putStated(record, item.node(), p, false);
            keep(key, record);
        }

        /**
         * Writes the paths an item states into its record (replacing a parent's): none for an item
         * Config did not record (configuration null); {@code Tags} too for the item's own resource,
         * since Config records a resource's tags whole ({} for none).
         */
        private static void putStated(ObjectNode record, JsonNode item, Projector.Projection p, boolean ownTags) {
            ArrayNode stated = record.putArray("stated");
            if (!item.path("configuration").isObject()) {
                return;
            }
            p.stated().forEach(stated::add);
            if (ownTags && item.path("tags").isObject()) {
                stated.add(dev.srm.facts.TagRequirement.STATED);
            }
        }

        /** The companion mappings of a Config type, in their files' order. */
        private List<String> companions(String type) {
            return companionsByType.computeIfAbsent(type, t -> maps.sources().stream().filter(s -> s.startsWith(t + COMPANION)).toList());
        }

        /** Adds a record of a group to the partition, until its scenario is built. */
        private void keep(String key, ObjectNode record) {
            try {
                partition.add(key, json.writeValueAsBytes(record));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A copied CloudFormation-shaped configuration keeps the properties the catalogue knows for the type: where the
         * type's CloudFormation schema is known, its properties and read-only attributes at any depth (and srm's keys);
         * the other keys Config records (an identifier such as a launch template's {@code Id}, a task definition's
         * {@code Status}, a topic's {@code Owner}) are left out silently, as no control reads them. What the mapping's own
         * entries build is kept.
         */
        private void keepKnown(Mapping m, ObjectNode configuration) {
            String type = m.type();
            ServiceCatalog catalog = data.catalog();
            if (catalog.schema().knows(type)) {
                List<String> targets = m.properties().keySet().stream().map(k -> k.indexOf('#') < 0 ? k : k.substring(0, k.indexOf('#'))).toList();
                keepKnown(catalog, catalog.canonicalType(type), configuration, "", "", targets);
                return;
            }
            Set<String> known = catalog.byType(type).map(s -> s.properties().get(catalog.canonicalType(type))).orElse(null);
            if (known == null || known.isEmpty()) {
                return;
            }
            configuration.retain(new ArrayList<>(configuration.properties().stream().map(Map.Entry::getKey)
                    .filter(k -> known.contains(k) || catalog.isSrmKey(k)).toList()));
        }

        /**
         * Removes from {@code node} (at configuration path {@code path}, {@code pattern} without list indexes) each key the
         * type's schema does not have; a map's keys, free-form JSON and a mapping's {@code targets} are kept.
         */
        private void keepKnown(ServiceCatalog catalog, String type, JsonNode node, String path, String pattern, List<String> targets) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    keepKnown(catalog, type, node.get(i), path + "[" + i + "]", pattern, targets);
                }
                return;
            }
            if (!node.isObject()) {
                return;
            }
            List<String> unknown = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                String p = pattern.isEmpty() ? e.getKey() : pattern + "." + e.getKey();
                boolean built = targets.stream().anyMatch(t -> t.equals(p) || t.startsWith(p + ".") || p.startsWith(t + "."));
                if (built || path.isEmpty() && catalog.isSrmKey(e.getKey())) {
                    continue;
                }
                if (catalog.schema().check(type, at).isPresent()) {
                    unknown.add(e.getKey());
                } else {
                    keepKnown(catalog, type, e.getValue(), at, p, targets);
                }
            }
            ((ObjectNode) node).remove(unknown);
        }

        private ReadScenario scenario(Group g, List<String> records) throws InputException {
            Map<String, JsonNode> byId = new LinkedHashMap<>();
            Map<String, JsonNode> folds = new TreeMap<>(); // the latest item of each resource that folds into another's
            Set<String> described = new java.util.HashSet<>(); // resources with an item that describes them
            int companions = 0; // records built from an item beside its resource: no items of their own
            int foldRecords = 0;
            for (String line : records) {
                JsonNode r;
                try {
                    r = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
                String id = r.path("id").asText();
                if (r.path("fold").asBoolean()) {
                    foldRecords++;
                    described.add(id);
                    JsonNode before = folds.get(id);
                    if (before == null || Captures.ORDER.compare(r.path("capture").asText(""), before.path("capture").asText("")) >= 0) {
                        folds.put(id, r);
                    }
                    continue;
                }
                if (r.has("parent")) {
                    companions++;
                }
                if (!r.path("gone").asBoolean()) {
                    described.add(id);
                }
                JsonNode before = byId.get(id);
                // the history of a resource holds several items: the latest capture describes it, and a resource whose
                // latest item says it was deleted (or is no longer recorded) is not there
                if (before == null || Captures.ORDER.compare(r.path("capture").asText(""), before.path("capture").asText("")) >= 0) {
                    byId.put(id, r);
                }
            }
            // a companion describes what the latest item of its resource holds: one from an earlier item (a bucket policy since
            // deleted), or of a resource now gone, is not there
            byId.values().removeIf(r -> r.has("parent") && (byId.get(r.path("parent").asText()) == null
                    || byId.get(r.path("parent").asText()).path("gone").asBoolean()
                    || !byId.get(r.path("parent").asText()).path("capture").asText("").equals(r.path("capture").asText(""))));
            // an item that describes another's resource is gone when its latest capture says so; an earlier deletion is not
            folds.values().removeIf(f -> {
                JsonNode gone = byId.get(f.path("id").asText());
                if (gone == null || !gone.path("gone").asBoolean()) {
                    return false;
                }
                if (Captures.ORDER.compare(gone.path("capture").asText(""), f.path("capture").asText("")) >= 0) {
                    return true;
                }
                byId.remove(f.path("id").asText());
                return false;
            });
            // resources an earlier item described and a later one says are deleted or no longer recorded
            int removed = (int) byId.entrySet().stream().filter(e -> e.getValue().path("gone").asBoolean() && described.contains(e.getKey()))
                    .count();
            List<String> unfolded = fold(folds, byId);
            List<ResourceSpec> resources = new ArrayList<>();
            boolean gzipped = name.toLowerCase(Locale.ROOT).endsWith(".gz"); // a line of the unzipped text is no place in the file
            for (JsonNode r : byId.values()) {
                if (r.path("gone").asBoolean()) {
                    continue;
                }
                String id = r.path("id").asText();
                List<Setting> settings = new ArrayList<>();
                Settings.flatten(id, "", "", r.path("configuration"), settings);
                Map<String, String> tags = new TreeMap<>();
                r.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                resources.add(new ResourceSpec(id, null, r.path("type").asText(), tags, settings, 0, List.of(), List.of(),
                        new Origin(name, gzipped ? 0 : r.path("line").asInt(0), text(r, "pointer"), null, text(r, "arn"), text(r, "capture"), text(r, "account"), text(r, "region")),
                        stated(r.path("stated"))));
            }
            List<Setting> account = new ArrayList<>();
            Settings.flatten(Resource.ACCOUNT, "", "", g.accountBlock, account);
            List<String> warnings = new ArrayList<>();
            String where = name + ": account " + g.account + (g.region == null ? "" : " " + g.region);
            g.unmapped.forEach((type, n) -> warnings.add(where + ": no srm mapping for AWS Config type " + type + ": " + n
                    + " item" + (n == 1 ? "" : "s") + " not assessed"));
            if (!unfolded.isEmpty()) {
                warnings.add(where + ": " + unfolded.size() + " item" + (unfolded.size() == 1 ? "" : "s") + " describing a resource the input"
                        + " does not hold, not assessed (" + String.join("; ", unfolded.subList(0, Math.min(3, unfolded.size())))
                        + (unfolded.size() > 3 ? "; ..." : "") + ")");
            }
            if (g.gone > 0) {
                warnings.add(where + ": skipped " + g.gone + " deleted or not-recorded item" + (g.gone == 1 ? "" : "s")
                        + " (configurationItemStatus ResourceDeleted or ResourceNotRecorded)"
                        + (removed == 0 ? "" : "; " + removed + " of them the latest item of " + (removed == 1 ? "a resource, which is"
                        : "resources, which are") + " left out with every earlier item"));
            }
            int duplicates = records.size() - companions - foldRecords - (int) byId.values().stream().filter(r -> !r.has("parent")).count();
            String id = ("config-" + g.account + (g.region == null ? "" : "-" + g.region)).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9-]+", "-");
            String title = "AWS Config: account " + g.account + (g.region == null ? " (" + String.join(", ", g.regions) + ")" : " (" + g.region + ")");
            String description = g.items + " configuration item" + (g.items == 1 ? "" : "s") + " read from " + name
                    + (g.first == null ? "" : ", captured " + g.first + (g.last.equals(g.first) ? "" : " to " + g.last))
                    + "; " + resources.size() + " resource" + (resources.size() == 1 ? "" : "s") + " (ids are ARNs)"
                    + (duplicates > 0 ? ", the latest of " + (duplicates + byId.values().stream().filter(r -> !r.has("parent")
                            && !r.path("gone").asBoolean()).count()) + " items of the same resources" : "")
                    + (g.gone > 0 ? "; " + g.gone + " deleted or not recorded" : "") + ".";
            // the id is made from the account, not given by the input: a batch of several files of one account qualifies it
            return new ReadScenario(new Scenario(id, title, description, name, Inventory.PARTIAL, null, account, resources)
                    .namedAfterItsFile(), warnings);
        }

        /**
         * Adds the settings of each latest item that describes another item's resource to that resource (the patch
         * compliance of an instance to the instance). Returns, for a warning, the items whose resource is not in the
         * group (an on-premises managed node, an instance Config does not record).
         */
        private List<String> fold(Map<String, JsonNode> folds, Map<String, JsonNode> byId) {
            Map<String, JsonNode> targets = new java.util.HashMap<>();
            for (JsonNode r : byId.values()) {
                if (!r.path("gone").asBoolean() && !r.has("parent") && r.hasNonNull("resourceId")) {
                    targets.put(r.path("source").asText() + " " + r.path("resourceId").asText(), r);
                }
            }
            List<String> unfolded = new ArrayList<>();
            for (JsonNode f : folds.values()) {
                JsonNode target = targets.get(f.path("into").asText() + " " + resourceIdNamed(f.path("names").asText("")));
                if (target == null || f.hasNonNull("region") && target.hasNonNull("region")
                        && !f.path("region").asText().equals(target.path("region").asText())) {
                    unfolded.add(f.path("source").asText() + " " + f.path("names").asText(f.path("id").asText()) + ": no "
                            + f.path("into").asText() + " item with that resource id");
                    continue;
                }
                Projector.merge((ObjectNode) target.path("configuration"), (ObjectNode) f.path("configuration"));
                ArrayNode stated = (ArrayNode) target.path("stated");
                f.path("stated").forEach(stated::add);
            }
            return unfolded;
        }

        @Override
        public void close() {
            partition.close();
        }
    }

    /**
     * The resource id a describing item's value names: the id itself, or an id Config qualifies by the type of the
     * record that holds it ({@code AWS::SSM::ManagedInstanceInventory/i-0123456789abcdef0}, the resource id of an
     * instance's AWS::SSM::PatchCompliance item).
     */
    static String resourceIdNamed(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/(.+)").matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    /** The configuration paths a record's item states (see {@link Projector.Projection#stated}). */
    private static java.util.Set<String> stated(JsonNode paths) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        paths.forEach(p -> out.add(p.asText()));
        return out;
    }

    private static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Account facts from many items: a true boolean stays true (GuardDuty on in any Region), objects merge, else the later wins. */
    static void mergeAccount(ObjectNode target, ObjectNode addition) {
        for (Iterator<Map.Entry<String, JsonNode>> it = addition.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode before = target.get(e.getKey());
            if (before != null && before.isObject() && e.getValue().isObject()) {
                mergeAccount((ObjectNode) before, (ObjectNode) e.getValue());
            } else if (before == null || !(before.isBoolean() && before.booleanValue())) {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}
