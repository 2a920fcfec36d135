package dev.srm.input.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AWS SAM transform ({@code Transform: AWS::Serverless-2016-10-31}) as SAM documents it:
 * {@code Globals} merged into each serverless resource, then each
 * {@code AWS::Serverless::Function}, {@code Api}, {@code HttpApi}, {@code SimpleTable},
 * {@code StateMachine}, {@code LayerVersion} and {@code Application} replaced by the
 * CloudFormation resources SAM creates for it, with SAM's defaults (a function's execution
 * role with {@code AWSLambdaBasicExecutionRole}, its policy templates expanded from SAM's own
 * data, its event sources). This is input mapping, not policy: what the resources mean is for
 * the rules. Where srm differs from SAM (no hash in the logical ids of deployments, versions
 * and layers, no OpenAPI body for the APIs) docs/cloudformation.md says so.
 */
final class SamTransform {
    static final String NAME = "AWS::Serverless-2016-10-31";
    private static final String PREFIX = "AWS::Serverless::";
    private static final Set<String> GLOBAL_SECTIONS = Set.of("Function", "Api", "HttpApi", "SimpleTable", "StateMachine",
            "LayerVersion");
    private static final String MANAGED = "arn:aws:iam::aws:policy/";

    /** Function properties that have the same name and meaning on AWS::Lambda::Function. */
    private static final List<String> FUNCTION_PASSTHROUGH = List.of("Architectures", "CodeSigningConfigArn", "Description",
            "Environment", "EphemeralStorage", "FileSystemConfigs", "FunctionName", "Handler", "ImageConfig", "KmsKeyArn", "Layers",
            "LoggingConfig", "MemorySize", "PackageType", "RecursiveLoop", "ReservedConcurrentExecutions", "Runtime",
            "RuntimeManagementConfig", "SnapStart", "Timeout", "VpcConfig", "DurableConfig", "TenancyConfig");

    /** Managed policies SAM adds to a function's role for a poll-based event source. */
    private static final Map<String, String> EVENT_POLICIES = Map.of(
            "SQS", "service-role/AWSLambdaSQSQueueExecutionRole",
            "Kinesis", "service-role/AWSLambdaKinesisExecutionRole",
            "DynamoDB", "service-role/AWSLambdaDynamoDBExecutionRole",
            "MSK", "service-role/AWSLambdaMSKExecutionRole");

    private static volatile JsonNode policyTemplates;
    private static volatile Map<String, String> managedPaths;

    private final Template template;
    private final java.util.function.UnaryOperator<Node> parameters;
    private final Map<String, Template.Resource> out = new LinkedHashMap<>();
    private final List<String> warnings;
    private final List<Node> destinationPolicies = new ArrayList<>();
    private boolean implicitRestApi;
    private boolean implicitHttpApi;
    private Template.Resource firstRestEvent;
    /** The conditions of the functions with events on the implicit APIs (null: a function without one). */
    private final List<String> restConditions = new ArrayList<>();
    private final List<String> httpConditions = new ArrayList<>();

    private SamTransform(Template template, java.util.function.UnaryOperator<Node> parameters, List<String> warnings) {
        this.template = template;
        this.parameters = parameters;
        this.warnings = warnings;
    }

    /** Whether the template names SAM's transform. */
    static boolean applies(Template t) {
        return t.transforms().contains(NAME);
    }

    /**
     * The SAM resources ({@code AWS::Serverless::*}) of a template that does not name SAM's
     * transform, as {@code Id (type)}; empty when it names it or has none. The transform "is
     * required for AWS SAM template files" (AWS SAM template anatomy) and CloudFormation does not
     * know these types without it, yet the author's intent is plain: such a template (defsec's SAM
     * examples are written so) is expanded as SAM would expand it, with a warning that says so,
     * rather than judged as an AWS::Lambda::Function that SAM's defaults never reached.
     */
    static List<String> withoutTransform(Template t) {
        if (applies(t)) {
            return List.of();
        }
        return t.resources().values().stream().filter(r -> r.type() != null && r.type().startsWith(PREFIX))
                .map(r -> r.id() + " (" + r.type() + ")").toList();
    }

    /** The warning for a template whose SAM resources ({@link #withoutTransform}) lack the transform. */
    static String missingTransform(List<String> resources) {
        return String.join(", ", resources) + ": AWS SAM resource type" + (resources.size() == 1 ? "" : "s")
                + " without 'Transform: " + NAME + "', which SAM requires (CloudFormation rejects the template without it);"
                + " srm expands " + (resources.size() == 1 ? "it" : "them") + " as SAM would with the transform";
    }

    /**
     * The template with every serverless resource replaced by what SAM makes of it.
     * {@code parameters} resolves the parameter references SAM itself resolves (in {@code Tracing}).
     */
    static Template expand(Template t, java.util.function.UnaryOperator<Node> parameters, List<String> warnings) {
        return new SamTransform(t, parameters, warnings).run();
    }

    /** The function's Tracing as SAM reads it (parameter references resolved), or null when it turns nothing on. */
    private String tracing(Node.Obj p) {
        Node t = p.get("Tracing");
        Node v = t == null ? null : parameters.apply(t);
        String mode = v instanceof Node.Scalar s ? s.text() : null;
        return mode == null || mode.isEmpty() || mode.equals("Disabled") ? null : mode;
    }

    private Template run() {
        for (String section : template.globals().entries().keySet()) {
            if (!GLOBAL_SECTIONS.contains(section)) {
                warnings.add("Globals/" + section + ": SAM has no globals for it (" + String.join(", ", GLOBAL_SECTIONS.stream()
                        .sorted().toList()) + "); ignored");
            }
        }
        for (Template.Resource r : template.resources().values()) {
            if (!r.type().startsWith(PREFIX)) {
                out.putIfAbsent(r.id(), r);
                continue;
            }
            String kind = r.type().substring(PREFIX.length());
            Template.Resource g = withGlobals(r, kind);
            switch (kind) {
                case "Function" -> function(g);
                case "Api" -> restApi(g, g.id());
                case "HttpApi" -> httpApi(g, g.id());
                case "SimpleTable" -> simpleTable(g);
                case "StateMachine" -> stateMachine(g);
                case "LayerVersion" -> layer(g);
                case "Application" -> application(g);
                default -> {
                    warnings.add(r.id() + " (" + r.type() + "): srm does not expand this SAM resource type; it is evaluated as written");
                    out.put(r.id(), r);
                }
            }
        }
        if (implicitRestApi && !out.containsKey("ServerlessRestApi")) {
            // Globals/Api reaches the implicit API too
            restApi(withGlobals(implicitApi(firstRestEvent, restConditions, "ServerlessRestApi")
                    .withProperties(Obj.of(Map.of("StageName", Node.Scalar.of("Prod")), firstRestEvent.pos())), "Api"), "ServerlessRestApi");
        }
        if (implicitHttpApi && !out.containsKey("ServerlessHttpApi")) {
            httpApi(implicitApi(firstRestEvent, httpConditions, "ServerlessHttpApi").withProperties(Obj.of(Map.of(), firstRestEvent.pos())),
                    "ServerlessHttpApi");
        }
        notifyBuckets();
        return new Template(template.file(), template.description(), template.transforms().stream()
                .filter(x -> !x.equals(NAME)).toList(), template.parameters(), template.mappings(), conditions(), out,
                Template.EMPTY, template.metadata(), template.root());
    }

    /**
     * The resource an implicit API is made from, with SAM's condition for it: none when a function
     * with an event on it has no condition, the functions' condition when they share one, else the
     * Fn::Or of theirs (a condition SAM adds, {@code <api>Condition}).
     */
    private Template.Resource implicitApi(Template.Resource first, List<String> conditions, String api) {
        java.util.LinkedHashSet<String> distinct = new java.util.LinkedHashSet<>(conditions);
        String condition;
        if (distinct.contains(null)) {
            condition = null;
        } else if (distinct.size() == 1) {
            condition = distinct.iterator().next();
        } else {
            condition = api + "Condition";
            List<Node> each = distinct.stream().<Node>map(c -> Obj.of(Map.of("Condition", Node.Scalar.of(c)), first.pos())).toList();
            addedConditions.put(condition, Obj.of(Map.of("Fn::Or", new Node.Seq(each, first.pos())), first.pos()));
        }
        return first.withCondition(condition);
    }

