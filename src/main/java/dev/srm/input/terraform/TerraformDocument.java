package dev.srm.input.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.input.InputFiles;
import dev.srm.input.mapping.Unknown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Terraform JSON document holds, whichever of its forms it is: a plan
 * ({@code planned_values}, with {@code resource_changes} for values known after apply and
 * {@code configuration} for references), a state as {@code terraform show -json} prints it
 * ({@code values}), or a raw state file of version 4.
 */
final class TerraformDocument {
    /** The forms srm reads. */
    enum Kind {
        PLAN("plan"), STATE("state"), RAW_STATE("state file");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Why a document is not one srm reads: the JSON pointer and the message. */
    static final class Unreadable extends Exception {
        final String pointer;

        Unreadable(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }

    final Kind kind;
    final String terraformVersion;
    final List<Instance> instances = new ArrayList<>();
    /**
     * Instances of data sources: what the configuration reads, not what it manages. Only those a
     * mapping names ({@code data.aws_kms_alias}) become resources, as facts other resources refer to.
     */
    final List<Instance> dataInstances = new ArrayList<>();
    private final java.util.Set<String> dataAddresses = new java.util.HashSet<>();
    /** Per configuration address, per top-level attribute, the configuration addresses it references (module paths resolved). */
    final Map<String, Map<String, List<String>>> references = new HashMap<>();
    /**
     * The addresses of the instances a plan creates ({@code resource_changes} whose actions hold {@code create}: a new
     * resource, or one replaced); none in a state.
     */
    final Set<String> created = new java.util.HashSet<>();
    /**
     * The managed resources a plan destroys without replacing them ({@code resource_changes} whose only action is
     * {@code delete}), in the plan's order: {@code planned_values} leaves them out.
     */
    final List<String> destroyed = new ArrayList<>();
    /** Whether the plan has a {@code configuration} block, whose references link resources. */
    boolean hasConfiguration;
    /** A plan without format_version: not the whole output of {@code terraform show -json}. */
    boolean withoutFormatVersion;
    /** Managed resources of data sources skipped. */
    int dataSources;
    /**
     * The addresses of deposed objects skipped: what a {@code create_before_destroy} replacement
     * left for Terraform to destroy, beside the current object of the same address.
     */
    final List<String> deposed = new ArrayList<>();

    private TerraformDocument(Kind kind, String terraformVersion) {
        this.kind = kind;
        this.terraformVersion = terraformVersion;
    }

