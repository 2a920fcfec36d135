package dev.srm.input.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.srm.facts.Inventory;
import dev.srm.facts.Resource;
import dev.srm.facts.Setting;
import dev.srm.input.Content;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;
import dev.srm.input.Locator;
import dev.srm.input.Numbers;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;
import dev.srm.input.Settings;
import dev.srm.input.StreamingInput;
import dev.srm.input.mapping.Mapping;
import dev.srm.input.mapping.MappingSet;
import dev.srm.input.mapping.Projector;
import dev.srm.input.mapping.Scope;
import dev.srm.input.mapping.SourcePath;
import dev.srm.input.mapping.Unknown;
import dev.srm.model.InputFormat;
import dev.srm.model.Origin;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON of {@code terraform show -json} (a plan or a state, Terraform 0.12 or later;
 * also a raw version 4 state file) into one scenario. Each AWS provider resource instance
 * becomes a resource with its address as id, mapped to a CloudFormation type and configuration
 * by the files under {@code rules/importers/terraform/}; split-out resources (a bucket's public
 * access block) fold into the resource they configure, found through the plan's references or,
 * in a state, by value. Values known only after apply become {@link Unknown} settings. A type
 * without a mapping is a warning naming it. Thread-safe.
 */
public final class TerraformReader implements StreamingInput {
    /** A direct reference to a key attribute of one resource: {@code aws_instance.web.id}, {@code aws_instance.web[0].id}, {@code aws_instance.web["a"].id}. */
    private static final Pattern KEY_REFERENCE = Pattern.compile(
            "([A-Za-z0-9_]+)\\.([A-Za-z0-9_-]+)(\\[(?:\\d+|\"(?:[^\"\\\\]|\\\\.)*\")\\])?\\.([A-Za-z0-9_]+)");
    /** The name of the mappings' section and folder ({@code importers/terraform/}). */
    public static final String INPUT = "terraform";

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION) // the last of two would win unsaid
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(512 * 1024 * 1024).build()).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // one document, never a prefix
    private final Projector projector = new Projector();
    private MappingSet mappings; // guarded by this; read on first use, so that start-up does not pay for it

    public TerraformReader() {
    }

    /** A reader with these mappings (tests). */
    public TerraformReader(MappingSet mappings) {
        this.mappings = mappings;
    }

    private synchronized MappingSet mappings() {
        if (mappings == null) {
            mappings = MappingSet.bundled(INPUT);
        }
        return mappings;
    }

    @Override
    public InputFormat format() {
        return InputFormat.terraform;
    }

    @Override
    public boolean claims(String name, byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int i = 0;
        while (i < n && Character.isWhitespace(bytes[i])) {
            i++;
        }
        if (i >= n || bytes[i] != '{') {
            return false;
        }
        String head = new String(bytes, 0, n, StandardCharsets.UTF_8);
        return head.contains("\"terraform_version\"") || head.contains("\"format_version\"") && head.contains("\"planned_values\"")
                || head.contains("\"planned_values\"") && head.contains("\"root_module\"") // a plan cut down to planned_values
                // keys sorted (jq -S): "configuration" comes first, its provider_config before all the rest
                || head.contains("\"provider_config\"") && (head.contains("\"root_module\"") || head.contains("\"full_name\""))
                // sorted, with what sorts before it: Terraform 1.8's "applyable" and "complete", 1.5's check results
                || head.contains("\"applyable\"") && head.contains("\"complete\"")
                || head.contains("\"checks\"") && head.contains("\"to_display\"");
    }

    @Override
    public List<Scenario> read(String name, byte[] bytes) throws InputException {
        return List.of(readScenario(name, bytes).scenario());
    }

    @Override
    public List<ReadScenario> readWithWarnings(String name, byte[] bytes) throws InputException {
        return List.of(readScenario(name, bytes));
    }

    @Override
    public ScenarioStream open(Path file) throws InputException {
        return ScenarioStream.of(List.of(readScenario(file.toString(), Content.bytes(file))));
    }

    /** The scenario of a plan or state, and the warnings about it. */
    public ReadScenario readScenario(String name, byte[] bytes) throws InputException {
        InputFiles.checkUtf8(name, bytes);
        if (InputFiles.isBlank(bytes)) {
            throw InputFiles.problem(name, "", "the file is empty; expected the JSON of 'terraform show -json'");
        }
        JsonNode root;
        JsonParser parser = null;
        try {
            parser = json.getFactory().createParser(bytes);
            root = json.readTree(parser);
        } catch (JsonProcessingException e) {
            InputException twice = InputFiles.duplicateKey(name, e, parser, json.getFactory(), bytes);
            if (twice != null) {
                throw twice;
            }
            throw InputFiles.parseProblem(name, e, parser, Format.JSON, 0); // parser limits (a number of 5,000 digits) in srm's words
        } catch (IOException e) {
            throw InputFiles.problem(name, "", "cannot be parsed: " + e.getMessage());
        } finally {
            closeQuietly(parser);
        }
        Numbers.check(name, root, pointer -> Locator.find(json.getFactory(), bytes, pointer), 0);
        TerraformDocument doc;
        try {
            doc = TerraformDocument.of(root);
        } catch (TerraformDocument.Unreadable e) {
            throw problem(name, bytes, e.pointer, e.getMessage());
        }
        return new Build(name, bytes, doc).scenario();
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // a parser over bytes holds nothing to release
            }
        }
    }

    private InputException problem(String name, byte[] bytes, String pointer, String message) {
        int[] loc = pointer.isEmpty() ? null : Locator.find(json.getFactory(), bytes, pointer);
        String where = loc == null ? "" : loc[0] + ":" + loc[1];
        return InputFiles.problem(name, where, (pointer.isEmpty() ? "" : pointer + ": ") + message);
    }

    /** A scenario id from a file name: lower-case letters, digits and dashes. */
    static String scenarioId(String name) {
        String base = Path.of(name).getFileName() == null ? name : Path.of(name).getFileName().toString();
        base = base.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|json|tfplan|tfstate)$", "").replaceAll("\\.(json|tfplan|tfstate)$", "");
        String id = base.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "terraform" : id.length() > 128 ? id.substring(0, 128) : id;
    }

    /** One document being turned into a scenario. */
    private final class Build {
        private final String name;
        private final byte[] bytes;
        private final TerraformDocument doc;
        private final MappingSet maps = mappings();
        private final List<String> warnings = new ArrayList<>();
        /** The resources made so far, by instance address. */
        private final Map<String, Made> made = new LinkedHashMap<>();
        private final Map<String, Instance> byAddress = new LinkedHashMap<>();
        private final ObjectNode account = JsonNodeFactory.instance.objectNode();
        /**
         * The account settings of each resource that is a setting of the account and no resource of its own (an
         * aws_iam_account_password_policy), by type and address, added to the account once all are read.
         */
        private final Map<String, Map<String, ObjectNode>> settingsOfTheAccount = new TreeMap<>();

        /**
         * A resource being built: its id, type, configuration, tags, the instance it came from, and
         * the configuration paths whose value or absence the plan states ({@link ResourceSpec#stated}).
         */
        private record Made(String id, String type, ObjectNode configuration, Map<String, String> tags, Instance from, Set<String> stated) {
        }

        Build(String name, byte[] bytes, TerraformDocument doc) {
            this.name = name;
            this.bytes = bytes;
            this.doc = doc;
            doc.instances.forEach(i -> byAddress.put(i.address(), i));
        }

        ReadScenario scenario() throws InputException {
            Map<String, Instance> seen = new java.util.HashMap<>();
            for (Instance i : doc.instances) { // one address, one resource: the later would replace the earlier unsaid
                Instance before = seen.putIfAbsent(i.address(), i);
                if (before != null) {
                    int[] at = Locator.find(json.getFactory(), bytes, before.pointer());
                    throw problem(name, bytes, i.pointer(), "duplicate resource address " + i.address() + " (first at "
                            + (at == null ? "" : "line " + at[0] + ": ") + before.pointer() + "); each address may appear once");
                }
            }
            if (!doc.deposed.isEmpty()) {
                warnings.add(name + ": " + doc.deposed.size() + " deposed object" + (doc.deposed.size() == 1 ? "" : "s")
                        + " not assessed (" + String.join(", ", doc.deposed.subList(0, Math.min(3, doc.deposed.size())))
                        + (doc.deposed.size() > 3 ? ", ..." : "") + "): what a create_before_destroy replacement left to destroy;"
                        + " the current object of the same address is assessed");
            }
            List<Instance> aws = doc.instances.stream().filter(Instance::isAws).toList();
            if (aws.isEmpty() && !doc.instances.isEmpty()) {
                Instance first = doc.instances.get(0);
                throw problem(name, bytes, first.pointer(), "a " + doc.kind.label + " of the " + Instance.providerSource(first.provider())
                        + " provider (" + first.address() + (doc.instances.size() > 1 ? " and " + (doc.instances.size() - 1) + " more" : "")
                        + "); srm reads resources of the AWS provider (hashicorp/aws) only");
            }
            if (!doc.destroyed.isEmpty()) {
                warnings.add(name + ": " + doc.destroyed.size() + " resource" + (doc.destroyed.size() == 1 ? "" : "s")
                        + " the plan destroys not assessed (" + String.join(", ", doc.destroyed.subList(0, Math.min(3, doc.destroyed.size())))
                        + (doc.destroyed.size() > 3 ? ", ..." : "") + "): " + (doc.destroyed.size() == 1 ? "it" : "they") + " will not exist after apply");
            }
            if (doc.withoutFormatVersion) {
                warnings.add(name + ": has no format_version, so it is not the whole output of 'terraform show -json' (a plan cut down to "
                        + "planned_values?); read as a plan: values known only after apply and references are read only from what it holds");
            }
            Map<String, List<String>> unmapped = new TreeMap<>();
            List<Instance> folds = new ArrayList<>();
            for (Instance i : doc.instances) {
                if (!i.isAws()) {
                    unmapped.computeIfAbsent(i.type() + " (provider " + Instance.providerSource(i.provider()) + ", not AWS)",
                            k -> new ArrayList<>()).add(i.address());
                    continue;
                }
                Mapping m = maps.forResource(i.type(), i.values()).orElse(null);
                if (m == null) {
                    unmapped.computeIfAbsent(i.type(), k -> new ArrayList<>()).add(i.address());
                    continue;
                }
                if (!m.into().isEmpty()) {
                    folds.add(i);
                }
                if (m.isResource() || m.into().isEmpty()) {
                    Projector.Projection p = projector.project(m, i.values(), resolver(i));
                    if (m.isResource()) {
                        Projector.merge(account, p.account());
                        make(i, m, p);
                    } else {
                        settingsOfTheAccount.computeIfAbsent(i.type(), k -> new LinkedHashMap<>()).put(i.address(), p.account());
                    }
                }
            }
            settingsOfTheAccount.forEach(this::addToTheAccount);
            for (Instance i : folds) {
                fold(i, maps.forResource(i.type(), i.values()).orElseThrow());
            }
            defaultSecurityGroups();
            // a data source becomes a resource only where a mapping of "data.<type>" holds for it (an AWS managed key
            // the configuration reads); every other one is read for nothing, as before, and is no unmapped resource
            for (Instance i : doc.dataInstances) {
                Mapping m = i.isAws() ? maps.forResource("data." + i.type(), i.values()).orElse(null) : null;
                if (m != null && m.isResource() && !made.containsKey(i.address())) {
                    make(i, m, projector.project(m, i.values(), resolver(i)));
                }
            }
            unmapped.forEach((type, addresses) -> warnings.add(name + ": no srm mapping for Terraform type " + type + ": "
                    + addresses.size() + " resource" + (addresses.size() == 1 ? "" : "s") + " not assessed ("
                    + String.join(", ", addresses.subList(0, Math.min(3, addresses.size()))) + (addresses.size() > 3 ? ", ..." : "") + ")"));
            return new ReadScenario(build(), warnings);
        }

        /**
         * The default security group of each VPC the plan creates, as a setting of the VPC ({@code DefaultSecurityGroup},
         * srm keys): AWS creates the group with the VPC, with an inbound rule from the group itself and an outbound rule
         * to everywhere, and no resource of the plan stands for it unless an {@code aws_default_security_group} takes it
         * over, which removes every rule its configuration does not list. {@code DefaultSecurityGroup.TakenOverBy} is the
         * group of the plan that names the VPC (its {@code vpc_id} resolved as any reference), with that group's
         * {@code ingressRuleCount} and {@code egressRuleCount} once every rule resource has folded into it; {@code none}
         * when no group of the plan does; unknown when a group whose VPC the plan does not show may (a {@code vpc_id}
         * known only after apply through a local value or a data source). The groups fold into the VPCs they name, as a
         * split-out resource folds into the one it configures: the rules read the VPC alone, never every group for every
         * VPC. A VPC the plan does not create (a state, an update) keeps a group whose rules may have changed since:
         * nothing is said of it.
         */
        private void defaultSecurityGroups() {
            List<Made> vpcs = new ArrayList<>();
            List<Made> groups = new ArrayList<>();
            for (Made m : made.values()) {
                if (m.from().type().equals("aws_vpc") && doc.created.contains(m.from().address())) {
                    vpcs.add(m);
                } else if (m.from().type().equals("aws_default_security_group")) {
                    groups.add(m);
                }
            }
            if (vpcs.isEmpty()) {
                return;
            }
            Map<String, Made> takenOver = new LinkedHashMap<>(); // VPC srm id -> the group that names it
            List<String> unresolved = new ArrayList<>();
            for (Made g : groups) {
                JsonNode vpc = g.configuration().get("VpcId");
                if (vpc == null || vpc.isNull() || Unknown.UNSET_MARKER.equals(vpc.asText())) {
                    continue; // no vpc_id: the default VPC's group, which no plan creates
                }
                if (Unknown.is(vpc)) {
                    unresolved.add(g.from().address());
                } else {
                    takenOver.putIfAbsent(vpc.asText(), g);
                }
            }
            for (Made v : vpcs) {
                ObjectNode dsg = JsonNodeFactory.instance.objectNode();
                Made g = takenOver.get(v.id());
                if (g != null) {
                    dsg.put("TakenOverBy", g.id());
                    for (String count : List.of("ingressRuleCount", "egressRuleCount")) {
                        JsonNode n = g.configuration().get(count);
                        dsg.set(count, n == null ? Unknown.node() : n.deepCopy());
                    }
                } else if (!unresolved.isEmpty()) {
                    dsg.put("TakenOverBy", Setting.unknownValue(String.join(", ", unresolved) + " may take it over: "
                            + (unresolved.size() == 1 ? "its vpc_id is" : "their vpc_id are") + " known only after apply and the "
                            + doc.kind.label + " does not show which VPC " + (unresolved.size() == 1 ? "it names" : "they name")));
                } else {
                    dsg.put("TakenOverBy", "none");
                }
                v.configuration().set("DefaultSecurityGroup", dsg);
            }
        }

        /**
         * Adds the account settings of the resources of one type to the account. The account has one of each (one
         * password policy): several resources of the type each replace the whole of it when applied, in no order the
         * plan sets, so a setting where they differ (or one sets and another leaves out) is UNKNOWN, one of their values;
         * said in a warning that names them.
         */
        private void addToTheAccount(String type, Map<String, ObjectNode> byAddress) {
            if (byAddress.size() == 1) {
                Projector.merge(account, byAddress.values().iterator().next());
                return;
            }
            List<String> addresses = new ArrayList<>(byAddress.keySet());
            Map<String, Map<String, JsonNode>> leaves = new TreeMap<>(); // setting path -> address -> its value there
            byAddress.forEach((address, settings) -> leavesOf("", settings, (path, value) ->
                    leaves.computeIfAbsent(path, k -> new LinkedHashMap<>()).put(address, value)));
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            List<String> differ = new ArrayList<>();
            String reason = "set by " + String.join(", ", addresses) + ", which Terraform applies in no set order";
            leaves.forEach((path, values) -> {
                LinkedHashSet<JsonNode> distinct = new LinkedHashSet<>();
                addresses.forEach(a -> distinct.add(values.getOrDefault(a, MissingNode.getInstance())));
                if (distinct.size() == 1) {
                    Projector.put(merged, path, distinct.iterator().next());
                    return;
                }
                List<String> shown = distinct.stream().map(v -> v.isMissingNode() ? "not set" : v.isValueNode() ? v.asText() : v.toString()).toList();
                differ.add(path + ": " + String.join(", ", shown));
                boolean plain = distinct.stream().allMatch(v -> v.isValueNode() && !v.isNull() && !Unknown.is(v));
                Projector.put(merged, path, TextNode.valueOf(plain ? Setting.unknownOneOf(shown, reason)
                        : distinct.stream().anyMatch(com.fasterxml.jackson.databind.JsonNode::isMissingNode) ? Setting.unknownPresence(reason)
                        : Setting.unknownValue(reason)));
            });
            Projector.merge(account, merged);
            warnings.add(name + ": " + addresses.size() + " " + type + " resources (" + String.join(", ", addresses) + ") set the same"
                    + " settings of the account, which has one of each (one password policy): each apply replaces what another set, in"
                    + " no set order; " + (differ.isEmpty() ? "they agree on every setting srm reads"
                            : "where they differ the setting is UNKNOWN (" + String.join("; ", differ) + ")"));
        }

        /** Calls {@code to} with the dotted path and value of each leaf (a value or a list) of an object. */
        private static void leavesOf(String prefix, JsonNode node, java.util.function.BiConsumer<String, JsonNode> to) {
            node.fields().forEachRemaining(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isObject()) {
                    leavesOf(path, e.getValue(), to);
                } else {
                    to.accept(path, e.getValue());
                }
            });
        }

        /** The resource an instance becomes under its mapping. */
        private void make(Instance i, Mapping m, Projector.Projection p) {
            made.put(i.address(), new Made(i.srmId(), m.type(), p.configuration(), tags(m, i, p.configuration()), i, stated(m, i, p)));
        }

        /**
         * The tags of an instance: its tags map ({@code tags_all}, else {@code tags}, or the mapping's path); where it has
         * none, the {@code Tags} list of Key/Value its mapping builds, as the CloudFormation reader reads a template's
         * (an Auto Scaling group's tag blocks, which are no map).
         */
        private Map<String, String> tags(Mapping m, Instance i, ObjectNode configuration) {
            Map<String, String> out = tags(m, i);
            JsonNode built = configuration.get("Tags");
            if (out.isEmpty() && built != null && built.isArray()) {
                for (JsonNode t : built) {
                    JsonNode k = t.get("Key");
                    JsonNode v = t.get("Value");
                    if (k != null && k.isValueNode() && !Unknown.is(k) && !k.asText().isEmpty() && (v == null || !Unknown.is(v))) {
                        out.put(k.asText(), v == null || v.isNull() ? "" : v.asText());
                    }
                }
            }
            return out;
        }

        private Map<String, String> tags(Mapping m, Instance i) {
            SourcePath path = m.tags();
            JsonNode t = path != null ? first(path, i.values()) : i.values().get("tags_all");
            if (t == null || !t.isObject() || t.isEmpty()) {
                t = i.values().get("tags");
            }
            Map<String, String> out = new TreeMap<>();
            if (t != null && t.isObject()) {
                t.fields().forEachRemaining(e -> {
                    if (e.getValue().isValueNode() && !e.getValue().isNull() && !Unknown.is(e.getValue())) {
                        out.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
            return out;
        }

        /**
         * Whether the instance states its tags ({@code tags_all}, which adds the provider's
         * default_tags, or {@code tags} where there is no tags_all): known, null included. A
         * tags_all known only after apply states nothing, whatever {@code tags} says.
         */
        private boolean tagsStated(Mapping m, Instance i) {
            if (m.tags() != null) {
                return m.tags().states(Scope.root(i.values()));
            }
            JsonNode all = i.values().get("tags_all");
            if (all != null) {
                return !Unknown.is(all);
            }
            JsonNode own = i.values().get("tags");
            return own != null && !Unknown.is(own);
        }

        /** The paths an instance states: its mapping's, and {@code Tags} for its tags when it states them. */
        private TreeSet<String> stated(Mapping m, Instance i, Projector.Projection p) {
            TreeSet<String> out = new TreeSet<>(p.stated());
            if (tagsStated(m, i)) {
                out.add(dev.srm.facts.TagRequirement.STATED);
            }
            return out;
        }

        /** Adds the settings of a split-out resource to the resource it configures, or keeps them as a resource of their own. */
        private void fold(Instance i, Mapping m) {
            Projector.Projection p = projector.project(m, i.values(), resolver(i));
            Projector.merge(account, p.account());
            List<Mapping.Fold> folds = m.into();
            Mapping.Fold unresolved = null;
            for (Mapping.Fold f : folds) {
                if (folds.size() > 1 && namesNone(f.by(), i.values())) {
                    continue; // an attachment of roles only names no user or group
                }
                List<Instance> targets = List.of();
                for (String type : f.targets()) { // a rule's security_group_id names a group, or the VPC's default group
                    targets = targets.isEmpty() ? targets(i, type, f.by(), t -> agrees(i, t, f.same())) : targets;
                }
                if (targets.isEmpty()) {
                    unresolved = unresolved == null ? f : unresolved;
                    continue;
                }
                for (Instance target : targets) {
                    Made into = made.get(target.address());
                    if (into == null) {
                        continue;
                    }
                    Projector.merge(into.configuration(), p.configuration(), f.append());
                    if (!f.append()) { // a resource that adds to a list (one rule of a group) says nothing of the others
                        into.stated().addAll(p.stated());
                    }
                }
            }
            if (unresolved != null) {
                keepApart(i, m, unresolved, p);
            }
        }

        /**
         * Whether a fold's attribute names nothing: absent, null, or a list without a name (empty, or of empty strings and
         * nulls only: {@code users = [""]} is no user).
         */
        private boolean namesNone(SourcePath by, JsonNode values) {
            JsonNode v = first(by, values);
            if (v == null || v.isNull()) {
                return true;
            }
            if (!v.isArray()) {
                return false;
            }
            for (JsonNode e : v) {
                if (!blank(e)) {
                    return false;
                }
            }
            return true;
        }

        /** An element of a list of names that names nothing: null or an empty string. */
        private static boolean blank(JsonNode e) {
            return e == null || e.isNull() || e.isTextual() && e.textValue().isEmpty();
        }

        /** A split-out resource whose target is not in the input: said, and assessed as a resource of the target's type. */
        private void keepApart(Instance i, Mapping m, Mapping.Fold f, Projector.Projection p) {
            Mapping targetMapping = maps.variants(f.targets().get(0)).stream().filter(Mapping::isResource).findFirst().orElse(null);
            if (targetMapping == null) {
                warnings.add(name + ": " + i.address() + ": folds into " + f.targets().get(0) + ", which has no mapping; its settings are not assessed");
                return;
            }
            JsonNode v = first(f.by(), i.values());
            String which = v == null || Unknown.is(v)
                    // not "not in this plan": it may well be, but without a reference to it srm cannot tell which
                    ? " it configures is known only after apply and " + (doc.hasConfiguration
                            ? doc.refersToLocal(i.configAddress(), attribute(f.by()))
                                    ? "its " + attribute(f.by()) + " comes from a local value, whose expression a plan does not show"
                                    : "its " + attribute(f.by()) + " refers to no " + String.join(" or ", f.targets()) + " of this " + doc.kind.label
                            : "this " + doc.kind.label + " has no configuration block whose references would name it")
                    : " it configures ('" + named(v) + "') is not in this " + doc.kind.label;
            warnings.add(name + ": " + i.address() + ": the " + String.join(" or ", f.targets()) + which + "; its settings are assessed as a "
                    + targetMapping.type() + " of their own");
            made.put(i.address(), new Made(i.srmId(), targetMapping.type(), p.configuration(), tags(m, i), i,
                    f.append() ? new TreeSet<>() : new TreeSet<>(p.stated())));
        }

        /** The names a fold's attribute gives, for a message: a list's without the empty strings, which name nothing. */
        private static String named(JsonNode v) {
            if (!v.isArray()) {
                return v.asText();
            }
            ArrayNode names = JsonNodeFactory.instance.arrayNode();
            v.forEach(e -> {
                if (!blank(e)) {
                    names.add(e);
                }
            });
            return names.size() == 1 ? names.get(0).asText() : names.toString();
        }

        /**
         * The instances of {@code targetType} that attribute {@code by} of {@code from} names: one for a single name, one
         * per element for a list of names (an attachment's roles), each found by reference or, failing that, by value.
         */
        private List<Instance> targets(Instance from, String targetType, SourcePath by, java.util.function.Predicate<Instance> fits) {
            JsonNode v = first(by, from.values());
            if (v == null || !v.isArray()) {
                Instance one = target(from, targetType, by, fits);
                return one == null ? List.of() : List.of(one);
            }
            LinkedHashSet<Instance> out = new LinkedHashSet<>();
            for (String ref : doc.referencesOf(from.configAddress(), dotted(by))) {
                out.addAll(referenced(from, targetType, ref));
            }
            for (JsonNode e : v) {
                if (e.isValueNode() && !blank(e) && !Unknown.is(e)) {
                    Instance t = byValue(targetType, e.asText(), fits);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
            return List.copyOf(out);
        }

        private static String attribute(SourcePath by) {
            return by.segments().isEmpty() ? "reference" : by.segments().get(0).toString();
        }

        /** The instance of type {@code targetType} that attribute {@code by} of {@code from} names (a nested block's by its dotted path). */
        private Instance target(Instance from, String targetType, SourcePath by) {
            return target(from, targetType, by, t -> true);
        }

        private Instance target(Instance from, String targetType, SourcePath by, java.util.function.Predicate<Instance> fits) {
            return target(from, targetType, by, fits, doc.referencesOf(from.configAddress(), dotted(by)), first(by, from.values()));
        }

        /** The instance of type {@code targetType} that one of {@code refs} names, else the one whose keys hold {@code value}. */
        private Instance target(Instance from, String targetType, SourcePath by, java.util.function.Predicate<Instance> fits, List<String> refs,
                                JsonNode value) {
            for (String ref : refs) {
                List<Instance> candidates = referenced(from, targetType, ref).stream().filter(fits).toList();
                if (candidates.size() == 1) {
                    return candidates.get(0);
                }
                for (Instance c : candidates) {
                    if (c.indexKey() != null && c.indexKey().equals(from.indexKey())) {
                        return c;
                    }
                }
            }
            return value == null || Unknown.is(value) || !value.isValueNode() ? null : byValue(targetType, value.asText(), fits);
        }

        /**
         * Where the expression is that gives a value read in {@code scope} through {@code path}: the one place-finding of
         * the two ways a mapping reads references (a reference resolved to a resource, the written ones of a list's
         * elements). {@link #TOP} when the value is not read inside an element of a nested block (the attribute's
         * references are its own), {@link #LOST} when the element cannot be found in the values; else the expression
         * and its place ({@code subnet_mapping[1].subnet_id}), null where the configuration does not show it as that
         * element ({@link TerraformDocument#expressionAt}: a {@code dynamic} block beside static ones, an attribute the
         * element leaves out, no configuration).
         */
        private record Element(TerraformDocument.Expression expression) {
            static final Element TOP = new Element(null);
            static final Element LOST = new Element(null);

            /** The references the configuration writes there, as written ({@code aws_instance.web.id}); null where it shows none. */
            List<String> written() {
                return expression == null ? null : TerraformDocument.written(expression.node());
            }
        }

        private Element element(Instance from, Scope scope, SourcePath path) {
            Scope at = scope;
            for (int i = 0; i < path.up() && at != null; i++) {
                at = at.parent();
            }
            List<Scope> chain = new ArrayList<>();
            for (Scope s = at; s != null; s = s.parent()) {
                chain.add(0, s);
            }
            if (chain.size() < 2) {
                return Element.TOP;
            }
            List<Object> steps = new ArrayList<>();
            for (int i = 1; i < chain.size(); i++) {
                List<Object> step = placeOf(chain.get(i - 1).node(), chain.get(i).node(), 3);
                if (step == null) {
                    return Element.LOST;
                }
                steps.addAll(step);
            }
            if (steps.stream().noneMatch(Integer.class::isInstance)) {
                return Element.TOP; // not inside an element: the attribute's references are its own
            }
            for (Object segment : path.segments()) {
                if (!(segment instanceof String name)) {
                    return Element.LOST;
                }
                steps.add(name);
            }
            return new Element(doc.expressionAt(from.configAddress(), steps, chain.get(0).node()));
        }

        /** Where {@code child} (that very node) is inside {@code parent}: names and indexes, at most {@code depth} steps down; or null. */
        private static List<Object> placeOf(JsonNode parent, JsonNode child, int depth) {
            if (depth == 0 || !parent.isContainerNode()) {
                return null;
            }
            if (parent.isArray()) {
                for (int i = 0; i < parent.size(); i++) {
                    List<Object> below = parent.get(i) == child ? List.of() : placeOf(parent.get(i), child, depth - 1);
                    if (below != null) {
                        List<Object> out = new ArrayList<>(List.of(i));
                        out.addAll(below);
                        return out;
                    }
                }
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = parent.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> below = e.getValue() == child ? List.of() : placeOf(e.getValue(), child, depth - 1);
                if (below != null) {
                    List<Object> out = new ArrayList<>(List.of(e.getKey()));
                    out.addAll(below);
                    return out;
                }
            }
            return null;
        }

        /** Whether {@code target} shares each attribute of {@code same} with {@code from} ({@link TerraformDocument#differ}). */
        private boolean agrees(Instance from, Instance target, List<String> same) {
            return same.stream().noneMatch(a -> doc.differ(from, target, a));
        }

        /**
         * The instances of {@code targetType} a reference of {@code from} names: those of the block it names (in the
         * module of the resource that names them, those of its module instance), or the one its index key names
         * ({@code aws_s3_bucket.this["logs"]}).
         */
        private List<Instance> referenced(Instance from, String targetType, String ref) {
            String block = Instance.configAddressOf(ref);
            String key = block.equals(ref) ? null : ref.substring(block.length()).replaceAll("^\\[\"?|\"?\\]$", "");
            return doc.instances.stream()
                    .filter(t -> t.type().equals(targetType) && t.configAddress().equals(block)
                            && (!t.modulePath().equals(from.modulePath()) || t.moduleInstance().equals(from.moduleInstance()))
                            && (key == null || key.equals(t.indexKey())))
                    .toList();
        }

        /** The attribute path {@code by} names, its named segments joined by dots (a nested block's {@code a.b}). */
        private static String dotted(SourcePath by) {
            return String.join(".", by.segments().stream().filter(String.class::isInstance).map(String.class::cast).toList());
        }

        private Instance byValue(String targetType, String value, java.util.function.Predicate<Instance> fits) {
            List<String> keys = maps.variants(targetType).stream().map(Mapping::keys).filter(k -> !k.isEmpty()).findFirst()
                    .orElse(List.of("id", "arn"));
            for (Instance t : doc.instances) {
                if (!t.type().equals(targetType) || !fits.test(t)) {
                    continue;
                }
                for (String k : keys) {
                    JsonNode v = t.values().get(k);
                    if (v != null && v.isValueNode() && !Unknown.is(v) && value.equals(v.asText())) {
                        return t;
                    }
                }
            }
            return null;
        }

        /** Resolves a reference to the first of the target types ({@code to: aws_lb, aws_api_gateway_stage}) it names. */
        private Projector.Resolver resolver(Instance from) {
            return new Projector.Resolver() {
                @Override
                public String resolve(String targetType, Scope scope, SourcePath path, JsonNode value) {
                    if (targetType == null) {
                        return null;
                    }
                    // inside an element of a nested block, the element's own expression names the resource: none where the
                    // configuration does not show that element, whose value alone may then name it
                    Element e = element(from, scope, path);
                    List<String> own = e == Element.TOP || e == Element.LOST ? null
                            : e.expression() == null ? List.of()
                            : java.util.Objects.requireNonNullElse(doc.referencesAt(from.configAddress(), e.expression().place()), List.of());
                    for (String type : Mapping.alternatives(targetType)) {
                        Instance t = own == null ? target(from, type, path) : target(from, type, path, x -> true, own, value);
                        if (t != null) {
                            return t.srmId();
                        }
                    }
                    return null;
                }

                @Override
                public List<String> resolveAll(String targetType, Scope scope, SourcePath path, JsonNode value) {
                    return targetType == null ? null : targets(from, Mapping.alternatives(targetType), path, value);
                }

                @Override
                public ArrayNode resolveElements(String targetType, Scope scope, SourcePath path,
                                                                                     ArrayNode list) {
                    return targetType == null ? null : elements(from, Mapping.alternatives(targetType), scope, path, list);
                }
            };
        }

        /**
         * A list each element of which may name a resource of one of {@code types} ({@code as: elements}: the instance
         * ids of an association's target): an element the plan knows names the resource whose keys hold it (an
         * instance's id in a state, or in a plan that does not replace it); the elements known only after apply name
         * the resources their expressions refer to by a key attribute ({@code [aws_instance.web.id]}), when the
         * configuration shows exactly as many such references, each to one resource of the plan, and nothing else: a
         * variable, a local value, a module output, a data source, a splat or a for expression (which may filter)
         * leave them unknown. An element that names nothing stays as it is.
         */
        private ArrayNode elements(Instance from, List<String> types, Scope scope, SourcePath by,
                                                                       ArrayNode list) {
            ArrayNode out = list.deepCopy();
            List<Integer> unknown = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                JsonNode e = out.get(i);
                if (Unknown.is(e)) {
                    unknown.add(i);
                    continue;
                }
                if (!e.isValueNode() || e.isNull()) {
                    continue;
                }
                for (String type : types) {
                    Instance t = byValue(type, e.asText(), x -> true);
                    if (t != null) {
                        out.set(i, TextNode.valueOf(t.srmId()));
                        break;
                    }
                }
            }
            if (!unknown.isEmpty()) {
                List<String> ids = keyReferences(from, types, written(from, scope, by));
                if (ids != null && ids.size() == unknown.size()) {
                    for (int k = 0; k < ids.size(); k++) {
                        out.set(unknown.get(k), TextNode.valueOf(ids.get(k)));
                    }
                }
            }
            return out;
        }

        /**
         * The references the configuration writes for the attribute {@code by} reads in {@code scope}: a top-level
         * attribute's, or one of a repeated block's, in the element of the block the scope is ({@link #element}); null
         * where the configuration does not show it.
         */
        private List<String> written(Instance from, Scope scope, SourcePath by) {
            Element e = element(from, scope, by);
            return e == Element.TOP ? doc.writtenReferences(from.configAddress(), dotted(by)) : e.written();
        }

        /**
         * The srm ids of the resources a list of written references names by a key attribute, one per reference
         * ({@code aws_instance.web.id}, {@code aws_instance.web[0].id}, {@code aws_instance.web["a"].id}, with the
         * shorter forms Terraform lists beside each); null when any reference is of another kind, or does not name
         * exactly one resource of the plan.
         */
        private List<String> keyReferences(Instance from, List<String> types, List<String> written) {
            if (written == null || written.isEmpty()) {
                return null;
            }
            LinkedHashMap<String, String> subjects = new LinkedHashMap<>(); // subject -> its type
            Set<String> keyRefs = new HashSet<>();
            for (String ref : written) {
                Matcher m = KEY_REFERENCE.matcher(ref);
                if (m.matches() && types.contains(m.group(1)) && keysOf(m.group(1)).contains(m.group(4))) {
                    subjects.put(m.group(1) + "." + m.group(2) + (m.group(3) == null ? "" : m.group(3)), m.group(1));
                    keyRefs.add(ref);
                }
            }
            if (subjects.isEmpty()) {
                return null;
            }
            for (String ref : written) { // the key references, the shorter forms Terraform lists beside them, and nothing else
                if (!keyRefs.contains(ref) && subjects.keySet().stream().noneMatch(sub -> ref.equals(sub) || ref.equals(Instance.configAddressOf(sub)))) {
                    return null;
                }
            }
            String prefix = from.modulePath().isEmpty() ? "" : from.modulePath() + ".";
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, String> sub : subjects.entrySet()) {
                List<Instance> found = referenced(from, sub.getValue(), prefix + sub.getKey());
                if (found.size() != 1) {
                    return null;
                }
                ids.add(found.get(0).srmId());
            }
            return ids;
        }

        /** The attributes that identify a resource of a type when another refers to it (its mapping's keys). */
        private List<String> keysOf(String type) {
            return maps.variants(type).stream().map(Mapping::keys).filter(k -> !k.isEmpty()).findFirst().orElse(List.of("id", "arn"));
        }

        /**
         * The instances a list-valued attribute names through the configuration's references
         * ({@code [aws_subnet.a.id, aws_subnet.b.id]}, {@code aws_subnet.private[*].id}), in order.
         * Only when the expression refers to resources directly, each of a target type: a variable,
         * a local value, a module output or a data source may add elements srm cannot see. The
         * configuration lists references, not the expression: a list the plan knows must hold as
         * many elements; one it does not is taken to hold every instance it names.
         */
        private List<String> targets(Instance from, List<String> types, SourcePath by, JsonNode value) {
            List<String> written = doc.writtenReferences(from.configAddress(), dotted(by));
            if (written.isEmpty() || written.stream().anyMatch(r -> r.matches("(var|local|module|data|each|count|path|terraform|self)\\..*"))) {
                return null;
            }
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            List<String> refs = doc.referencesOf(from.configAddress(), dotted(by));
            for (String ref : refs) {
                // Terraform lists aws_subnet.private[0] and aws_subnet.private for one reference to an instance: the block
                // stands for that instance only
                if (refs.stream().anyMatch(other -> other.startsWith(ref + "["))) {
                    continue;
                }
                List<Instance> found = new ArrayList<>();
                for (String type : types) {
                    found.addAll(referenced(from, type, ref));
                }
                if (found.isEmpty()) {
                    return null; // a resource of another type, or one outside the plan
                }
                found.forEach(i -> ids.add(i.srmId()));
            }
            if (ids.isEmpty() || value != null && value.isArray() && value.size() != ids.size()) {
                return null;
            }
            return new ArrayList<>(ids);
        }

        private JsonNode first(SourcePath path, JsonNode node) {
            List<SourcePath.Match> found = path.select(Scope.root(node));
            return found.isEmpty() ? null : found.get(0).node();
        }

        private Scenario build() {
            Set<String> wanted = new HashSet<>();
            made.values().forEach(m -> wanted.add(m.from().pointer()));
            Map<String, int[]> lines = Locator.locate(json.getFactory(), bytes, wanted::contains);
            List<ResourceSpec> resources = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Made m : made.values()) {
                if (!ids.add(m.id())) {
                    warnings.add(name + ": " + m.from().address() + ": a second resource with the id '" + m.id() + "'; only the first is assessed");
                    continue;
                }
                List<Setting> settings = new ArrayList<>();
                Settings.flatten(m.id(), "", "", m.configuration(), settings);
                List<String> unknown = settings.stream().filter(s -> Unknown.isText(s.value())).map(Setting::path).toList();
                if (!unknown.isEmpty()) {
                    warnings.add(name + ": " + m.from().address() + ": known only after apply: "
                            + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + (unknown.size() > 5 ? ", ..." : "")
                            + "; evidence read from " + (unknown.size() == 1 ? "it" : "them") + " is UNKNOWN");
                }
                int[] loc = lines.get(m.from().pointer());
                int line = loc == null ? 0 : loc[0];
                resources.add(new ResourceSpec(m.id(), null, m.type(), m.tags(), settings, line, List.of(), List.of(),
                        Origin.at(name, line, m.from().pointer()).named(m.from().address()), m.stated()));
            }
            List<Setting> accountSettings = new ArrayList<>();
            Settings.flatten(Resource.ACCOUNT, "", "", account, accountSettings);
            String what = "Terraform " + doc.kind.label + (doc.terraformVersion.isEmpty() ? "" : " (Terraform " + doc.terraformVersion + ")");
            return new Scenario(scenarioId(name), what + ": " + Path.of(name).getFileName(),
                    "Read from " + name + "; resource ids are Terraform addresses.", name, Inventory.PARTIAL, null,
                    accountSettings, resources).namedAfterItsFile();
        }
    }

    /** Every mapped Terraform type, for documentation and tests. */
    public Set<String> mappedTypes() {
        return mappings().sources();
    }
}
