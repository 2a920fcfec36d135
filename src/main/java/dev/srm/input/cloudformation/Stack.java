package dev.srm.input.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.srm.facts.Setting;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;
import dev.srm.input.Settings;
import dev.srm.model.Origin;
import dev.srm.model.ResourceSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One stack: a template with its parameter values, turned into resource specs. SAM is expanded
 * first; then conditions decide which resources exist, and every resource's properties are
 * resolved. A nested stack ({@code AWS::CloudFormation::Stack}) whose template is a local file
 * (a relative {@code TemplateURL}, or CDK's {@code aws:asset:path}) is followed: its resources
 * join this scenario as {@code StackId/LogicalId}, at the line of the stack resource.
 */
final class Stack {
    /** How deep nested stacks are followed. */
    static final int MAX_DEPTH = 5;
    private static final Set<String> LANGUAGE = Set.of("AWS::LanguageExtensions");
    /**
     * CloudFormation's own transforms that srm does not run and that leave the resources a
     * template writes as written: they add resources (a rotation function, CodeDeploy's task sets,
     * an included snippet) or resolve references. A macro of the account's own can rewrite anything.
     */
    private static final Set<String> AWS_HOSTED = Set.of("AWS::Include", "AWS::SecretsManager-2020-07-23",
            "AWS::CodeDeployBlueGreen", "AWS::ServiceCatalog");
    private static final String CDK_METADATA = "AWS::CDK::Metadata";

    private final TemplateParser parser;
    private final Template template;
    private final String prefix;
    private final int depth;
    private final int parentLine;
    private final List<String> chain;
    private final List<String> warnings;
    private final Resolver resolver;
    private final Map<String, Node> pseudo;
    /** The pseudo parameters whose value is srm's placeholder (none was given). */
    private final java.util.Set<String> placeholders;
    private final Map<String, Stack> children = new LinkedHashMap<>();
    private final Set<String> childFailed = new LinkedHashSet<>();
    /** The directory nested templates may be read from (that of the file the user named, and below); null: none is read. */
    private final Path localRoot;
    /** The template's Transform names a macro that may rewrite its resources: what they leave out is no evidence. */
    private boolean rewrittenByMacro;

    /**
     * @param given      values for parameters, as nodes (a parent stack's may be unknown)
     * @param sources    where each given value came from; a name without a source came from a parent stack
     * @param parentLine for a nested stack, the line of its stack resource in the file the user named; 0 at the top
     * @param chain      the template files from the top stack to this one
     */
    Stack(TemplateParser parser, Template raw, String stackName, Map<String, Node> given, Map<String, String> sources,
          String prefix, int depth, int parentLine, List<String> chain, List<String> warnings, Path localRoot) {
        this.localRoot = localRoot;
        this.parser = parser;
        this.prefix = prefix;
        this.depth = depth;
        this.parentLine = parentLine;
        this.chain = List.copyOf(chain);
        this.warnings = warnings;
        Map<String, Node> parameters = ParameterValues.of(raw, given, sources, warnings);
        Map<String, Node> pseudo = Pseudo.values(stackName, given);
        this.pseudo = pseudo;
        java.util.Set<String> placeholders = Pseudo.placeholders(given);
        this.placeholders = placeholders;
        Template expanded = raw;
        if (LanguageExtensions.hasLoops(raw.root())) {
            expanded = reread(raw, LanguageExtensions.expand(raw, new Resolver(raw, parameters, pseudo, placeholders, prefix, null)::resolve, warnings));
            if (expanded.resources().isEmpty()) {
                warnings.add(raw.file() + ": no resource is evaluated: every one is made by a Fn::ForEach loop whose collection"
                        + " only a deployment decides");
            }
        }
        this.template = transform(expanded, new Resolver(expanded, parameters, pseudo, placeholders, prefix, null)::resolve, warnings);
        this.resolver = new Resolver(template, parameters, pseudo, placeholders, prefix, this::output);
    }

    /** The template's sections again, from its root with the loops expanded; a problem in what they made is the template's. */
    private static Template reread(Template raw, LanguageExtensions.Expanded expanded) {
        try {
            // a loop left for the deployment may be what makes every resource: the template is still CloudFormation's
            return Template.of(raw.file(), expanded.root(), expanded.deferred() == 0);
        } catch (InputException e) {
            String[] at = e.problem().where().split(":");
            Node.Pos pos = Node.Pos.NONE;
            if (at.length == 2 && at[0].matches("\\d+") && at[1].matches("\\d+")) {
                pos = new Node.Pos(Integer.parseInt(at[0]), Integer.parseInt(at[1]));
            }
            throw new TemplateError(pos, e.problem().message() + " (after Fn::ForEach is expanded)");
        }
    }

    private Template transform(Template raw, java.util.function.UnaryOperator<Node> parameterRefs, List<String> out) {
        Template t = raw;
        List<String> missing = SamTransform.withoutTransform(t);
        if (!missing.isEmpty()) {
            out.add(where(raw) + SamTransform.missingTransform(missing));
        }
        if (SamTransform.applies(t) || !missing.isEmpty()) {
            List<String> sam = new ArrayList<>();
            t = SamTransform.expand(t, parameterRefs, sam);
            sam.forEach(w -> out.add(where(raw) + w));
        }
        for (String name : t.transforms()) {
            if (AWS_HOSTED.contains(name)) {
                out.add(where(t) + "the transform " + name + " is a macro srm does not run; the resources are evaluated as written");
            } else if (!LANGUAGE.contains(name)) {
                out.add(where(t) + "the transform " + name + " is a macro srm does not run, and it may rewrite any resource: srm judges"
                        + " what the template writes, and a setting it leaves out is not evidence (the macro may add it)");
                rewrittenByMacro = true;
            }
        }
        return t;
    }

    private String where(Template t) {
        return t.file() + ": ";
    }

    /**
     * One resource of the stack: its spec in the world where every resource whose condition srm
     * cannot decide exists, the condition it exists under ({@code key}: the condition's name with
     * the stack's prefix; null when it always exists), and, for a security group with standalone
     * rules under such conditions, its spec in other worlds: "" none of them, or a condition's key
     * (its rules and the ones that always exist).
     */
    record Entry(ResourceSpec spec, String key, Map<String, ResourceSpec> variants) {
        /** Its spec in the world where only the resources of condition {@code key} (none: null) among the undecided exist. */
        ResourceSpec in(String world) {
            ResourceSpec v = variants.get(world == null ? "" : world);
            return v != null ? v : variants.getOrDefault("", spec);
        }
    }

    /**
     * The resources of this stack and of the nested stacks it follows, in template order, with why
     * each undecided one may not exist.
     */
    record Worlds(List<Entry> entries, Map<String, String> undecided) {
        List<ResourceSpec> all() {
            return entries.stream().map(Entry::spec).toList();
        }

        /** The resources when, among the undecided, only those of condition {@code key} exist (none: null). */
        List<ResourceSpec> world(String key) {
            return entries.stream().filter(e -> e.key() == null || e.key().equals(key)).map(e -> e.in(key)).toList();
        }

        /** The condition each undecided resource exists under, by resource id. */
        Map<String, String> conditions() {
            Map<String, String> out = new LinkedHashMap<>();
            entries.stream().filter(e -> e.key() != null).forEach(e -> out.put(e.spec().id(), e.key()));
            return out;
        }
    }

    /** The resource specs of this stack and of the nested stacks it follows, in template order. */
    Worlds resources() {
        List<String> cycle = Dependencies.cycle(template.resources());
        if (cycle != null) {
            Template.Resource first = template.resources().get(cycle.get(0));
            throw new TemplateError(first.pos(), "/Resources/" + first.id() + ": circular dependency between resources "
                    + String.join(" -> ", cycle) + " (through Ref, Fn::GetAtt, Fn::Sub or DependsOn); CloudFormation rejects the template");
        }
        Map<String, String> conditional = new LinkedHashMap<>();
        for (Template.Resource r : template.resources().values()) {
            if (r.condition() == null) {
                continue;
            }
            Resolver.Truth t = resolver.condition(r.condition(), r.pos());
            if (t.decided() && !t.value()) {
                resolver.drop(r.id(), r.condition());
            } else if (!t.decided()) {
                conditional.put(r.id(), "exists only if condition '" + r.condition() + "' is true, which srm cannot decide ("
                        + t.reason() + ")");
            }
        }
        Map<String, List<Template.Resource>> standalone = standaloneRules();
        List<Entry> entries = new ArrayList<>();
        Map<String, String> undecided = new LinkedHashMap<>();
        for (Template.Resource r : template.resources().values()) {
            if (r.type().equals("Fn::ForEach")) {
                warnings.add(template.file() + ":" + r.pos().line() + ": " + r.id() + ": srm does not expand Fn::ForEach"
                        + " (AWS::LanguageExtensions); the resources it makes are not evaluated");
                continue;
            }
            if (r.type().equals(CDK_METADATA) || r.condition() != null && isDropped(r)) {
                continue;
            }
            if (r.type().endsWith("::MODULE") && r.type().split("::").length == 4) {
                warnings.add(template.file() + ":" + r.pos().line() + ": resource '" + prefix + r.id() + "': " + r.type()
                        + " is a CloudFormation module, which CloudFormation replaces with the resources of the module's"
                        + " registered template at deploy time; srm does not expand modules, so those resources are not evaluated");
                continue;
            }
            String when = conditional.get(r.id());
            List<String> notes = new ArrayList<>();
            if (r.note() != null) {
                notes.add(r.note());
            }
            if (depth > 0) {
                notes.add("from nested stack template " + template.file() + " line " + r.pos().line());
            }
            Node props = resolved(r);
            if (r.type().equals(BUCKET)) {
                props = withReplicationInRegion(props, r.properties());
            }
            if (r.type().equals("AWS::EC2::Instance")) {
                props = withLaunchTemplate(props, notes);
            }
            props = new UserData(template, resolver, prefix, this::resolved, this::isDropped).with(r, props);
            String key = when == null ? null : prefix + r.condition();
            List<Template.Resource> rules = standalone.getOrDefault(r.id(), List.of());
            ResourceSpec spec = spec(r, rules.isEmpty() ? props : withStandaloneRules(props, rules, conditional, notes), notes);
            Map<String, ResourceSpec> variants = new LinkedHashMap<>();
            if (rules.stream().anyMatch(x -> conditional.containsKey(x.id()))) {
                // "": only the rules that always exist; a condition's key: those and the rules of that condition
                java.util.function.Predicate<Template.Resource> always = x -> !conditional.containsKey(x.id());
                List<String> worlds = new ArrayList<>(List.of(""));
                rules.stream().filter(always.negate()).map(x -> prefix + x.condition()).distinct().forEach(worlds::add);
                for (String k : worlds) {
                    variants.put(k, spec(r, withStandaloneRules(props, rules.stream().filter(x -> always.test(x)
                            || k.equals(prefix + x.condition())).toList(), conditional, new ArrayList<>(notes)), notes));
                }
            }
            entries.add(new Entry(spec, key, variants));
            if (when != null) {
                undecided.put(spec.id(), when);
            }
            Template.Resource stage = DeploymentStage.of(r, props, stageId(r));
            if (stage != null) {
                List<String> stageNotes = new ArrayList<>(notes);
                stageNotes.add(0, stage.note());
                ResourceSpec stageSpec = spec(stage, stage.properties(), stageNotes);
                entries.add(new Entry(stageSpec, key, Map.of()));
                if (when != null) {
                    undecided.put(stageSpec.id(), "the stage of deployment " + spec.id() + ", which " + when);
                }
            }
            if (r.type().equals("AWS::CloudFormation::Stack")) {
                Stack child = child(r.id());
                if (child != null) {
                    try {
                        Worlds nested = child.resources();
                        if (when != null) {
                            // everything of a stack that may not exist is under the stack's condition, and under its own
                            nested.entries().forEach(n -> entries.add(new Entry(n.spec(), n.key() == null ? key : key + " and " + n.key(),
                                    n.variants())));
                            nested.all().forEach(n -> undecided.put(n.id(), "in nested stack " + spec.id() + ", which " + when
                                    + (nested.undecided().containsKey(n.id()) ? ", and " + nested.undecided().get(n.id()) : "")));
                        } else {
                            entries.addAll(nested.entries());
                            undecided.putAll(nested.undecided());
                        }
                    } catch (TemplateError e) {
                        warnings.add(template.file() + ":" + r.pos().line() + ": nested stack " + r.id() + ": its template "
                                + child.template.file() + (e.where().isEmpty() ? "" : ":" + e.where()) + ": " + e.getMessage());
                    }
                }
            }
        }
        warnings.addAll(resolver.warnings().stream().map(w -> template.file() + ": " + w).toList());
        return new Worlds(entries, undecided);
    }

    /** The logical id srm gives the stage a deployment creates: the deployment's, then "Stage", unless the template uses it. */
    private String stageId(Template.Resource deployment) {
        String id = deployment.id() + "Stage";
        while (template.resources().containsKey(id)) {
            id = id + "Stage";
        }
        return id;
    }

    private static final String SECURITY_GROUP = "AWS::EC2::SecurityGroup";
    /** The standalone rule types and the list of the security group each joins. */
    private static final Map<String, String> RULE_LISTS = Map.of(
            "AWS::EC2::SecurityGroupIngress", "SecurityGroupIngress",
            "AWS::EC2::SecurityGroupEgress", "SecurityGroupEgress");

    /**
     * The standalone ingress and egress rules ({@code AWS::EC2::SecurityGroupIngress/Egress}) that name
     * a security group of this template by {@code GroupId} or {@code GroupName} (the resolver turns a
     * {@code Ref} or {@code Fn::GetAtt} to a resource into its logical id), by that group, in template
     * order; rules a decided condition removes are left out. A rule on a group outside the template
     * (an id from a parameter or another stack) stays a resource of its own.
     */
    private Map<String, List<Template.Resource>> standaloneRules() {
        Map<String, List<Template.Resource>> byGroup = new LinkedHashMap<>();
        for (Template.Resource r : template.resources().values()) {
            if (!RULE_LISTS.containsKey(r.type()) || !(r.properties() instanceof Node.Obj props)
                    || r.condition() != null && isDropped(r)) {
                continue;
            }
            for (String field : List.of("GroupId", "GroupName")) {
                Node group = props.get(field) == null ? null : resolver.resolve(props.get(field));
                String id = group instanceof Node.Scalar named && named.text() != null && named.text().startsWith(prefix)
                        ? named.text().substring(prefix.length()) : null;
                Template.Resource target = id == null ? null : template.resources().get(id);
                if (target != null && target.type().equals(SECURITY_GROUP)) {
                    byGroup.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
                    break;
                }
            }
        }
        return byGroup;
    }

    /**
     * A security group's properties with its standalone rules appended to its inline lists, as
     * CloudFormation's group ends up with them: the controls then read every rule of the group. A list
     * the template leaves undecided as a whole stays undecided.
     */
    private Node withStandaloneRules(Node props, List<Template.Resource> rules, Map<String, String> conditional, List<String> notes) {
        if (!(props instanceof Node.Obj group)) {
            return props;
        }
        Map<String, Node> entries = new LinkedHashMap<>(group.entries());
        Map<String, Node.Pos> keys = new LinkedHashMap<>(group.keys());
        for (Template.Resource rule : rules) {
            String list = RULE_LISTS.get(rule.type());
            Node resolved = resolver.resolve(rule.properties());
            Node existing = entries.get(list);
            if (!(resolved instanceof Node.Obj element) || existing != null && !(existing instanceof Node.Seq)) {
                continue;
            }
            Map<String, Node> fields = new LinkedHashMap<>(element.entries());
            fields.remove("GroupId");
            fields.remove("GroupName");
            List<Node> items = new ArrayList<>(existing == null ? List.of() : ((Node.Seq) existing).items());
            items.add(new Node.Obj(fields, element.keys(), element.pos()));
            entries.put(list, new Node.Seq(items, existing == null ? rule.pos() : existing.pos()));
            keys.putIfAbsent(list, rule.pos());
            String when = conditional.containsKey(rule.id()) ? " (" + conditional.get(rule.id()) + ")" : "";
            notes.add(list + "[" + (items.size() - 1) + "] is the standalone " + rule.type() + " " + rule.id() + " (line "
                    + rule.pos().line() + ")" + when);
        }
        return new Node.Obj(entries, keys, group.pos());
    }

    /** Each resource's properties resolved once: a launch template is read for the instances launched from it too. */
    private final Map<String, Node> resolvedProperties = new java.util.HashMap<>();

    private Node resolved(Template.Resource r) {
        return resolvedProperties.computeIfAbsent(r.id(), k -> r.properties() == null ? Template.EMPTY
                : PackageArtifacts.packaged(r.type(), resolver.resolve(r.properties())));
    }

    private static final String BUCKET = "AWS::S3::Bucket";

    /**
     * A bucket whose every enabled replication rule copies to a bucket of this stack (by {@code Ref},
     * {@code Fn::GetAtt ... Arn} or an {@code arn:...:s3:::} ARN of its logical id or BucketName)
     * replicates within its own Region: a stack, with its nested stacks, deploys to one Region. The
     * srm key {@code replicationInRegion} lists those buckets, which S3.7 (cross-Region replication)
     * reads. A rule whose status or destination the template leaves undecided leaves it unset.
     */
    private Node withReplicationInRegion(Node props, Node raw) {
        if (!(props instanceof Node.Obj bucket) || !(bucket.get("ReplicationConfiguration") instanceof Node.Obj replication)
                || !(replication.get("Rules") instanceof Node.Seq rules)) {
            return props;
        }
        java.util.Set<String> destinations = new java.util.TreeSet<>();
        List<Node> rawRules = raw instanceof Node.Obj o && o.get("ReplicationConfiguration") instanceof Node.Obj rc
                && rc.get("Rules") instanceof Node.Seq rs ? rs.items() : List.of();
        for (int i = 0; i < rules.items().size(); i++) {
            Node rule = rules.items().get(i);
            if (!(rule instanceof Node.Obj o) || !(o.get("Status") instanceof Node.Scalar status) || status.text() == null) {
                return props;
            }
            if (!status.text().equals("Enabled")) {
                continue;
            }
            // a logical id only where the template wrote Ref or Fn::GetAtt; a literal ARN names a bucket by its name
            boolean reference = i < rawRules.size() && rawRules.get(i) instanceof Node.Obj rr && rr.get("Destination") instanceof Node.Obj rd
                    && rd.get("Bucket") instanceof Node.Obj fn && ("Ref".equals(fn.function()) || "Fn::GetAtt".equals(fn.function()));
            String inStack = o.get("Destination") instanceof Node.Obj d && d.get("Bucket") instanceof Node.Scalar b
                    ? bucketOfStack(b.text(), reference) : null;
            if (inStack == null) {
                return props;
            }
            destinations.add(inStack);
        }
        if (destinations.isEmpty()) {
            return props;
        }
        Map<String, Node> entries = new LinkedHashMap<>(bucket.entries());
        entries.put("replicationInRegion", new Node.Seq(destinations.stream().<Node>map(id -> new Node.Scalar(id, replication.pos())).toList(),
                replication.pos()));
        return new Node.Obj(entries, bucket.keys(), bucket.pos());
    }

    /** The logical id (with this stack's prefix) of the bucket of this stack a destination names, or null. */
    private String bucketOfStack(String destination, boolean byReference) {
        if (destination == null) {
            return null;
        }
        String name = destination.startsWith("arn:") && destination.contains(":s3:::")
                ? destination.substring(destination.indexOf(":s3:::") + ":s3:::".length()) : destination;
        for (Template.Resource r : template.resources().values()) {
            if (!r.type().equals(BUCKET) || r.condition() != null && isDropped(r)) {
                continue;
            }
            if (byReference && name.equals(prefix + r.id()) || resolved(r) instanceof Node.Obj o && o.get("BucketName") instanceof Node.Scalar n
                    && name.equals(n.text())) {
                return prefix + r.id();
            }
        }
        return null;
    }

    /** LaunchTemplateData properties an instance takes as they are (the rest are converted or not instance properties). */
    private static final List<String> LAUNCH_TEMPLATE_SAME = List.of("ImageId", "InstanceType", "KeyName", "MetadataOptions",
            "BlockDeviceMappings", "SecurityGroupIds", "SecurityGroups", "UserData", "EbsOptimized", "DisableApiTermination",
            "HibernationOptions", "EnclaveOptions", "InstanceInitiatedShutdownBehavior", "PrivateDnsNameOptions");
    /** LaunchTemplateData properties an instance takes in its own shape (withLaunchTemplate converts them). */
    private static final List<String> LAUNCH_TEMPLATE_CONVERTED = List.of("Monitoring", "IamInstanceProfile", "CreditSpecification",
            "NetworkInterfaces");

    /**
     * An instance launched from a launch template of this template: "the instance is launched
     * with the parameters of the launch template, except for those the instance specifies"
     * (AWS::EC2::Instance LaunchTemplate). The template's LaunchTemplateData fills in what the
     * instance leaves out, in the instance's shapes (Monitoring.Enabled is Monitoring,
     * IamInstanceProfile.Name or .Arn the profile, a network interface's Groups its GroupSet).
     */
    private Node withLaunchTemplate(Node props, List<String> notes) {
        if (props instanceof Node.Obj instance && instance.get("LaunchTemplate") instanceof Node.Unknown chosen) {
            return withUndecidedLaunchTemplate(instance, chosen, notes);
        }
        if (!(props instanceof Node.Obj instance) || !(instance.get("LaunchTemplate") instanceof Node.Obj reference)) {
            return props;
        }
        Template.Resource lt = launchTemplate(reference);
        if (lt == null || !(resolved(lt) instanceof Node.Obj ltProps) || !(ltProps.get("LaunchTemplateData") instanceof Node.Obj data)) {
            return props;
        }
        Map<String, Node> entries = new LinkedHashMap<>(instance.entries());
        Map<String, Node.Pos> keys = new LinkedHashMap<>(instance.keys());
        List<String> taken = new ArrayList<>();
        for (Map.Entry<String, Node> e : data.entries().entrySet()) {
            String key = e.getKey();
            Node value = e.getValue();
            Node converted = switch (key) {
                // the LAUNCH_TEMPLATE_CONVERTED keys
                case "Monitoring" -> value instanceof Node.Obj m ? m.get("Enabled") : null;
                case "IamInstanceProfile" -> value instanceof Node.Obj m ? (m.get("Name") != null ? m.get("Name") : m.get("Arn")) : null;
                case "CreditSpecification" -> value instanceof Node.Obj m && m.get("CpuCredits") != null
                        ? Node.Obj.of(Map.of("CPUCredits", m.get("CpuCredits")), m.pos()) : null;
                case "NetworkInterfaces" -> value instanceof Node.Seq seq ? interfaces(seq) : null;
                default -> LAUNCH_TEMPLATE_SAME.contains(key) ? value : null;
            };
            if (converted != null && !entries.containsKey(key)) {
                entries.put(key, converted);
                keys.putIfAbsent(key, value.pos());
                taken.add(key);
            }
        }
        if (taken.isEmpty()) {
            return props;
        }
        notes.add(String.join(", ", taken) + " from launch template " + lt.id() + " (line " + lt.pos().line() + ")");
        return new Node.Obj(entries, keys, instance.pos());
    }

    /**
     * An instance whose launch template only the deployment decides ({@code Fn::If} between two
     * templates, or a template and none): every property a launch template could fill that the
     * instance leaves out is undetermined (it was read as absent: EC2.8 MISSING where the hardened
     * template would meet it).
     */
    private Node withUndecidedLaunchTemplate(Node.Obj instance, Node.Unknown chosen, List<String> notes) {
        Map<String, Node> entries = new LinkedHashMap<>(instance.entries());
        List<String> open = new ArrayList<>();
        for (String key : java.util.stream.Stream.concat(LAUNCH_TEMPLATE_SAME.stream(), LAUNCH_TEMPLATE_CONVERTED.stream()).toList()) {
            if (!entries.containsKey(key)) {
                entries.put(key, new Node.Unknown("set by the launch template the deployment chooses (" + chosen.reason() + ")",
                        chosen.pos(), true, List.of()));
                open.add(key);
            }
        }
        if (open.isEmpty()) {
            return instance;
        }
        notes.add("LaunchTemplate is chosen at deploy time: " + String.join(", ", open) + " may come from it");
        return new Node.Obj(entries, instance.keys(), instance.pos());
    }

    /** The launch template of this template that LaunchTemplateId (its logical id, as Ref gives it) or LaunchTemplateName names. */
    private Template.Resource launchTemplate(Node.Obj reference) {
        for (Template.Resource r : template.resources().values()) {
            if (!r.type().equals("AWS::EC2::LaunchTemplate")) {
                continue;
            }
            if (reference.get("LaunchTemplateId") instanceof Node.Scalar id && r.id().equals(id.text())) {
                return r;
            }
            if (reference.get("LaunchTemplateName") instanceof Node.Scalar name && name.text() != null
                    && (name.text().equals(r.id()) || resolved(r) instanceof Node.Obj o && o.get("LaunchTemplateName") instanceof Node.Scalar n
                    && name.text().equals(n.text()))) {
                return r;
            }
        }
        return null;
    }

    /** A launch template's network interfaces as an instance writes them: Groups is GroupSet. */
    private static Node interfaces(Node.Seq seq) {
        List<Node> out = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof Node.Obj ni && ni.get("Groups") != null && ni.get("GroupSet") == null) {
                Map<String, Node> m = new LinkedHashMap<>();
                ni.entries().forEach((k, v) -> m.put(k.equals("Groups") ? "GroupSet" : k, v));
                out.add(new Node.Obj(m, Map.of(), ni.pos()));
            } else {
                out.add(item);
            }
        }
        return new Node.Seq(out, seq.pos());
    }

    private boolean isDropped(Template.Resource r) {
        Resolver.Truth t = resolver.condition(r.condition(), r.pos());
        return t.decided() && !t.value();
    }

    private ResourceSpec spec(Template.Resource r, Node props, List<String> notes) {
        String id = prefix + r.id();
        // Properties the deployment fills: all of them (Properties: Fn::Transform, a value srm cannot
        // resolve), or some (an AWS::Include merged beside written keys). What the template leaves out
        // may be in the snippet, so the resource's absences are no evidence.
        boolean partial = props instanceof Node.Unknown || rewrittenByMacro;
        if (props instanceof Node.Obj o && o.get("Fn::Transform") != null) {
            Map<String, Node> written = new LinkedHashMap<>(o.entries());
            written.remove("Fn::Transform");
            Node.Pos at = o.keyPos("Fn::Transform");
            warnings.add(template.file() + ":" + at.line() + ": resource '" + id + "': Fn::Transform in Properties merges properties "
                    + "a macro makes at deploy time (" + Resolver.shown(o.get("Fn::Transform")) + "); srm judges what the template "
                    + "writes, and what it leaves out may be in the snippet, so an absent setting is not evidence there");
            props = new Node.Obj(written, o.keys(), o.pos());
            partial = true;
        }
        JsonNode json = Resolver.toJson(props, u -> u.mayBeAbsent() ? Setting.unknownPresence(u.reason())
                : !u.oneOf().isEmpty() ? Setting.unknownOneOf(u.oneOf(), u.reason()) : Setting.unknownValue(u.reason()));
        JsonProperties.parseStrings(json); // a Json-typed property written as a JSON string: the document it holds
        List<Setting> settings = new ArrayList<>();
        Settings.flatten(id, "", "", json, settings);
        Map<String, String> tags = new LinkedHashMap<>();
        Node t = props instanceof Node.Obj o ? o.get("Tags") : null;
        if (t instanceof Node.Seq seq) {
            for (Node item : seq.items()) {
                if (item instanceof Node.Obj tag && tag.get("Key") instanceof Node.Scalar k && k.text() != null) {
                    tags.put(k.text(), text(tag.get("Value")));
                }
            }
        } else if (t instanceof Node.Obj map) {
            map.entries().forEach((k, v) -> tags.put(k, text(v)));
        }
        int line = depth == 0 ? r.pos().line() : parentLine;
        // the origin is where the resource is written: a nested stack's resources in their own template
        Origin origin = Origin.at(template.file(), Math.max(r.pos().line(), 0), null).named(r.id());
        return new ResourceSpec(id, null, r.type(), tags, settings, line, notes, waivers(r), origin, null, partial);
    }

    private static final java.util.Set<String> WAIVER_FIELDS = java.util.Set.of("control", "reason", "owner", "expires", "ticket");

    /**
     * The waivers written on a resource ({@code Metadata: srm: waivers:}), with the fields of a
     * scenario's resource-level waivers; a missing or unknown field, or a date that is not one, is
     * the template's problem at its line.
     */
    private List<dev.srm.model.ResourceWaiver> waivers(Template.Resource r) {
        if (!(r.metadata().get("srm") instanceof Node.Obj srm) || srm.get("waivers") == null) {
            return List.of();
        }
        String at = "/Resources/" + r.id() + "/Metadata/srm/waivers";
        if (!(srm.get("waivers") instanceof Node.Seq list)) {
            throw new TemplateError(srm.get("waivers").pos(), at + ": a list of waivers expected");
        }
        List<dev.srm.model.ResourceWaiver> out = new ArrayList<>();
        for (int k = 0; k < list.items().size(); k++) {
            Node item = list.items().get(k);
            String here = at + "/" + k;
            if (!(item instanceof Node.Obj w)) {
                throw new TemplateError(item.pos(), here + ": a waiver (control, reason, owner, expires) expected");
            }
            for (String key : w.entries().keySet()) {
                if (!WAIVER_FIELDS.contains(key)) {
                    throw new TemplateError(w.keys().getOrDefault(key, w.pos()), here + "/" + key + ": unknown field; a waiver has "
                            + "control, reason, owner, expires and ticket (scenario, resource and tags are the resource's)");
                }
            }
            String[] required = {"control", "reason", "owner", "expires"};
            for (String key : required) {
                if (!(w.get(key) instanceof Node.Scalar v) || v.text() == null || v.text().isBlank()) {
                    throw new TemplateError(w.pos(), here + ": missing " + key + "; a waiver needs control, reason, owner and expires");
                }
            }
            java.time.LocalDate expires;
            try {
                expires = dev.srm.model.Day.parse(text(w.get("expires")));
            } catch (java.time.format.DateTimeParseException e) {
                throw new TemplateError(w.get("expires").pos(), here + "/expires: '" + text(w.get("expires"))
                        + "' is not a date; expected YYYY-MM-DD, the last day the waiver applies (2030-06-30)");
            }
            out.add(new dev.srm.model.ResourceWaiver(text(w.get("control")), text(w.get("reason")), text(w.get("owner")), expires,
                    w.get("ticket") == null ? null : text(w.get("ticket")), template.file() + ":" + w.pos()));
        }
        return out;
    }

    private static String text(Node n) {
        return n instanceof Node.Scalar s ? (s.text() == null ? "" : s.text())
                : n instanceof Node.Unknown u ? Setting.unknownValue(u.reason()) : "";
    }

    // ---------------------------------------------------------------- nested stacks

    /** The value of output {@code name} of the nested stack {@code id}, or null when it is not followed. */
    private Node output(String id, String name) {
        Stack child = child(id);
        if (child == null) {
            return null;
        }
        Node outputs = child.template.root().get("Outputs");
        Node out = outputs instanceof Node.Obj o ? o.get(name) : null;
        Node value = out instanceof Node.Obj o ? o.get("Value") : null;
        if (value == null) {
            return new Node.Unknown("nested stack " + id + " has no output " + name, Node.Pos.NONE);
        }
        return child.resolver.resolve(value);
    }

    /** The nested stack of resource {@code id}, read once; null when its template is not a local file srm can read. */
    private Stack child(String id) {
        if (children.containsKey(id) || childFailed.contains(id)) {
            return children.get(id);
        }
        Template.Resource r = template.resources().get(id);
        Stack child = null;
        try {
            child = read(r);
        } finally {
            if (child == null) {
                childFailed.add(id);
            } else {
                children.put(id, child);
            }
        }
        return child;
    }

    private Stack read(Template.Resource r) {
        String here = template.file() + ":" + r.pos().line() + ": nested stack " + r.id() + ": ";
        String local = localTemplate(r);
        if (local == null) {
            return null;
        }
        if (depth + 1 > MAX_DEPTH) {
            warnings.add(here + "nested more than " + MAX_DEPTH + " deep; its template is not followed");
            return null;
        }
        if (localRoot == null) {
            warnings.add(here + "its template " + local + " is not read: the template was not read from a file, and srm opens no file"
                    + " a template held in memory names; its resources are not evaluated");
            return null;
        }
        Path parentDir = Path.of(template.file()).toAbsolutePath().getParent();
        Path file = (parentDir == null ? Path.of(local).toAbsolutePath() : parentDir.resolve(local)).normalize();
        String shown = displayName(local);
        if (!file.startsWith(localRoot) || !underRoot(file)) {
            warnings.add(here + "its template " + local + " is outside the directory of " + Path.of(template.file()).getFileName()
                    + " the top template; srm reads nested templates only there and below; its resources are not evaluated");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            warnings.add(here + "its template " + local + " is not a file beside " + template.file() + "; its resources are not evaluated");
            return null;
        }
        if (chain.contains(file.toString())) {
            warnings.add(here + "its template " + local + " includes itself; it is not followed again");
            return null;
        }
        try {
            Template child = Template.of(shown, parser.parse(shown, InputFiles.bytes(file)), true);
            Node.Obj props = (Node.Obj) resolver.resolve(r.propertyMap());
            Map<String, Node> given = new LinkedHashMap<>();
            if (props.get("Parameters") instanceof Node.Obj p) {
                given.putAll(p.entries());
            }
            // a nested stack is deployed in its parent's account and region (placeholders stay placeholders)
            for (String name : List.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix")) {
                if (!placeholders.contains(name)) {
                    given.putIfAbsent(name, pseudo.get(name));
                }
            }
            List<String> nextChain = new ArrayList<>(chain);
            nextChain.add(file.toString());
            return new Stack(parser, child, prefix.replace("/", "-") + r.id(), given, Map.of(), prefix + r.id() + "/", depth + 1,
                    depth == 0 ? r.pos().line() : parentLine, nextChain, warnings, localRoot);
        } catch (InputException e) {
            warnings.add(here + "its template cannot be read: " + e.problem());
            return null;
        } catch (TemplateError e) {
            warnings.add(here + "its template " + shown + (e.where().isEmpty() ? "" : ":" + e.where()) + ": " + e.getMessage());
            return null;
        }
    }

    /** Whether the file, with its links followed, is still under the directory nested templates may come from. */
    private boolean underRoot(Path file) {
        try {
            return !Files.exists(file) || file.toRealPath().startsWith(localRoot.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The nested template as the user would name it: relative to the directory the top template was named from. */
    private String displayName(String local) {
        Path parent = Path.of(template.file()).getParent();
        return parent == null ? local : parent.resolve(local).normalize().toString();
    }

    /**
     * A local file for a nested stack's template: a relative TemplateURL, the file CDK's asset
     * metadata names, or the file a CDK asset manifest beside the template maps the URL's hash to.
     */
    private String localTemplate(Template.Resource r) {
        if (r.metadata().get("aws:asset:path") instanceof Node.Scalar s && s.text() != null && s.text().endsWith(".json")) {
            return s.text();
        }
        Node url = r.propertyMap().get("TemplateURL");
        if (url == null) {
            return null;
        }
        Node v = resolver.resolve(url);
        if (v instanceof Node.Scalar s && s.text() != null && !s.text().contains("://") && !s.text().startsWith("/")) {
            return s.text();
        }
        // a CDK asset manifest is a file beside the template: only for a template read from a file
        String asset = localRoot != null && v instanceof Node.Scalar s && s.text() != null
                ? CdkAssembly.assetPath(Path.of(template.file()), s.text()) : null;
        if (asset != null) {
            return asset;
        }
        if (v instanceof Node.Scalar s && s.text() != null) {
            warnings.add(template.file() + ":" + r.pos().line() + ": nested stack " + r.id() + ": its template is at "
                    + s.text() + ", not a local file; its resources are not evaluated");
        } else {
            warnings.add(template.file() + ":" + r.pos().line() + ": nested stack " + r.id()
                    + ": its TemplateURL is not known before deploy time; its resources are not evaluated");
        }
        return null;
    }
}