    static TerraformDocument of(JsonNode root) throws Unreadable {
        if (!root.isObject()) {
            throw new Unreadable("", "expected a JSON object: the output of 'terraform show -json'");
        }
        String tfVersion = root.path("terraform_version").asText("");
        if (root.has("modules") || root.path("version").isInt() && root.path("version").asInt() < 4
                || tfVersion.matches("0\\.(\\d|1[01])\\..*")) {
            throw new Unreadable(root.has("modules") ? "/modules" : "/version", "a Terraform " + (tfVersion.isEmpty() ? "0.11 or older" : tfVersion)
                    + " state (state format version " + root.path("version").asText("?") + "); srm reads Terraform 0.12 or later: "
                    + "upgrade the configuration and run 'terraform show -json' with Terraform 0.12 or later");
        }
        // a plan cut down to its planned_values (test fixtures, scripts) lacks format_version: read as the plan it is
        boolean cutPlan = !root.has("format_version") && root.path("planned_values").isObject() && !root.has("version");
        if (root.has("format_version") || cutPlan) {
            String fv = root.path("format_version").asText(cutPlan ? "1.0" : "");
            if (!fv.matches("[01]\\..*")) {
                throw new Unreadable("/format_version", "format_version " + fv + " is not one srm knows (0.x or 1.x)");
            }
            TerraformDocument d;
            expect(root, "planned_values", "", false);
            expect(root, "values", "", false);
            expect(root.path("planned_values"), "root_module", "/planned_values", false);
            expect(root.path("values"), "root_module", "/values", false);
            expect(root, "resource_changes", "", true);
            if (root.has("planned_values")) {
                d = new TerraformDocument(Kind.PLAN, tfVersion);
                d.withoutFormatVersion = cutPlan;
                d.hasConfiguration = root.path("configuration").path("root_module").isObject();
                Map<String, JsonNode> unknown = afterUnknown(root.path("resource_changes"));
                for (JsonNode c : root.path("resource_changes")) {
                    JsonNode actions = c.path("change").path("actions");
                    for (JsonNode action : actions) {
                        if ("create".equals(action.asText())) {
                            d.created.add(c.path("address").asText());
                        }
                    }
                    if (actions.size() == 1 && "delete".equals(actions.get(0).asText()) && "managed".equals(c.path("mode").asText("managed"))) {
                        d.destroyed.add(c.path("address").asText());
                    }
                }
                d.configuration(root.path("configuration").path("root_module"), "", new ArrayList<>());
                d.module(root.path("planned_values").path("root_module"), "/planned_values/root_module", unknown);
                // data sources read while planning are in prior_state (planned_values holds those read at apply)
                JsonNode prior = root.path("prior_state").path("values").path("root_module");
                if (prior.isObject()) {
                    d.priorData(prior, "/prior_state/values/root_module");
                }
            } else {
                d = new TerraformDocument(Kind.STATE, tfVersion);
                d.module(root.path("values").path("root_module"), "/values/root_module", Map.of());
            }
            return d;
        }
        if (root.path("version").isInt() && root.has("resources")) {
            TerraformDocument d = new TerraformDocument(Kind.RAW_STATE, tfVersion);
            d.rawState(root.path("resources"));
            return d;
        }
        throw new Unreadable("", "not the JSON of a Terraform plan or state: it has neither format_version nor a version 4 state's resources");
    }

    // ---------------------------------------------------------------- values

    private static Map<String, JsonNode> afterUnknown(JsonNode changes) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode c : changes) {
            JsonNode au = c.path("change").path("after_unknown");
            if (au.isObject() && !au.isEmpty()) {
                out.put(c.path("address").asText(), au);
            }
        }
        return out;
    }

    /** A field of the plan or state that is there with the wrong JSON type: one problem at its pointer, never a silent skip. */
    private static void expect(JsonNode node, String field, String pointer, boolean array) throws Unreadable {
        JsonNode v = node.get(field);
        if (v != null && !v.isNull() && (array ? !v.isArray() : !v.isObject())) {
            throw new Unreadable(pointer + "/" + field, (array ? "expected a list" : "expected an object") + ", found "
                    + InputFiles.kind(v) + " (the JSON of 'terraform show -json' has it as " + (array ? "a list" : "an object") + ")");
        }
    }

    private static void expectResource(JsonNode r, String p) throws Unreadable {
        if (!r.isObject()) {
            throw new Unreadable(p, "expected a resource (an object), found " + InputFiles.kind(r));
        }
        String mode = r.path("mode").asText("managed");
        if (!mode.equals("managed") && !mode.equals("data")) {
            throw new Unreadable(p + "/mode", "expected mode managed or data, found '" + mode + "'");
        }
    }

    /** The data source instances of a plan's prior state, each one not already read from planned_values. */
    private void priorData(JsonNode module, String pointer) {
        int i = 0;
        for (JsonNode r : module.path("resources")) {
            String p = pointer + "/resources/" + i++;
            if (r.isObject() && "data".equals(r.path("mode").asText())) {
                addData(r, p);
            }
        }
        int j = 0;
        for (JsonNode child : module.path("child_modules")) {
            priorData(child, pointer + "/child_modules/" + j++);
        }
    }

    /** A data source instance of a plan (its values, at its place), once per address. */
    private void addData(JsonNode r, String pointer) {
        String address = r.path("address").asText();
        if (r.path("values").isObject() && dataAddresses.add(address)) {
            dataInstances.add(new Instance(address, Instance.configAddressOf(address), r.path("type").asText(),
                    r.path("provider_name").asText(null), r.hasNonNull("index") ? r.get("index").asText() : null,
                    (ObjectNode) r.get("values"), pointer));
        }
    }