    /** The template's conditions with those SAM adds. */
    private Node.Obj conditions() {
        if (addedConditions.isEmpty()) {
            return template.conditions();
        }
        Map<String, Node> m = new LinkedHashMap<>(template.conditions().entries());
        addedConditions.forEach(m::putIfAbsent);
        return new Node.Obj(m, template.conditions().keys(), template.conditions().pos());
    }

    // ---------------------------------------------------------------- Globals

    private Template.Resource withGlobals(Template.Resource r, String kind) {
        Node global = template.globals().get(kind);
        if (!(global instanceof Node.Obj g) || g.entries().isEmpty()) {
            return r;
        }
        return r.withProperties(merge(g, r.propertyMap()));
    }

    /** SAM's merge: maps merge key by key, lists are concatenated (global first), anything else is the resource's. */
    static Node merge(Node global, Node local) {
        if (global instanceof Node.Obj g && local instanceof Node.Obj l && g.function() == null && l.function() == null) {
            Map<String, Node> m = new LinkedHashMap<>(g.entries());
            l.entries().forEach((k, v) -> m.put(k, m.containsKey(k) ? merge(m.get(k), v) : v));
            return new Node.Obj(m, l.keys(), l.pos());
        }
        if (global instanceof Node.Seq g && local instanceof Node.Seq l) {
            List<Node> items = new ArrayList<>(g.items());
            items.addAll(l.items());
            return new Node.Seq(items, l.pos());
        }
        return local;
    }

    // ---------------------------------------------------------------- Function

    private void function(Template.Resource r) {
        Node.Obj p = r.propertyMap();
        String id = r.id();
        Map<String, Node> f = new LinkedHashMap<>();
        code(p, f);
        for (String k : FUNCTION_PASSTHROUGH) {
            if (p.get(k) != null) {
                f.put(k, p.get(k));
            }
        }
        if (tracing(p) != null) {
            f.put("TracingConfig", Obj.of(Map.of("Mode", new Node.Scalar(tracing(p), p.get("Tracing").pos())), p.get("Tracing").pos()));
        }
        if (p.get("DeadLetterQueue") instanceof Node.Obj dlq && dlq.get("TargetArn") != null) {
            f.put("DeadLetterConfig", Obj.of(Map.of("TargetArn", dlq.get("TargetArn")), dlq.pos()));
        }
        Node role = p.get("Role");
        List<Node> invokePolicies = eventInvokeConfig(r, p);
        Set<String> eventPolicies = new LinkedHashSet<>();
        if (p.get("Events") instanceof Node.Obj events) { // in name order, as SAM processes them
            new java.util.TreeMap<>(events.entries()).forEach((name, e) -> event(r, name, e, eventPolicies));
        }
        String roleOnlyIf = roleCondition(role);
        if (role == null) {
            f.put("Role", getAtt(id + "Role", "Arn"));
            out.put(id + "Role", derived(r, id + "Role", "AWS::IAM::Role", functionRole(r, p, eventPolicies, invokePolicies)));
        } else if (roleOnlyIf != null) {
            // Role: !If [RoleExists, !Ref RoleArn, !Ref AWS::NoValue]: SAM creates <id>Role under the opposite condition
            Node.Seq args = (Node.Seq) ((Node.Obj) role).get("Fn::If");
            boolean givenFirst = !isNoValue(args.items().get(1));
            Node given = args.items().get(givenFirst ? 1 : 2);
            Node created = getAtt(id + "Role", "Arn");
            f.put("Role", Obj.of(Map.of("Fn::If", new Node.Seq(List.of(args.items().get(0), givenFirst ? given : created,
                    givenFirst ? created : given), args.pos())), role.pos()));
            out.put(id + "Role", derived(r, id + "Role", "AWS::IAM::Role", functionRole(r, p, eventPolicies, invokePolicies))
                    .withCondition(roleOnlyIf));
        } else {
            f.put("Role", role);
        }
        f.put("Tags", tagList(p.get("Tags"), "lambda:createdBy"));
        out.put(id, new Template.Resource(id, "AWS::Lambda::Function", Obj.of(f, r.pos()), r.condition(), r.dependsOn(),
                r.metadata(), r.pos(), "created by SAM from AWS::Serverless::Function " + id));
        if (p.get("AutoPublishAlias") instanceof Node.Scalar alias && alias.text() != null) {
            out.put(id + "Version", derived(r, id + "Version", "AWS::Lambda::Version", Map.of("FunctionName", ref(id))));
            out.put(id + "Alias" + alias.text(), derived(r, id + "Alias" + alias.text(), "AWS::Lambda::Alias", Map.of(
                    "FunctionName", ref(id), "FunctionVersion", getAtt(id + "Version", "Version"), "Name", alias)));
        }
        if (p.get("FunctionUrlConfig") instanceof Node.Obj url) {
            Map<String, Node> u = new LinkedHashMap<>();
            u.put("TargetFunctionArn", ref(id));
            for (String k : List.of("AuthType", "Cors", "InvokeMode")) {
                if (url.get(k) != null) {
                    u.put(k, url.get(k));
                }
            }
            out.put(id + "Url", derived(r, id + "Url", "AWS::Lambda::Url", u));
            if (url.get("AuthType") instanceof Node.Scalar a && "NONE".equals(a.text())) {
                out.put(id + "UrlPublicPermissions", derived(r, id + "UrlPublicPermissions", "AWS::Lambda::Permission", Map.of(
                        "Action", Node.Scalar.of("lambda:InvokeFunctionUrl"), "FunctionName", ref(id),
                        "FunctionUrlAuthType", Node.Scalar.of("NONE"), "Principal", Node.Scalar.of("*"))));
            }
        }
        if (p.get("DeploymentPreference") != null) {
            warnings.add(id + ": SAM's DeploymentPreference (CodeDeploy application, deployment group and role) is not expanded");
        }
    }

    /** What SAM grants the function's role to deliver to a destination of each type, and what it creates when none is named. */
    private static final Map<String, String> DESTINATION_ACTIONS = Map.of("SQS", "sqs:SendMessage", "SNS", "sns:publish",
            "Lambda", "lambda:InvokeFunction", "EventBridge", "events:PutEvents");