    private void module(JsonNode module, String pointer, Map<String, JsonNode> unknown) throws Unreadable {
        if (!module.isObject() && !module.isMissingNode()) {
            throw new Unreadable(pointer, "expected a module (an object)");
        }
        expect(module, "resources", pointer, true);
        expect(module, "child_modules", pointer, true);
        int i = 0;
        for (JsonNode r : module.path("resources")) {
            String p = pointer + "/resources/" + i++;
            expectResource(r, p);
            expect(r, "values", p, false);
            if (!"managed".equals(r.path("mode").asText("managed"))) {
                dataSources++;
                addData(r, p);
                continue;
            }
            String address = r.path("address").asText();
            if (r.hasNonNull("deposed_key")) {
                deposed.add(address);
                continue;
            }
            ObjectNode values = r.path("values").isObject() ? ((ObjectNode) r.get("values")).deepCopy() : JsonNodeFactory.instance.objectNode();
            JsonNode au = unknown.get(address);
            if (au != null) {
                overlay(values, au, expressions.getOrDefault(Instance.configAddressOf(address), MissingNode.getInstance()));
            }
            instances.add(new Instance(address, Instance.configAddressOf(address), r.path("type").asText(),
                    r.path("provider_name").asText(null), r.hasNonNull("index") ? r.get("index").asText() : null, values, p));
        }
        int j = 0;
        for (JsonNode child : module.path("child_modules")) {
            module(child, pointer + "/child_modules/" + j++, unknown);
        }
    }