    /**
     * A function's {@code EventInvokeConfig}: the {@code AWS::Lambda::EventInvokeConfig} SAM creates
     * ({@code <id>EventInvokeConfig}, on the alias of {@code AutoPublishAlias} or {@code $LATEST}), the
     * queue or topic it creates for an SQS or SNS destination that names none
     * ({@code <id>EventInvokeConfigOnSuccessQueue}, {@code ...OnFailureTopic}), and the role policies
     * that let the function deliver to each destination, which it returns. A destination that is an
     * {@code Fn::If} with an {@code AWS::NoValue} branch (SAM then creates the queue or topic under a
     * condition of its own) is not expanded, with a warning.
     */
    private List<Node> eventInvokeConfig(Template.Resource r, Node.Obj p) {
        if (!(p.get("EventInvokeConfig") instanceof Node.Obj config)) {
            return List.of();
        }
        String id = r.id();
        Map<String, Node> c = new LinkedHashMap<>();
        List<Node> policies = new ArrayList<>();
        if (config.get("DestinationConfig") instanceof Node.Obj dc) {
            Map<String, Node> destinations = new LinkedHashMap<>();
            for (String on : List.of("OnSuccess", "OnFailure")) {
                if (!(dc.get(on) instanceof Node.Obj d) || !(d.get("Type") instanceof Node.Scalar type) || type.text() == null) {
                    continue;
                }
                Node destination = d.get("Destination");
                if (destination instanceof Node.Obj o && "Fn::If".equals(o.function()) && mentionsNoValue(o)) {
                    warnings.add(id + ": EventInvokeConfig " + on + " names its destination with Fn::If and AWS::NoValue: SAM then"
                            + " creates a " + type.text() + " destination under a condition of its own, which srm does not expand");
                    continue;
                }
                if (destination == null && ("SQS".equals(type.text()) || "SNS".equals(type.text()))) {
                    boolean sqs = "SQS".equals(type.text());
                    String created = id + "EventInvokeConfig" + on + (sqs ? "Queue" : "Topic");
                    out.put(created, derived(r, created, sqs ? "AWS::SQS::Queue" : "AWS::SNS::Topic", Map.of()));
                    destination = sqs ? getAtt(created, "Arn") : ref(created);
                }
                if (destination == null) {
                    continue;
                }
                destinations.put(on, Obj.of(Map.of("Destination", destination), d.pos()));
                List<Node> statements = "S3Bucket".equals(type.text())
                        ? List.of(statement("s3:PutObject", Obj.of(Map.of("Fn::Join", new Node.Seq(List.of(Node.Scalar.of("/"),
                                new Node.Seq(List.of(destination, Node.Scalar.of("*")), d.pos())), d.pos())), d.pos())),
                                statement("s3:ListBucket", destination))
                        : DESTINATION_ACTIONS.containsKey(type.text()) ? List.of(statement(DESTINATION_ACTIONS.get(type.text()), destination))
                        : List.of();
                if (!statements.isEmpty()) {
                    policies.add(policy(id + "EventInvokeConfig" + on + ("S3Bucket".equals(type.text()) ? "S3" : type.text()) + "Policy",
                            Obj.of(ordered("Statement", new Node.Seq(statements, d.pos())), d.pos())));
                }
            }
            if (!destinations.isEmpty()) {
                c.put("DestinationConfig", Obj.of(destinations, dc.pos()));
            }
        }
        c.put("FunctionName", ref(id));
        put(c, "MaximumEventAgeInSeconds", config.get("MaximumEventAgeInSeconds"));
        put(c, "MaximumRetryAttempts", config.get("MaximumRetryAttempts"));
        c.put("Qualifier", p.get("AutoPublishAlias") instanceof Node.Scalar alias && alias.text() != null ? alias
                : Node.Scalar.of("$LATEST"));
        out.put(id + "EventInvokeConfig", derived(r, id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig", c));
        return policies;
    }

    /**
     * For a function whose Role is {@code Fn::If} of a role and {@code AWS::NoValue}, the condition
     * under which SAM creates the function's own role: {@code NOT<condition>}, which SAM adds to the
     * template's conditions (the condition itself when the role is the second branch); else null.
     */
    private String roleCondition(Node role) {
        if (!(role instanceof Node.Obj o) || !"Fn::If".equals(o.function()) || !(o.get("Fn::If") instanceof Node.Seq args)
                || args.items().size() != 3 || !(args.items().get(0) instanceof Node.Scalar c) || c.text() == null
                || isNoValue(args.items().get(1)) == isNoValue(args.items().get(2))) {
            return null;
        }
        if (isNoValue(args.items().get(1))) {
            return c.text();
        }
        String not = "NOT" + c.text();
        addedConditions.put(not, Obj.of(Map.of("Fn::Not", new Node.Seq(List.of(Obj.of(Map.of("Condition", c), c.pos())), c.pos())),
                c.pos()));
        return not;
    }

    /** Conditions SAM adds to the template (NOT<condition> for a role created when none is given). */
    private final Map<String, Node> addedConditions = new LinkedHashMap<>();

    private static boolean mentionsNoValue(Node n) {
        if (n instanceof Node.Obj o) {
            return isNoValue(o) || o.entries().values().stream().anyMatch(SamTransform::mentionsNoValue);
        }
        return n instanceof Node.Seq seq && seq.items().stream().anyMatch(SamTransform::mentionsNoValue);
    }

    private static void code(Node.Obj p, Map<String, Node> f) {
        Node uri = p.get("CodeUri");
        if (p.get("InlineCode") != null) {
            f.put("Code", Obj.of(Map.of("ZipFile", p.get("InlineCode")), p.get("InlineCode").pos()));
        } else if (p.get("ImageUri") != null) {
            f.put("Code", Obj.of(Map.of("ImageUri", p.get("ImageUri")), p.get("ImageUri").pos()));
            f.put("PackageType", Node.Scalar.of("Image"));
        } else if (uri != null) {
            f.put("Code", s3Location(uri, "S3Bucket", "S3Key", "S3ObjectVersion"));
        }
        if (p.get("SourceKMSKeyArn") != null && f.get("Code") instanceof Node.Obj code) {
            Map<String, Node> c = new LinkedHashMap<>(code.entries());
            c.put("SourceKMSKeyArn", p.get("SourceKMSKeyArn"));
            f.put("Code", Obj.of(c, code.pos()));
        }
    }

    /** An S3 location: {@code s3://bucket/key}, {@code {Bucket, Key, Version}}, or a local path that packaging uploads. */
    private static Node s3Location(Node uri, String bucket, String key, String version) {
        Map<String, Node> m = new LinkedHashMap<>();
        if (uri instanceof Node.Scalar s && s.text() != null && s.text().startsWith("s3://")) {
            String rest = s.text().substring(5);
            int slash = rest.indexOf('/');
            m.put(bucket, new Node.Scalar(slash < 0 ? rest : rest.substring(0, slash), s.pos()));
            m.put(key, new Node.Scalar(slash < 0 ? "" : rest.substring(slash + 1), s.pos()));
        } else if (uri instanceof Node.Obj o && o.function() == null) {
            put(m, bucket, o.get("Bucket"));
            put(m, key, o.get("Key"));
            put(m, version, o.get("Version"));
        } else {
            String what = uri instanceof Node.Scalar s ? "the local path '" + s.text() + "'" : "a computed location";
            Node unknown = new Node.Unknown("SAM code at " + what + ": sam package uploads it to a bucket chosen at deploy time",
                    uri.pos());
            m.put(bucket, unknown);
            m.put(key, unknown);
        }
        return Obj.of(m, uri.pos());
    }

    private static void put(Map<String, Node> m, String key, Node value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private Map<String, Node> functionRole(Template.Resource r, Node.Obj p, Set<String> eventPolicies, List<Node> invokePolicies) {
        List<String> managed = new ArrayList<>();
        managed.add(MANAGED + "service-role/" + (p.get("DurableConfig") != null ? "AWSLambdaBasicDurableExecutionRolePolicy"
                : "AWSLambdaBasicExecutionRole"));
        if (tracing(p) != null) {
            managed.add(MANAGED + "AWSXrayWriteOnlyAccess");
        }
        if (p.get("VpcConfig") != null) {
            managed.add(MANAGED + "service-role/AWSLambdaVPCAccessExecutionRole");
        }
        Map<String, Node> role = new LinkedHashMap<>();
        role.put("AssumeRolePolicyDocument", p.get("AssumeRolePolicyDocument") != null ? p.get("AssumeRolePolicyDocument")
                : assumeRole("lambda.amazonaws.com"));
        List<Node> inline = new ArrayList<>();
        if (p.get("DeadLetterQueue") instanceof Node.Obj dlq && dlq.get("Type") instanceof Node.Scalar type) {
            String action = "SQS".equals(type.text()) ? "sqs:SendMessage" : "sns:Publish";
            inline.add(policy("DeadLetterQueuePolicy", statements(List.of(statement(action, dlq.get("TargetArn"))))));
        }
        List<Node> managedNodes = new ArrayList<>(managed.stream().map(m -> (Node) Node.Scalar.of(m)).toList());
        inline.addAll(invokePolicies);
        policies(r, p.get("Policies"), r.id() + "Role", managedNodes, inline);
        inline.addAll(destinationPolicies);
        destinationPolicies.clear();
        for (String e : eventPolicies) {
            Node arn = Node.Scalar.of(MANAGED + e);
            if (managedNodes.stream().noneMatch(n -> Resolver.shown(n).equals(Resolver.shown(arn)))) {
                managedNodes.add(arn);
            }
        }
        rolePolicies(role, r, p, managedNodes, inline, "lambda:createdBy");
        return role;
    }

    /**
     * The end of the role SAM creates for a function or a state machine: its managed and inline
     * policies, permissions boundary, path (RolePath) and tags, with SAM's own tag.
     */
    private void rolePolicies(Map<String, Node> role, Template.Resource r, Node.Obj p, List<Node> managed, List<Node> inline,
            String createdBy) {
        role.put("ManagedPolicyArns", new Node.Seq(managed, r.pos()));
        if (!inline.isEmpty()) {
            role.put("Policies", new Node.Seq(inline, r.pos()));
        }
        put(role, "PermissionsBoundary", p.get("PermissionsBoundary"));
        put(role, "Path", p.get("RolePath"));
        role.put("Tags", tagList(p.get("Tags"), createdBy));
    }

    /** SAM's Policies: managed policy names or ARNs, policy documents, and policy templates. */
    private void policies(Template.Resource r, Node policies, String roleId, List<Node> managed, List<Node> inline) {
        if (policies == null) {
            return;
        }
        List<Node> items = policies instanceof Node.Seq s ? s.items() : List.of(policies);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item instanceof Node.Scalar s && s.text() != null) {
                managed.add(new Node.Scalar(managedArn(s.text()), s.pos()));
            } else if (item instanceof Node.Obj o && "Fn::If".equals(o.function()) && o.get("Fn::If") instanceof Node.Seq args
                    && args.items().size() == 3) {
                conditional(r, o, args, roleId + "Policy" + i, i, managed, inline);
            } else if (item instanceof Node.Obj o && o.function() != null) {
                managed.add(item);
            } else if (item instanceof Node.Obj o && isDocument(o)) {
                inline.add(policy(roleId + "Policy" + i, document(r, o, i)));
            }
        }
    }

    /** An inline policy document (a {@code Statement} list) or a SAM policy template's statements. */
    private Node document(Template.Resource r, Node.Obj item, int i) {
        if (item.get("Statement") != null) {
            return item;
        }
        String name = item.entries().keySet().iterator().next();
        Node document = policyTemplate(name, item.get(name));
        if (document == null) {
            warnings.add(r.id() + ": Policies[" + i + "] names '" + name + "', which is not a SAM policy template");
            document = new Node.Unknown("SAM policy template '" + name + "', which srm does not know", item.pos());
        }
        return document;
    }

    /**
     * A Policies item that is {@code Fn::If}: SAM keeps the condition. Branches that are documents or
     * policy templates make the {@code Fn::If} of two inline policies (a branch {@code AWS::NoValue}:
     * none); branches that are policy names make a managed policy ARN chosen the same way. Anything
     * else stays a managed-policy entry srm cannot read.
     */
    private void conditional(Template.Resource r, Node.Obj item, Node.Seq args, String name, int i, List<Node> managed,
                             List<Node> inline) {
        Node yes = args.items().get(1);
        Node no = args.items().get(2);
        if (isDocument(yes) || isDocument(no)) {
            inline.add(ifOf(item, args, branch(r, yes, name, i), branch(r, no, name, i)));
        } else if (isName(yes) && isName(no)) {
            managed.add(ifOf(item, args, arnOf(yes), arnOf(no)));
        } else {
            managed.add(item);
        }
    }

    private static boolean isDocument(Node n) {
        return n instanceof Node.Obj o && o.function() == null && (o.get("Statement") != null || o.entries().size() == 1);
    }

    private static boolean isNoValue(Node n) {
        return n instanceof Node.Obj o && "Ref".equals(o.function()) && o.get("Ref") instanceof Node.Scalar s
                && "AWS::NoValue".equals(s.text());
    }

    private static boolean isName(Node n) {
        return n instanceof Node.Scalar s && s.text() != null || isNoValue(n);
    }

    private Node branch(Template.Resource r, Node n, String name, int i) {
        if (isNoValue(n)) {
            return n;
        }
        return policy(name, n instanceof Node.Obj o && isDocument(o) ? document(r, o, i)
                : new Node.Unknown("a Policies branch that is neither a policy document nor a SAM policy template", n.pos()));
    }

    private static Node arnOf(Node n) {
        return n instanceof Node.Scalar s && s.text() != null ? new Node.Scalar(managedArn(s.text()), s.pos()) : n;
    }

    private static Node ifOf(Node.Obj item, Node.Seq args, Node yes, Node no) {
        return Obj.of(Map.of("Fn::If", new Node.Seq(List.of(args.items().get(0), yes, no), args.pos())), item.pos());
    }

    private static String managedArn(String name) {
        if (name.startsWith("arn:")) {
            return name;
        }
        String path = managedPaths().get(name);
        return MANAGED + (path == null ? name : path);
    }

    /** A SAM policy template's statements with the given parameters in place of its Refs. */
    private static Node policyTemplate(String name, Node arguments) {
        JsonNode t = policyTemplates().path("Templates").path(name);
        if (t.isMissingNode()) {
            return null;
        }
        Map<String, Node> args = arguments instanceof Node.Obj o ? o.entries() : Map.of();
        return substitute(fromJson(t.path("Definition"), arguments.pos()), args);
    }

    private static Node substitute(Node n, Map<String, Node> args) {
        if (n instanceof Node.Obj o && "Ref".equals(o.function()) && o.get("Ref") instanceof Node.Scalar s
                && args.containsKey(s.text())) {
            return args.get(s.text());
        }
        if (n instanceof Node.Obj o) {
            Map<String, Node> m = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> m.put(k, substitute(v, args)));
            return new Node.Obj(m, o.keys(), o.pos());
        }
        if (n instanceof Node.Seq s) {
            return new Node.Seq(s.items().stream().map(i -> substitute(i, args)).toList(), s.pos());
        }
        return n;
    }