    /**
     * Puts the unknown marker wherever {@code after_unknown} says a value is known only after
     * apply. An attribute the configuration does not set ({@code expressions}, the resource's
     * {@code expressions} in the plan's configuration, at the same depth: a nested block's own
     * expressions) is an optional, computed one: it may stay unset, so its marker shows no
     * presence (an {@code iam_instance_profile} nobody wrote is not an instance profile, nor is
     * the {@code kms_key_id} of an {@code encrypt_at_rest} block that sets only {@code enabled}).
     * An attribute written as one expression is set, whatever of its value is unknown; a block
     * the configuration does not show (a {@code dynamic} block, a plan without configuration)
     * sets nothing srm can see, so its unknown attributes may be absent.
     */
    static void overlay(JsonNode values, JsonNode unknown, JsonNode expressions) {
        if (values instanceof ObjectNode o && unknown.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = unknown.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode written = expressions == null ? null : expressions.path(e.getKey());
                if (e.getValue().isBoolean() && e.getValue().booleanValue()) {
                    o.set(e.getKey(), written == null || !written.isMissingNode() ? Unknown.node() : Unknown.unsetNode());
                } else if (e.getValue().isContainerNode()) {
                    JsonNode child = o.get(e.getKey());
                    if (child == null || child.isNull()) {
                        child = e.getValue().isArray() ? o.putArray(e.getKey()) : o.putObject(e.getKey());
                    }
                    overlay(child, e.getValue(), written == null || isExpression(written) ? null : written);
                }
            }
        } else if (values instanceof ArrayNode a && unknown.isArray()) {
            for (int i = 0; i < unknown.size(); i++) {
                JsonNode u = unknown.get(i);
                while (a.size() <= i) {
                    a.add(u.isArray() ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode());
                }
                if (u.isBoolean() && u.booleanValue()) {
                    a.set(i, Unknown.node()); // an element of a list the configuration gives
                } else if (u.isContainerNode()) {
                    // the i-th block of a list of blocks; a list attribute's elements come from one expression
                    JsonNode block = expressions == null ? null : expressions.isArray() ? expressions.path(i) : expressions;
                    overlay(a.get(i), u, block);
                }
            }
        }
    }

    /** Whether a node of the configuration's {@code expressions} is one expression (a value), not a block of them. */
    private static boolean isExpression(JsonNode node) {
        return node.isObject() && (node.has("constant_value") || node.has("references"));
    }

    private void rawState(JsonNode resources) throws Unreadable {
        if (!resources.isArray()) {
            throw new Unreadable("/resources", "expected a list of resources (a version 4 state's resources)");
        }
        int i = 0;
        for (JsonNode r : resources) {
            String p = "/resources/" + i++;
            expectResource(r, p);
            expect(r, "instances", p, true);
            boolean data = !"managed".equals(r.path("mode").asText("managed"));
            if (data) {
                dataSources++;
            }
            String module = r.path("module").asText("");
            String base = (module.isEmpty() ? "" : module + ".") + (data ? "data." : "") + r.path("type").asText() + "." + r.path("name").asText();
            int k = 0;
            for (JsonNode inst : r.path("instances")) {
                if (!inst.isObject()) {
                    throw new Unreadable(p + "/instances/" + k, "expected an instance (an object)");
                }
                expect(inst, "attributes", p + "/instances/" + k, false);
                JsonNode key = inst.get("index_key");
                String suffix = key == null || key.isNull() ? "" : key.isNumber() ? "[" + key.asText() + "]" : "[\"" + key.asText() + "\"]";
                if (inst.hasNonNull("deposed")) {
                    deposed.add(base + suffix);
                    k++;
                    continue;
                }
                ObjectNode values = inst.path("attributes").isObject() ? (ObjectNode) inst.get("attributes") : JsonNodeFactory.instance.objectNode();
                (data ? dataInstances : instances).add(new Instance(base + suffix, Instance.configAddressOf(base + suffix),
                        r.path("type").asText(), r.path("provider").asText(null), key == null || key.isNull() ? null : key.asText(), values,
                        p + "/instances/" + k++));
            }
        }
    }

    // ---------------------------------------------------------------- references in the configuration

    /** One module call on the way down: its prefix and the expressions of its input variables. */
    private record Call(String prefix, JsonNode expressions, List<Call> outer) {
    }

    private void configuration(JsonNode module, String prefix, List<Call> calls) {
        module.path("module_calls").fields().forEachRemaining(e -> moduleOutputs.put(prefix + "module." + e.getKey(), e.getValue().path("module")));
        for (JsonNode r : module.path("resources")) {
            if (!"managed".equals(r.path("mode").asText("managed"))) {
                continue;
            }
            String address = prefix + r.path("address").asText();
            expressions.put(address, r.path("expressions"));
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            Map<String, List<String>> places = new LinkedHashMap<>();
            expressionReferences(r.path("expressions"), "", "", address, prefix, calls, module, attrs, places);
            references.put(address, attrs);
            referencesByPlace.put(address, places);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = module.path("module_calls").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Call> inner = new ArrayList<>(calls);
            inner.add(new Call(prefix, e.getValue().path("expressions"), calls));
            configuration(e.getValue().path("module"), prefix + "module." + e.getKey() + ".", inner);
        }
    }

    /**
     * The references of a resource's expressions, by attribute: a nested block's attributes by their
     * dotted path ({@code encryption_configuration.kms_key}), every element of a repeated block together;
     * and by place ({@code places}), each element's apart ({@code subnet_mapping[1].allocation_id}), an
     * expression without references too.
     */
    private void expressionReferences(JsonNode expressions, String path, String place, String address, String prefix, List<Call> calls,
                                      JsonNode module, Map<String, List<String>> attrs, Map<String, List<String>> places) {
        for (Iterator<Map.Entry<String, JsonNode>> it = expressions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String attribute = path + e.getKey();
            JsonNode v = e.getValue();
            if (v.isArray()) { // a block: one object per element
                for (int i = 0; i < v.size(); i++) {
                    if (v.get(i).isObject()) {
                        expressionReferences(v.get(i), attribute + ".", place + e.getKey() + "[" + i + "].", address, prefix, calls, module,
                                attrs, places);
                    }
                }
                continue;
            }
            List<String> refs = new ArrayList<>();
            for (JsonNode ref : v.path("references")) {
                resolve(ref.asText(), prefix, calls, module, refs, 0);
                if (ref.asText().startsWith("local.")) {
                    throughLocals.add(address + " " + attribute);
                }
            }
            if (!refs.isEmpty()) {
                attrs.computeIfAbsent(attribute, k -> new ArrayList<>()).addAll(refs);
            }
            places.put(place + e.getKey(), refs);
        }
    }

    /** Per configuration address, the references of each expression by its place, a block's elements apart. */
    private final Map<String, Map<String, List<String>>> referencesByPlace = new HashMap<>();

    /**
     * The resources the expression at one place of a resource's configuration refers to, a nested block's element by
     * its index ({@code subnet_mapping[1].allocation_id}): empty for an expression without references (a constant);
     * null where the configuration shows no expression there (no configuration, a dynamic block, an attribute the
     * configuration leaves out).
     */
    List<String> referencesAt(String configAddress, String place) {
        return referencesByPlace.getOrDefault(configAddress, Map.of()).get(place);
    }

    private final Map<String, JsonNode> moduleOutputs = new HashMap<>();
    /** Per configuration address, the {@code expressions} of its configuration: the attributes and blocks it sets. */
    private final Map<String, JsonNode> expressions = new HashMap<>();

    /**
     * Adds the resource addresses a reference leads to: a resource in the same module, an input
     * variable (followed to the expression the module call gives it), or a module's output.
     */
    private void resolve(String ref, String prefix, List<Call> calls, JsonNode module, List<String> out, int depth) {
        if (depth > 16) {
            return;
        }
        if (ref.startsWith("var.") && !calls.isEmpty()) {
            String var = ref.substring(4).split("\\.")[0];
            Call call = calls.get(calls.size() - 1);
            for (JsonNode r : call.expressions().path(var).path("references")) {
                resolve(r.asText(), call.prefix(), call.outer(), null, out, depth + 1);
            }
            return;
        }
        if (ref.startsWith("module.")) {
            String[] parts = ref.split("\\.");
            if (parts.length >= 3) {
                String callAddress = prefix + "module." + parts[1];
                JsonNode inner = moduleOutputs.get(callAddress);
                if (inner != null) {
                    for (JsonNode r : inner.path("outputs").path(parts[2]).path("expression").path("references")) {
                        resolve(r.asText(), callAddress + ".", calls, inner, out, depth + 1);
                    }
                }
            }
            return;
        }
        if (ref.startsWith("data.") || ref.startsWith("local.") || ref.startsWith("each.") || ref.startsWith("count.")
                || ref.startsWith("path.") || ref.startsWith("terraform.") || ref.startsWith("self.")) {
            return;
        }
        String[] parts = ref.split("\\.");
        if (parts.length >= 2) {
            // aws_s3_bucket.this["logs"].id names one instance: kept as aws_s3_bucket.this["logs"], before the block's address
            String address = prefix + parts[0] + "." + parts[1];
            if (!out.contains(address)) {
                out.add(address);
            }
        }
    }

    /** "address attribute" of the attributes whose expression refers to a local value, which the plan's configuration does not hold. */
    private final Set<String> throughLocals = new java.util.HashSet<>();

    /** Whether an attribute of a resource refers to a local value, whose own expression a plan's configuration does not hold. */
    boolean refersToLocal(String configAddress, String attribute) {
        return throughLocals.contains(configAddress + " " + attribute);
    }

    /**
     * Whether two instances are known to differ in {@code attribute}: different values where both are known, else
     * different references where the configuration shows both (in one module instance); an attribute neither shows
     * does not tell them apart.
     */
    boolean differ(Instance a, Instance b, String attribute) {
        JsonNode x = a.values().get(attribute);
        JsonNode y = b.values().get(attribute);
        if (known(x) && known(y)) {
            return !x.asText().equals(y.asText());
        }
        List<String> xs = referencesOf(a.configAddress(), attribute);
        List<String> ys = referencesOf(b.configAddress(), attribute);
        return !xs.isEmpty() && !ys.isEmpty() && a.modulePath().equals(b.modulePath()) && a.moduleInstance().equals(b.moduleInstance())
                && java.util.Collections.disjoint(xs, ys);
    }

    private static boolean known(JsonNode v) {
        return v != null && v.isValueNode() && !v.isNull() && !Unknown.is(v);
    }

    /**
     * The references an attribute's expression lists, as the configuration writes them
     * ({@code aws_subnet.a.id}, {@code var.subnets}; a nested block's attribute in every element of
     * the block); empty when it lists none.
     */
    List<String> writtenReferences(String configAddress, String attribute) {
        List<JsonNode> at = List.of(expressions.getOrDefault(configAddress, com.fasterxml.jackson.databind.node.MissingNode.getInstance()));
        for (String name : attribute.split("\\.")) { // a nested block's attribute (vpc_config.subnet_ids): in each element
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : at) {
                JsonNode v = n.path(name);
                if (v.isArray()) {
                    v.forEach(next::add);
                } else if (!v.isMissingNode()) {
                    next.add(v);
                }
            }
            at = next;
        }
        List<String> out = new ArrayList<>();
        at.forEach(e -> e.path("references").forEach(r -> out.add(r.asText())));
        return out;
    }

    /** An expression of a resource's configuration and its place ({@code subnet_mapping[1].subnet_id}), as {@link #referencesAt} takes it. */
    record Expression(String place, JsonNode node) {
    }

    /**
     * The expression at one place of a resource's configuration ({@code steps}: attribute and block names, and the
     * index of a repeated block's element, {@code subnet_mapping, 1, subnet_id}), or null where the configuration does
     * not show it as the element the plan's {@code values} hold there: each repeated block on the way must show as many
     * elements as the values have. A {@code dynamic} block is not in the configuration, and beside static blocks it
     * shifts their places: the second element of the values may be the first the configuration shows, or none of its.
     * A name after the last index may step into a block of one element ({@code apply_server_side_encryption_by_default}).
     */
    Expression expressionAt(String configAddress, List<Object> steps, JsonNode values) {
        JsonNode written = expressions.getOrDefault(configAddress, MissingNode.getInstance());
        JsonNode value = values;
        StringBuilder place = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof String && written.isArray()) { // a block of one element read without its index
                if (written.size() != 1 || value.isArray() && value.size() != 1) {
                    return null;
                }
                written = written.get(0);
                value = value.isArray() ? value.get(0) : value;
                place.append("[0]");
            }
            if (step instanceof Integer index) {
                if (!written.isArray() || !value.isArray() || written.size() != value.size() || index >= written.size()) {
                    return null;
                }
                written = written.get(index);
                value = value.get(index);
                place.append('[').append(index).append(']');
            } else {
                written = written.path((String) step);
                value = value.path((String) step);
                place.append(place.isEmpty() ? "" : ".").append(step);
            }
        }
        // an object where blocks are lists: one expression, with or without references
        return written.isObject() ? new Expression(place.toString(), written) : null;
    }

    /** The references an expression lists, as the configuration writes them ({@code aws_subnet.a.id}, {@code var.subnets}). */
    static List<String> written(JsonNode expression) {
        List<String> out = new ArrayList<>();
        expression.path("references").forEach(r -> out.add(r.asText()));
        return out;
    }

    /** The configuration addresses an attribute of a resource references (empty when unknown). */
    List<String> referencesOf(String configAddress, String attribute) {
        Map<String, List<String>> attrs = references.getOrDefault(configAddress, Map.of());
        List<String> exact = attrs.get(attribute);
        if (exact != null || attribute.isEmpty()) {
            return exact == null ? List.of() : exact;
        }
        // an attribute read inside a block's element (kms_master_key_id of a rule) is written under the block's path
        List<String> nested = new ArrayList<>();
        attrs.forEach((path, refs) -> {
            if (path.endsWith("." + attribute)) {
                nested.addAll(refs);
            }
        });
        return nested;
    }
}