    // ---------------------------------------------------------------- events

    private void event(Template.Resource fn, String name, Node e, Set<String> eventPolicies) {
        if (!(e instanceof Node.Obj event) || !(event.get("Type") instanceof Node.Scalar typeNode) || typeNode.text() == null) {
            warnings.add(fn.id() + ": event " + name + " has no Type; ignored");
            return;
        }
        String type = typeNode.text();
        Node.Obj p = event.get("Properties") instanceof Node.Obj o ? o : Template.EMPTY;
        String id = fn.id() + name;
        switch (type) {
            case "Api" -> {
                Node api = p.get("RestApiId");
                if (api == null) {
                    implicitRestApi = true;
                    firstRestEvent = firstRestEvent == null ? fn : firstRestEvent;
                    restConditions.add(fn.condition());
                    api = ref("ServerlessRestApi");
                }
                out.put(id + "PermissionProd", permission(fn, id + "PermissionProd", "apigateway.amazonaws.com", sourceArn(api)));
            }
            case "HttpApi" -> {
                Node api = p.get("ApiId");
                if (api == null) {
                    implicitHttpApi = true;
                    firstRestEvent = firstRestEvent == null ? fn : firstRestEvent;
                    httpConditions.add(fn.condition());
                    api = ref("ServerlessHttpApi");
                }
                if (p.get("Path") != null && catchAllHttpEvent(fn, api)) {
                    return; // SAM gives the function one permission on the API, that of its catch-all route
                }
                out.put(id + "Permission", permission(fn, id + "Permission", "apigateway.amazonaws.com", sourceArn(api)));
            }
            case "S3" -> {
                // as SAM: the permission is for this account's buckets, and the bucket notifies the function
                out.put(id + "Permission", permission(fn, id + "Permission", "s3.amazonaws.com", null, ref("AWS::AccountId")));
                s3Notification(fn, name, p);
            }
            case "SNS" -> {
                Node sqs = p.get("SqsSubscription");
                boolean viaQueue = sqs instanceof Node.Obj || sqs instanceof Node.Scalar s && "true".equals(s.text());
                Map<String, Node> sub = new LinkedHashMap<>();
                Node queueArn = null;
                if (viaQueue) {
                    Node.Obj q = sqs instanceof Node.Obj o ? o : Template.EMPTY;
                    queueArn = q.get("QueueArn");
                    if (queueArn == null) {
                        out.put(id + "Queue", derived(fn, id + "Queue", "AWS::SQS::Queue", Map.of()));
                        queueArn = getAtt(id + "Queue", "Arn");
                    }
                    Node queueUrl = q.get("QueueUrl") != null ? q.get("QueueUrl") : ref(id + "Queue");
                    Node statement = Obj.of(ordered("Action", Node.Scalar.of("sqs:SendMessage"),
                            "Condition", Obj.of(Map.of("ArnEquals", Obj.of(Map.of("aws:SourceArn", p.get("Topic")), fn.pos())), fn.pos()),
                            "Effect", Node.Scalar.of("Allow"), "Principal", Node.Scalar.of("*"), "Resource", queueArn), fn.pos());
                    out.put(id + "QueuePolicy", derived(fn, id + "QueuePolicy", "AWS::SQS::QueuePolicy", ordered(
                            "PolicyDocument", statements(List.of(statement)), "Queues", new Node.Seq(List.of(queueUrl), fn.pos()))));
                    Map<String, Node> esm = new LinkedHashMap<>();
                    esm.put("BatchSize", q.get("BatchSize") != null ? q.get("BatchSize") : Node.Scalar.of("10"));
                    esm.put("Enabled", q.get("Enabled") != null ? q.get("Enabled") : Node.Scalar.of("true"));
                    esm.put("EventSourceArn", queueArn);
                    esm.put("FunctionName", ref(fn.id()));
                    out.put(id + "EventSourceMapping", derived(fn, id + "EventSourceMapping", "AWS::Lambda::EventSourceMapping", esm));
                    eventPolicies.add(EVENT_POLICIES.get("SQS"));
                }
                sub.put("Endpoint", viaQueue ? queueArn : getAtt(fn.id(), "Arn"));
                sub.put("Protocol", Node.Scalar.of(viaQueue ? "sqs" : "lambda"));
                put(sub, "TopicArn", p.get("Topic"));
                put(sub, "FilterPolicy", p.get("FilterPolicy"));
                put(sub, "FilterPolicyScope", p.get("FilterPolicyScope"));
                put(sub, "RedrivePolicy", p.get("RedrivePolicy"));
                put(sub, "Region", p.get("Region"));
                out.put(id, derived(fn, id, "AWS::SNS::Subscription", sub));
                if (!viaQueue) {
                    out.put(id + "Permission", permission(fn, id + "Permission", "sns.amazonaws.com", p.get("Topic")));
                }
            }
            case "SQS", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB" -> {
                Map<String, Node> m = new LinkedHashMap<>();
                Node source = p.get("SQS".equals(type) ? "Queue" : "MSK".equals(type) ? "Stream" : "MQ".equals(type) ? "Broker"
                        : "DocumentDB".equals(type) ? "Cluster" : "Stream");
                put(m, "EventSourceArn", source);
                m.put("FunctionName", ref(fn.id()));
                p.entries().forEach((k, v) -> {
                    if (!List.of("Queue", "Stream", "Broker", "Cluster").contains(k)) {
                        m.putIfAbsent(k, v);
                    }
                });
                destinationPolicy(fn, id, m);
                out.put(id, derived(fn, id, "AWS::Lambda::EventSourceMapping", m));
                if (EVENT_POLICIES.containsKey(type)) {
                    eventPolicies.add(EVENT_POLICIES.get(type));
                }
            }
            case "Schedule", "CloudWatchEvent", "EventBridgeRule" -> {
                Map<String, Node> rule = new LinkedHashMap<>();
                put(rule, "ScheduleExpression", p.get("Schedule"));
                put(rule, "EventPattern", p.get("Pattern"));
                put(rule, "EventBusName", p.get("EventBusName"));
                put(rule, "Name", p.get("Name"));
                put(rule, "Description", p.get("Description"));
                put(rule, "State", p.get("State"));
                if (p.get("Enabled") instanceof Node.Scalar en && "false".equals(en.text()) && p.get("State") == null) {
                    rule.put("State", Node.Scalar.of("DISABLED"));
                }
                rule.put("Targets", new Node.Seq(List.of(Obj.of(Map.of("Arn", getAtt(fn.id(), "Arn"),
                        "Id", Node.Scalar.of(id + "LambdaTarget")), fn.pos())), fn.pos()));
                out.put(id, derived(fn, id, "AWS::Events::Rule", rule));
                out.put(id + "Permission", permission(fn, id + "Permission", "events.amazonaws.com", getAtt(id, "Arn")));
            }
            case "CloudWatchLogs" -> {
                Map<String, Node> m = new LinkedHashMap<>();
                m.put("DestinationArn", getAtt(fn.id(), "Arn"));
                put(m, "FilterPattern", p.get("FilterPattern"));
                put(m, "LogGroupName", p.get("LogGroupName"));
                out.put(id, derived(fn, id, "AWS::Logs::SubscriptionFilter", m));
                out.put(id + "Permission", permission(fn, id + "Permission", "logs.amazonaws.com", null));
            }
            case "IoTRule" -> out.put(id + "Permission", permission(fn, id + "Permission", "iot.amazonaws.com", null));
            case "AlexaSkill" -> out.put(id + "Permission", permission(fn, id + "Permission", "alexa-appkit.amazon.com", null));
            case "Cognito" -> out.put(id + "Permission", permission(fn, id + "Permission", "cognito-idp.amazonaws.com", null));
            default -> warnings.add(fn.id() + ": SAM event type " + type + " (event " + name + ") is not expanded");
        }
    }

    /** Whether the function has an HttpApi event without a path (the $default route) on the same API. */
    private static boolean catchAllHttpEvent(Template.Resource fn, Node api) {
        if (!(fn.propertyMap().get("Events") instanceof Node.Obj events)) {
            return false;
        }
        for (Node e : events.entries().values()) {
            Node.Obj ev = e instanceof Node.Obj o ? o : Template.EMPTY;
            Node.Obj props = ev.get("Properties") instanceof Node.Obj o ? o : Template.EMPTY;
            Node other = props.get("ApiId") == null ? ref("ServerlessHttpApi") : props.get("ApiId");
            if ("HttpApi".equals(text(ev.get("Type"), null)) && props.get("Path") == null
                    && Resolver.shown(other).equals(Resolver.shown(api))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An event source mapping's failure destination, as SAM writes it: the destination's
     * {@code Type} (SQS or SNS) leaves the mapping and becomes a policy on the function's role.
     */
    private void destinationPolicy(Template.Resource fn, String id, Map<String, Node> mapping) {
        if (!(mapping.get("DestinationConfig") instanceof Node.Obj dc)) {
            if (mapping.get("DestinationConfig") instanceof Node.Scalar s && (s.text() == null || s.text().isEmpty())) {
                mapping.remove("DestinationConfig");
            }
            return;
        }
        if (!(dc.get("OnFailure") instanceof Node.Obj onFailure) || !(onFailure.get("Type") instanceof Node.Scalar t)) {
            if (dc.entries().isEmpty() || !(dc.get("OnFailure") instanceof Node.Obj)) {
                mapping.remove("DestinationConfig");
            }
            return;
        }
        Map<String, Node> of = new LinkedHashMap<>(onFailure.entries());
        of.remove("Type");
        mapping.put("DestinationConfig", Obj.of(ordered("OnFailure", Obj.of(of, onFailure.pos())), dc.pos()));
        boolean sqs = "SQS".equals(t.text());
        destinationPolicies.add(policy(id + (sqs ? "SQSPolicy" : "SNSPolicy"), Obj.of(ordered("Statement", new Node.Seq(List.of(
                statement(sqs ? "sqs:SendMessage" : "sns:publish", onFailure.get("Destination"))), fn.pos())), fn.pos())));
    }

    private static Node sourceArn(Node api) {
        return new Node.Obj(Map.of("Fn::Sub", new Node.Seq(List.of(
                Node.Scalar.of("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/*"),
                Obj.of(Map.of("__ApiId__", api), api.pos())), api.pos())), Map.of(), api.pos());
    }

    /** The S3 events of functions, by the logical id of the bucket they name: SAM writes them into the bucket's notifications. */
    private final Map<String, List<Node>> s3Events = new LinkedHashMap<>();

    private void s3Notification(Template.Resource fn, String event, Node.Obj p) {
        Node bucket = p.get("Bucket");
        String bucketId = bucket instanceof Node.Obj o && "Ref".equals(o.function()) && o.get("Ref") instanceof Node.Scalar s ? s.text() : null;
        Template.Resource named = bucketId == null ? null : template.resources().get(bucketId);
        if (named == null || !"AWS::S3::Bucket".equals(named.type())) {
            warnings.add(fn.id() + ": S3 event " + event + " names no AWS::S3::Bucket of this template with Ref (SAM requires one);"
                    + " the bucket's notification is not added");
            return;
        }
        List<Node> kinds = p.get("Events") instanceof Node.Seq seq ? seq.items() : p.get("Events") == null ? List.of() : List.of(p.get("Events"));
        for (Node kind : kinds) {
            Map<String, Node> c = new LinkedHashMap<>();
            c.put("Event", kind);
            c.put("Function", getAtt(fn.id(), "Arn"));
            put(c, "Filter", p.get("Filter"));
            s3Events.computeIfAbsent(bucketId, k -> new ArrayList<>()).add(Obj.of(c, p.pos()));
        }
    }

    /** Each bucket an S3 event names gets NotificationConfiguration.LambdaConfigurations, after those it has. */
    private void notifyBuckets() {
        s3Events.forEach((bucketId, configurations) -> {
            Template.Resource bucket = out.get(bucketId);
            if (bucket == null) {
                return;
            }
            Map<String, Node> props = new LinkedHashMap<>(bucket.propertyMap().entries());
            Map<String, Node> notification = props.get("NotificationConfiguration") instanceof Node.Obj n ? new LinkedHashMap<>(n.entries())
                    : new LinkedHashMap<>();
            List<Node> lambdas = new ArrayList<>(notification.get("LambdaConfigurations") instanceof Node.Seq seq ? seq.items() : List.of());
            lambdas.addAll(configurations);
            notification.put("LambdaConfigurations", new Node.Seq(lambdas, bucket.pos()));
            props.put("NotificationConfiguration", Obj.of(notification, bucket.pos()));
            out.put(bucketId, bucket.withProperties(Obj.of(props, bucket.pos())));
        });
    }

    private Template.Resource permission(Template.Resource fn, String id, String principal, Node sourceArn) {
        return permission(fn, id, principal, sourceArn, null);
    }

    private Template.Resource permission(Template.Resource fn, String id, String principal, Node sourceArn, Node sourceAccount) {
        Map<String, Node> m = new LinkedHashMap<>();
        m.put("Action", Node.Scalar.of("lambda:InvokeFunction"));
        m.put("FunctionName", ref(fn.id()));
        m.put("Principal", Node.Scalar.of(principal));
        put(m, "SourceAccount", sourceAccount);
        put(m, "SourceArn", sourceArn);
        return derived(fn, id, "AWS::Lambda::Permission", m);
    }

    // ---------------------------------------------------------------- APIs, tables, state machines, layers

    private void restApi(Template.Resource r, String id) {
        Node.Obj p = r.propertyMap();
        Map<String, Node> api = new LinkedHashMap<>();
        api.put("Name", p.get("Name") != null ? p.get("Name") : ref("AWS::StackName"));
        for (String k : List.of("BinaryMediaTypes", "MinimumCompressionSize", "Mode", "ApiKeySourceType",
                "DisableExecuteApiEndpoint", "Description", "FailOnWarnings")) {
            put(api, k, p.get(k));
        }
        put(api, "Body", p.get("DefinitionBody"));
        if (p.get("DefinitionUri") != null) {
            api.put("BodyS3Location", s3Location(p.get("DefinitionUri"), "Bucket", "Key", "Version"));
        }
        if (p.get("EndpointConfiguration") instanceof Node.Obj ec) {
            Map<String, Node> e = new LinkedHashMap<>();
            if (ec.get("Type") != null) {
                e.put("Types", new Node.Seq(List.of(ec.get("Type")), ec.pos()));
            }
            put(e, "VpcEndpointIds", ec.get("VPCEndpointIds"));
            api.put("EndpointConfiguration", Obj.of(e, ec.pos()));
        } else if (p.get("EndpointConfiguration") instanceof Node.Scalar s) {
            api.put("EndpointConfiguration", Obj.of(Map.of("Types", new Node.Seq(List.of(s), s.pos())), s.pos()));
        }
        notExpanded(id, p, true);
        if (p.get("Tags") != null) {
            api.put("Tags", tagList(p.get("Tags"), null));
        }
        out.put(id, new Template.Resource(id, "AWS::ApiGateway::RestApi", Obj.of(api, r.pos()), r.condition(), r.dependsOn(),
                r.metadata(), r.pos(), id.equals(r.id()) ? "created by SAM from AWS::Serverless::Api " + id
                : "created by SAM for the Api events of " + r.id()));
        Node stageName = p.get("StageName") != null ? p.get("StageName") : Node.Scalar.of("Prod");
        // SAM's deployment also creates a stage named Stage, unless OpenApiVersion is set: "Setting this property to
        // any valid value will also remove the stage Stage that SAM creates" (AWS::Serverless::Api)
        Map<String, Node> deployment = new LinkedHashMap<>();
        deployment.put("RestApiId", ref(id));
        deployment.put("Description", Node.Scalar.of("RestApi deployment"));
        if (p.get("OpenApiVersion") == null) {
            deployment.put("StageName", Node.Scalar.of("Stage"));
        }
        out.put(id + "Deployment", derived(r, id + "Deployment", "AWS::ApiGateway::Deployment", deployment));
        Map<String, Node> stage = new LinkedHashMap<>();
        stage.put("DeploymentId", ref(id + "Deployment"));
        stage.put("RestApiId", ref(id));
        stage.put("StageName", stageName);
        put(stage, "AccessLogSetting", p.get("AccessLogSetting"));
        put(stage, "CacheClusterEnabled", p.get("CacheClusterEnabled"));
        put(stage, "CacheClusterSize", p.get("CacheClusterSize"));
        put(stage, "MethodSettings", p.get("MethodSettings"));
        put(stage, "TracingEnabled", p.get("TracingEnabled"));
        put(stage, "Variables", p.get("Variables"));
        put(stage, "CanarySetting", p.get("CanarySetting"));
        if (p.get("Tags") != null) {
            stage.put("Tags", tagList(p.get("Tags"), null));
        }
        String stageId = id + (stageName instanceof Node.Scalar s && s.text() != null ? s.text().replaceAll("[^A-Za-z0-9]", "") : "")
                + "Stage";
        out.put(stageId, derived(r, stageId, "AWS::ApiGateway::Stage", stage));
    }

    private void httpApi(Template.Resource r, String id) {
        Node.Obj p = r.propertyMap();
        Map<String, Node> api = new LinkedHashMap<>(); // name, CORS and tags go into the OpenAPI body SAM generates
        put(api, "Body", p.get("DefinitionBody"));
        if (p.get("DefinitionUri") != null) {
            api.put("BodyS3Location", s3Location(p.get("DefinitionUri"), "Bucket", "Key", "Version"));
        }
        put(api, "DisableExecuteApiEndpoint", p.get("DisableExecuteApiEndpoint"));
        put(api, "Description", p.get("Description"));
        put(api, "FailOnWarnings", p.get("FailOnWarnings"));
        notExpanded(id, p, false);
        out.put(id, new Template.Resource(id, "AWS::ApiGatewayV2::Api", Obj.of(api, r.pos()), r.condition(), r.dependsOn(),
                r.metadata(), r.pos(), id.equals(r.id()) ? "created by SAM from AWS::Serverless::HttpApi " + id
                : "created by SAM for the HttpApi events of " + r.id()));
        Map<String, Node> stage = new LinkedHashMap<>();
        stage.put("ApiId", ref(id));
        stage.put("AutoDeploy", Node.Scalar.of("true"));
        stage.put("StageName", p.get("StageName") != null ? p.get("StageName") : Node.Scalar.of("$default"));
        put(stage, "AccessLogSettings", p.get("AccessLogSettings"));
        put(stage, "DefaultRouteSettings", p.get("DefaultRouteSettings"));
        put(stage, "RouteSettings", routeSettings(id, p.get("RouteSettings")));
        put(stage, "StageVariables", p.get("StageVariables"));
        stage.put("Tags", tagMap(p.get("Tags"), "httpapi:createdBy"));
        String stageId = id + (p.get("StageName") instanceof Node.Scalar s && s.text() != null
                ? s.text().replaceAll("[^A-Za-z0-9]", "") + "Stage" : "ApiGatewayDefaultStage");
        out.put(stageId, derived(r, stageId, "AWS::ApiGatewayV2::Stage", stage));
    }

    /**
     * A warning for each part of a SAM API srm does not expand (SAM creates resources or methods for
     * them that srm does not build): authorizers, usage plans and API keys, resource policies, custom
     * domains. Their settings (an authorizer's type, a domain's TLS security policy) are not judged;
     * without a word they vanished and the report looked complete.
     */
    private void notExpanded(String id, Node.Obj p, boolean rest) {
        String type = rest ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
        if (p.get("Auth") instanceof Node.Obj auth) {
            if (auth.get("Authorizers") != null || auth.get("DefaultAuthorizer") != null) {
                warnings.add(id + " (" + type + "): SAM's Auth.Authorizers and DefaultAuthorizer are not expanded; the API's"
                        + " authorizers and the methods they protect are not evaluated");
            }
            if (rest && (auth.get("UsagePlan") != null || auth.get("ApiKeyRequired") != null)) {
                warnings.add(id + " (" + type + "): SAM's Auth.UsagePlan and ApiKeyRequired (usage plan, API key) are not expanded");
            }
            if (rest && auth.get("ResourcePolicy") != null) {
                warnings.add(id + " (" + type + "): SAM's Auth.ResourcePolicy is not expanded into a resource policy");
            }
        }
        if (p.get("Domain") != null) {
            warnings.add(id + " (" + type + "): SAM's Domain (custom domain name, base path mapping, Route 53 records) is not"
                    + " expanded; its TLS security policy and certificate are not evaluated");
        }
    }

    /** A stage's RouteSettings, with what each HttpApi event of a function sets for its route merged in (the event wins). */
    private Node routeSettings(String apiId, Node stageSettings) {
        Map<String, Node> routes = new LinkedHashMap<>(stageSettings instanceof Node.Obj o && o.function() == null ? o.entries() : Map.of());
        for (Template.Resource r : template.resources().values()) {
            if (!"AWS::Serverless::Function".equals(r.type()) || !(r.propertyMap().get("Events") instanceof Node.Obj events)) {
                continue;
            }
            for (Node e : events.entries().values()) {
                Node.Obj ev = e instanceof Node.Obj o ? o : Template.EMPTY;
                Node.Obj props = ev.get("Properties") instanceof Node.Obj o ? o : Template.EMPTY;
                boolean mine = "HttpApi".equals(ev.get("Type") instanceof Node.Scalar s ? s.text() : null)
                        && (props.get("ApiId") == null ? apiId.equals("ServerlessHttpApi") : refersTo(props.get("ApiId"), apiId));
                if (mine && props.get("RouteSettings") != null) {
                    String route = props.get("Path") == null ? "$default" : (text(props.get("Method"), "ANY").toUpperCase(java.util.Locale.ROOT)
                            + " " + text(props.get("Path"), "/"));
                    routes.put(route, merge(routes.getOrDefault(route, Template.EMPTY), props.get("RouteSettings")));
                }
            }
        }
        return routes.isEmpty() ? stageSettings : Obj.of(routes, stageSettings == null ? Node.Pos.NONE : stageSettings.pos());
    }

    private static boolean refersTo(Node n, String id) {
        return n instanceof Node.Obj o && o.get("Ref") instanceof Node.Scalar s && id.equals(s.text());
    }

    private static String text(Node n, String fallback) {
        return n instanceof Node.Scalar s && s.text() != null ? s.text() : fallback;
    }

    private void simpleTable(Template.Resource r) {
        Node.Obj p = r.propertyMap();
        Node.Obj key = p.get("PrimaryKey") instanceof Node.Obj k ? k : Template.EMPTY;
        Node name = key.get("Name") != null ? key.get("Name") : Node.Scalar.of("id");
        Node type = key.get("Type") instanceof Node.Scalar t && t.text() != null
                ? new Node.Scalar(switch (t.text()) {
                    case "Number" -> "N";
                    case "Binary" -> "B";
                    default -> "S";
                }, t.pos()) : Node.Scalar.of("S");
        Map<String, Node> table = new LinkedHashMap<>();
        table.put("AttributeDefinitions", new Node.Seq(List.of(Obj.of(Map.of("AttributeName", name, "AttributeType", type),
                r.pos())), r.pos()));
        table.put("KeySchema", new Node.Seq(List.of(Obj.of(Map.of("AttributeName", name, "KeyType", Node.Scalar.of("HASH")),
                r.pos())), r.pos()));
        if (p.get("ProvisionedThroughput") != null) {
            table.put("ProvisionedThroughput", p.get("ProvisionedThroughput"));
        } else {
            table.put("BillingMode", Node.Scalar.of("PAY_PER_REQUEST"));
        }
        put(table, "SSESpecification", p.get("SSESpecification"));
        put(table, "TableName", p.get("TableName"));
        put(table, "PointInTimeRecoverySpecification", p.get("PointInTimeRecoverySpecification"));
        if (p.get("Tags") != null) {
            table.put("Tags", tagList(p.get("Tags"), null));
        }
        out.put(r.id(), new Template.Resource(r.id(), "AWS::DynamoDB::Table", Obj.of(table, r.pos()), r.condition(), r.dependsOn(),
                r.metadata(), r.pos(), "created by SAM from AWS::Serverless::SimpleTable " + r.id()));
    }

    private void stateMachine(Template.Resource r) {
        Node.Obj p = r.propertyMap();
        Map<String, Node> sm = new LinkedHashMap<>();
        put(sm, "StateMachineName", p.get("Name"));
        put(sm, "StateMachineType", p.get("Type"));
        put(sm, "Definition", p.get("Definition"));
        put(sm, "DefinitionSubstitutions", p.get("DefinitionSubstitutions"));
        if (p.get("DefinitionUri") != null) {
            sm.put("DefinitionS3Location", s3Location(p.get("DefinitionUri"), "Bucket", "Key", "Version"));
        }
        put(sm, "LoggingConfiguration", p.get("Logging"));
        put(sm, "TracingConfiguration", p.get("Tracing"));
        if (p.get("Role") != null) {
            sm.put("RoleArn", p.get("Role"));
        } else {
            sm.put("RoleArn", getAtt(r.id() + "Role", "Arn"));
            Map<String, Node> role = new LinkedHashMap<>();
            role.put("AssumeRolePolicyDocument", assumeRole("states.amazonaws.com"));
            List<Node> managed = new ArrayList<>();
            List<Node> inline = new ArrayList<>();
            policies(r, p.get("Policies"), r.id() + "Role", managed, inline);
            rolePolicies(role, r, p, managed, inline, "stateMachine:createdBy");
            out.put(r.id() + "Role", derived(r, r.id() + "Role", "AWS::IAM::Role", role));
        }
        sm.put("Tags", tagList(p.get("Tags"), "stateMachine:createdBy"));
        out.put(r.id(), new Template.Resource(r.id(), "AWS::StepFunctions::StateMachine", Obj.of(sm, r.pos()), r.condition(),
                r.dependsOn(), r.metadata(), r.pos(), "created by SAM from AWS::Serverless::StateMachine " + r.id()));
        if (p.get("Events") instanceof Node.Obj events && !events.entries().isEmpty()) {
            warnings.add(r.id() + ": the event sources of a SAM state machine are not expanded");
        }
    }

    private void layer(Template.Resource r) {
        Node.Obj p = r.propertyMap();
        Map<String, Node> l = new LinkedHashMap<>();
        if (p.get("ContentUri") != null) {
            l.put("Content", s3Location(p.get("ContentUri"), "S3Bucket", "S3Key", "S3ObjectVersion"));
        }
        l.put("LayerName", p.get("LayerName") != null ? p.get("LayerName") : Node.Scalar.of(r.id()));
        for (String k : List.of("CompatibleArchitectures", "CompatibleRuntimes", "Description", "LicenseInfo")) {
            put(l, k, p.get(k));
        }
        out.put(r.id(), new Template.Resource(r.id(), "AWS::Lambda::LayerVersion", Obj.of(l, r.pos()), r.condition(),
                r.dependsOn(), r.metadata(), r.pos(), "created by SAM from AWS::Serverless::LayerVersion " + r.id()));
    }

    private void application(Template.Resource r) {
        Node.Obj p = r.propertyMap();
        Map<String, Node> s = new LinkedHashMap<>();
        Node location = p.get("Location");
        if (location instanceof Node.Scalar) {
            s.put("TemplateURL", location);
        } else if (location != null) {
            s.put("TemplateURL", new Node.Unknown("a Serverless Application Repository application, resolved at deploy time",
                    location.pos()));
        }
        put(s, "Parameters", p.get("Parameters"));
        put(s, "NotificationARNs", p.get("NotificationARNs"));
        put(s, "TimeoutInMinutes", p.get("TimeoutInMinutes"));
        if (p.get("Tags") != null) {
            s.put("Tags", tagList(p.get("Tags"), null));
        }
        out.put(r.id(), new Template.Resource(r.id(), "AWS::CloudFormation::Stack", Obj.of(s, r.pos()), r.condition(),
                r.dependsOn(), r.metadata(), r.pos(), "created by SAM from AWS::Serverless::Application " + r.id()));
    }

    // ---------------------------------------------------------------- helpers

    private static Template.Resource derived(Template.Resource from, String id, String type, Map<String, Node> properties) {
        return new Template.Resource(id, type, Obj.of(properties, from.pos()), from.condition(), List.of(), Template.EMPTY,
                from.pos(), "created by SAM for " + from.type() + " " + from.id());
    }

    private static Node assumeRole(String service) {
        Node statement = Obj.of(Map.of(
                "Action", new Node.Seq(List.of(Node.Scalar.of("sts:AssumeRole")), Node.Pos.NONE),
                "Effect", Node.Scalar.of("Allow"),
                "Principal", Obj.of(Map.of("Service", new Node.Seq(List.of(Node.Scalar.of(service)), Node.Pos.NONE)), Node.Pos.NONE)),
                Node.Pos.NONE);
        return Obj.of(ordered("Statement", new Node.Seq(List.of(statement), Node.Pos.NONE), "Version", Node.Scalar.of("2012-10-17")),
                Node.Pos.NONE);
    }

    private static Node statement(String action, Node resource) {
        return Obj.of(ordered("Action", Node.Scalar.of(action), "Effect", Node.Scalar.of("Allow"), "Resource", resource),
                Node.Pos.NONE);
    }

    private static Node statements(List<Node> statements) {
        return Obj.of(ordered("Statement", new Node.Seq(statements, Node.Pos.NONE), "Version", Node.Scalar.of("2012-10-17")),
                Node.Pos.NONE);
    }

    private static Node policy(String name, Node document) {
        return Obj.of(ordered("PolicyName", Node.Scalar.of(name), "PolicyDocument", document), document.pos());
    }

    private static Map<String, Node> ordered(Object... kv) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Node) kv[i + 1]);
        }
        return m;
    }

    private static Node ref(String id) {
        return Obj.of(Map.of("Ref", Node.Scalar.of(id)), Node.Pos.NONE);
    }

    private static Node getAtt(String id, String attribute) {
        return Obj.of(Map.of("Fn::GetAtt", new Node.Seq(List.of(Node.Scalar.of(id), Node.Scalar.of(attribute)), Node.Pos.NONE)),
                Node.Pos.NONE);
    }

    /** SAM's tags (a map) as CloudFormation's list of Key/Value, with SAM's own tag first when it adds one. */
    private static Node tagList(Node tags, String samTag) {
        List<Node> out = new ArrayList<>();
        if (samTag != null) {
            out.add(Obj.of(ordered("Key", Node.Scalar.of(samTag), "Value", Node.Scalar.of("SAM")), Node.Pos.NONE));
        }
        if (tags instanceof Node.Obj o && o.function() == null) {
            o.entries().forEach((k, v) -> out.add(Obj.of(ordered("Key", new Node.Scalar(k, o.keyPos(k)), "Value", v), o.keyPos(k))));
        }
        return new Node.Seq(out, tags == null ? Node.Pos.NONE : tags.pos());
    }

    private static Node tagMap(Node tags, String samTag) {
        Map<String, Node> m = new LinkedHashMap<>();
        m.put(samTag, Node.Scalar.of("SAM"));
        if (tags instanceof Node.Obj o && o.function() == null) {
            m.putAll(o.entries());
        }
        return Obj.of(m, tags == null ? Node.Pos.NONE : tags.pos());
    }

    private static Node fromJson(JsonNode j, Node.Pos pos) {
        if (j.isObject()) {
            Map<String, Node> m = new LinkedHashMap<>();
            j.fields().forEachRemaining(e -> m.put(e.getKey(), fromJson(e.getValue(), pos)));
            return Obj.of(m, pos);
        }
        if (j.isArray()) {
            List<Node> items = new ArrayList<>();
            j.forEach(i -> items.add(fromJson(i, pos)));
            return new Node.Seq(items, pos);
        }
        return new Node.Scalar(j.isNull() ? null : j.asText(), pos);
    }

    private static JsonNode policyTemplates() {
        if (policyTemplates == null) {
            policyTemplates = load("srm/cloudformation/sam-policy-templates.json");
        }
        return policyTemplates;
    }

    private static Map<String, String> managedPaths() {
        if (managedPaths == null) {
            Map<String, String> m = new LinkedHashMap<>();
            load("srm/cloudformation/sam-managed-policy-paths.json").path("paths").fields()
                    .forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            managedPaths = Map.copyOf(m);
        }
        return managedPaths;
    }

    private static JsonNode load(String resource) {
        try (InputStream in = SamTransform.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Short name for building maps. */
    private static final class Obj {
        private Obj() {
        }

        /** A map in a stable order: as built (LinkedHashMap) or, for Map.of, sorted by key. */
        static Node.Obj of(Map<String, Node> m, Node.Pos pos) {
            return Node.Obj.of(m instanceof LinkedHashMap ? m : new java.util.TreeMap<>(m), pos);
        }
    }
}
