package dev.srm.input.cloudformation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of one template where the template decides the value:
 * parameters and pseudo parameters, mappings, conditions, {@code Fn::Sub}/{@code Fn::Join}/
 * {@code Fn::Select}/{@code Fn::Split}/{@code Fn::Cidr} over known parts. {@code Ref} and
 * {@code Fn::GetAtt} to a resource of the template give its logical id (with the nested
 * stack's prefix), so that settings that point at another resource name it. Whatever only a
 * deployment decides ({@code Fn::ImportValue}, {@code Fn::GetAZs}, an SSM parameter, a
 * condition on such a value) becomes a {@link Node.Unknown} naming the intrinsic behind it.
 */
final class Resolver {
    /** Whether a condition holds: {@code value} is null when it cannot be decided, and {@code reason} says why. */
    record Truth(Boolean value, String reason) {
        static final Truth TRUE = new Truth(true, null);
        static final Truth FALSE = new Truth(false, null);

        static Truth of(boolean b) {
            return b ? TRUE : FALSE;
        }

        boolean decided() {
            return value != null;
        }
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DYNAMIC_REFERENCE = Pattern.compile("\\{\\{resolve:(ssm|ssm-secure|secretsmanager):[^}]*}}");

    private final Template template;
    private final Map<String, Node> parameters;
    private final Map<String, Node> pseudo;
    private final Set<String> placeholders;
    private final String prefix;
    private final BiFunction<String, String, Node> stackOutput;
    private final Map<String, Truth> conditions = new LinkedHashMap<>();
    private final List<String> evaluating = new ArrayList<>();
    private final Map<String, String> dropped = new LinkedHashMap<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    /**
     * @param parameters  the value of every declared parameter (a scalar, a list or unknown)
     * @param pseudo      the pseudo parameters' values
     * @param placeholders the pseudo parameters whose value is srm's placeholder: a condition comparing one is undecided
     * @param prefix      put before every logical id a reference resolves to (a nested stack's {@code Stack/})
     * @param stackOutput the value of output {@code name} of nested stack {@code id}, or null when it is not followed
     */
    Resolver(Template template, Map<String, Node> parameters, Map<String, Node> pseudo, Set<String> placeholders, String prefix,
             BiFunction<String, String, Node> stackOutput) {
        this.template = template;
        this.parameters = parameters;
        this.pseudo = pseudo;
        this.placeholders = placeholders;
        this.prefix = prefix;
        this.stackOutput = stackOutput;
    }

    /** What resolving found worth saying: references to nothing, unsupported functions, macros. */
    Set<String> warnings() {
        return warnings;
    }

    /** Records that a resource does not exist because its condition is false (references to it are unknown). */
    void drop(String id, String condition) {
        dropped.put(id, condition);
    }

    // ---------------------------------------------------------------- conditions

    /** Decides a named condition of the template; a condition that refers to itself is an error. */
    Truth condition(String name, Node.Pos at) {
        Truth known = conditions.get(name);
        if (known != null) {
            return known;
        }
        Node expr = template.conditions().get(name);
        if (expr == null) {
            throw new TemplateError(at, "condition '" + name + "' is not declared under Conditions"
                    + (template.conditions().entries().isEmpty() ? "" : " (it declares " + String.join(", ",
                    template.conditions().entries().keySet()) + ")"));
        }
        if (evaluating.contains(name)) {
            List<String> cycle = new ArrayList<>(evaluating.subList(evaluating.indexOf(name), evaluating.size()));
            cycle.add(name);
            throw new TemplateError(template.conditions().keyPos(name), "/Conditions/" + name + ": circular condition "
                    + String.join(" -> ", cycle) + "; CloudFormation rejects the template");
        }
        evaluating.add(name);
        Truth t;
        try {
            t = truth(expr);
        } finally {
            evaluating.remove(evaluating.size() - 1);
        }
        conditions.put(name, t);
        return t;
    }

    private Truth truth(Node expr) {
        if (expr instanceof Node.Obj o && o.entries().size() == 1) {
            String f = o.entries().keySet().iterator().next();
            Node arg = o.get(f);
            switch (f) {
                case "Condition":
                    return arg instanceof Node.Scalar s && s.text() != null ? condition(s.text(), arg.pos())
                            : new Truth(null, "a Condition that is not a name");
                case "Fn::Equals": {
                    List<Node> args = args(arg, 2);
                    if (args == null) {
                        return new Truth(null, "an Fn::Equals without two values");
                    }
                    String placeholder = placeholderIn(arg);
                    if (placeholder != null) {
                        return new Truth(null, placeholder + " is a value of the deployment (srm's placeholder is '"
                                + Resolver.shown(pseudo.get(placeholder)).replace("'", "") + "'; give --parameter " + placeholder + "=VALUE)");
                    }
                    Node a = resolve(args.get(0));
                    Node b = resolve(args.get(1));
                    if (a instanceof Node.Unknown u) {
                        return new Truth(null, u.reason());
                    }
                    if (b instanceof Node.Unknown u) {
                        return new Truth(null, u.reason());
                    }
                    return Truth.of(shown(a).equals(shown(b)));
                }
                case "Fn::Not": {
                    List<Node> args = args(arg, 1);
                    Truth t = args == null ? new Truth(null, "an Fn::Not without one condition") : truth(args.get(0));
                    return t.decided() ? Truth.of(!t.value()) : t;
                }
                case "Fn::And", "Fn::Or": {
                    boolean and = f.equals("Fn::And");
                    if (!(arg instanceof Node.Seq seq)) {
                        return new Truth(null, "an " + f + " without a list of conditions");
                    }
                    String undecided = null;
                    for (Node item : seq.items()) {
                        Truth t = truth(item);
                        if (!t.decided()) {
                            undecided = undecided == null ? t.reason() : undecided;
                        } else if (t.value() != and) {
                            return Truth.of(!and);
                        }
                    }
                    return undecided == null ? Truth.of(and) : new Truth(null, undecided);
                }
                default:
                    break;
            }
        }
        Node v = resolve(expr);
        if (v instanceof Node.Scalar s && ("true".equalsIgnoreCase(s.text()) || "false".equalsIgnoreCase(s.text()))) {
            return Truth.of(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT)));
        }
        return new Truth(null, v instanceof Node.Unknown u ? u.reason() : "a condition srm cannot read");
    }

    /** A pseudo parameter with a placeholder value that an expression refers to ({@code Ref}, {@code ${...}} of Fn::Sub), or null. */
    private String placeholderIn(Node n) {
        if (placeholders.isEmpty()) {
            return null;
        }
        if (n instanceof Node.Obj o) {
            if (o.get("Ref") instanceof Node.Scalar r && placeholders.contains(r.text())) {
                return r.text();
            }
            Node sub = o.get("Fn::Sub");
            Node text = sub instanceof Node.Seq seq && !seq.items().isEmpty() ? seq.items().get(0) : sub;
            if (o.entries().size() == 1 && text instanceof Node.Scalar t && t.text() != null) {
                Matcher m = SUB_VARIABLE.matcher(t.text());
                while (m.find()) {
                    if (placeholders.contains(m.group(1).trim())) {
                        return m.group(1).trim();
                    }
                }
            }
            return o.entries().values().stream().map(this::placeholderIn).filter(x -> x != null).findFirst().orElse(null);
        }
        return n instanceof Node.Seq s ? s.items().stream().map(this::placeholderIn).filter(x -> x != null).findFirst().orElse(null)
                : null;
    }

    private static List<Node> args(Node arg, int n) {
        return arg instanceof Node.Seq s && s.items().size() == n ? s.items() : null;
    }

    // ---------------------------------------------------------------- values

    /** The value with every intrinsic function resolved (or unknown); {@code AWS::NoValue} entries are removed. */
    Node resolve(Node n) {
        if (n instanceof Node.Obj o) {
            String f = o.function();
            if (f != null) {
                return call(f, o.get(f), o.pos());
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : o.entries().entrySet()) {
                Node r = resolve(e.getValue());
                if (!(r instanceof Node.Absent)) {
                    out.put(e.getKey(), r);
                }
            }
            return new Node.Obj(out, o.keys(), o.pos());
        }
        if (n instanceof Node.Seq s) {
            List<Node> out = new ArrayList<>();
            for (Node item : s.items()) {
                Node r = resolve(item);
                if (!(r instanceof Node.Absent)) {
                    out.add(r);
                }
            }
            return new Node.Seq(out, s.pos());
        }
        return n instanceof Node.Scalar s ? dynamicReference(s) : n;
    }

    private Node call(String f, Node arg, Node.Pos pos) {
        return switch (f) {
            case "Ref" -> {
                // a Ref to Fn::Sub of a name: how a Fn::ForEach copy names a resource of its own loop
                Node target = arg instanceof Node.Obj o && o.function() != null ? resolve(arg) : arg;
                yield target instanceof Node.Scalar s && s.text() != null ? ref(s.text(), pos)
                        : target instanceof Node.Unknown u ? derived("Ref", u, pos) : unknown("a Ref whose target is not a name", pos);
            }
            case "Fn::GetAtt" -> getAtt(arg, pos);
            case "Fn::Sub" -> sub(arg, pos);
            case "Fn::Join" -> join(arg, pos);
            case "Fn::Select" -> select(arg, pos);
            case "Fn::Split" -> split(arg, pos);
            case "Fn::If" -> fnIf(arg, pos);
            case "Fn::FindInMap" -> findInMap(arg, pos);
            case "Fn::ImportValue" -> {
                Node name = resolve(arg);
                yield new Node.Unknown("Fn::ImportValue " + (name instanceof Node.Scalar s ? "'" + s.text() + "'" : "(a computed name)")
                        + ": a value another stack exports, known only at deploy time", pos);
            }
            case "Fn::GetAZs" -> new Node.Unknown("Fn::GetAZs " + azsRegion(resolve(arg))
                    + ": the account's Availability Zones are known only at deploy time", pos);
            case "Fn::GetStackOutput" -> {
                Node a = resolve(arg);
                String name = a instanceof Node.Obj o ? Resolver.shown(o) : Template.kind(a);
                yield new Node.Unknown("Fn::GetStackOutput " + name + ": an output of another stack, known only at deploy time", pos);
            }
            case "Fn::Base64" -> resolve(arg); // kept readable: rules read user data as text
            case "Fn::Cidr" -> cidr(arg, pos);
            case "Fn::Transform" -> {
                Node call = arg instanceof Node.Seq seq && seq.items().size() == 1 ? seq.items().get(0) : arg;
                String macro = call instanceof Node.Obj o && o.get("Name") instanceof Node.Scalar s ? s.text() : "(unnamed)";
                warnings.add("Fn::Transform at line " + pos.line() + " calls the macro '" + macro
                        + "', which runs at deploy time; the value it makes is unknown to srm");
                yield new Node.Unknown("Fn::Transform: the macro '" + macro + "' makes this value at deploy time", pos);
            }
            case "Fn::ToJsonString" -> {
                Node v = resolve(arg);
                String unknown = firstUnknown(v);
                yield unknown != null ? new Node.Unknown("Fn::ToJsonString of " + shown(v), pos) : new Node.Scalar(toJson(v).toString(), pos);
            }
            case "Fn::Length" -> {
                Node v = resolve(arg);
                yield v instanceof Node.Seq s ? new Node.Scalar(Integer.toString(s.items().size()), pos)
                        : v instanceof Node.Unknown u ? derived("Fn::Length", u, pos) : unknown("an Fn::Length of something that is not a list", pos);
            }
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> {
                Truth t = truth(new Node.Obj(Map.of(f, arg), Map.of(), pos));
                yield t.decided() ? new Node.Scalar(t.value().toString(), pos) : new Node.Unknown(t.reason(), pos);
            }
            default -> {
                warnings.add("line " + pos.line() + ": srm does not resolve the intrinsic function " + f
                        + "; the value it makes is unknown");
                yield new Node.Unknown(f + ": an intrinsic function srm does not resolve", pos);
            }
        };
    }

    /** A dynamic reference ({@code {{resolve:ssm:...}}}, {@code {{resolve:secretsmanager:...}}}) is read at deploy time. */
    private static Node dynamicReference(Node.Scalar s) {
        if (s.text() == null) {
            return s;
        }
        Matcher m = DYNAMIC_REFERENCE.matcher(s.text());
        return m.find() ? new Node.Unknown("the dynamic reference " + m.group() + ", which CloudFormation resolves at deploy time",
                s.pos()) : s;
    }

    /**
     * The unknown a function makes of an unknown argument. Its reason names the call: two settings
     * hold the same unknown text only when they are the same expression over the same unknowns, so
     * that rules that join resources by value (a bucket policy's Bucket and a bucket's BucketName)
     * never take {@code !Sub '${App}-site'} for the {@code !Sub '${App}-data'} of another bucket.
     */
    /**
     * Which Region's zones an Fn::GetAZs lists, in its unknown value's words: "" and the stack's own
     * Region are one list (so that !Select [0, !GetAZs ''] and !Select [1, !GetAZs !Ref AWS::Region]
     * are two zones of it), another Region's name another list.
     */
    private String azsRegion(Node region) {
        if (!(region instanceof Node.Scalar r)) {
            return "(a Region the input does not show)";
        }
        String stack = pseudo.get("AWS::Region") instanceof Node.Scalar own ? own.text() : null;
        return r.text() == null || r.text().isEmpty() || r.text().equals(stack) ? "(the stack's Region)" : "'" + r.text() + "'";
    }

    private static Node.Unknown derived(String call, Node.Unknown from, Node.Pos pos) {
        return new Node.Unknown(call + ": " + from.reason(), pos);
    }

    private Node unknown(String what, Node.Pos pos) {
        warnings.add("line " + pos.line() + ": " + what + "; the value is unknown");
        return new Node.Unknown(what, pos);
    }

    /** The value a Ref gives: a parameter's value, a pseudo parameter's, or a resource's logical id. */
    Node ref(String name, Node.Pos pos) {
        Node p = pseudo.get(name);
        if (p != null) {
            return p instanceof Node.Absent ? p : at(p, pos);
        }
        Node v = parameters.get(name);
        if (v != null) {
            return at(v, pos);
        }
        Node r = resource(name, pos);
        if (r != null) {
            return r;
        }
        int dot = name.indexOf('.');
        if (dot > 0 && template.resources().containsKey(name.substring(0, dot))) { // SAM: MyApi.Stage, MyFunction.Alias
            return resource(name.substring(0, dot), pos);
        }
        return unknown("Ref to '" + name + "', which is neither a parameter nor a resource of the template", pos);
    }

    private Node resource(String id, Node.Pos pos) {
        if (dropped.containsKey(id)) {
            return new Node.Unknown("a reference to resource " + id + ", which does not exist because condition '"
                    + dropped.get(id) + "' is false", pos);
        }
        return template.resources().containsKey(id) ? new Node.Scalar(prefix + id, pos) : null;
    }

    private Node getAtt(Node arg, Node.Pos pos) {
        String id;
        Node attribute;
        Node first = arg instanceof Node.Seq s && s.items().size() == 2 ? s.items().get(0) : null;
        if (first instanceof Node.Obj o && o.function() != null) { // Fn::GetAtt [!Sub 'Bucket${Name}', Arn] in a Fn::ForEach copy
            first = resolve(first);
            if (first instanceof Node.Unknown u) {
                return derived("Fn::GetAtt", u, pos);
            }
        }
        if (first instanceof Node.Scalar a) {
            id = a.text();
            attribute = resolve(((Node.Seq) arg).items().get(1));
        } else if (arg instanceof Node.Scalar s && s.text() != null && s.text().contains(".")) {
            id = s.text().substring(0, s.text().indexOf('.'));
            attribute = Node.Scalar.of(s.text().substring(s.text().indexOf('.') + 1));
        } else {
            return unknown("an Fn::GetAtt that is not [logical id, attribute]", pos);
        }
        String attr = attribute instanceof Node.Scalar s ? s.text() : null;
        Template.Resource target = template.resources().get(id);
        if (target != null && stackOutput != null && attr != null && attr.startsWith("Outputs.")
                && target.type().equals("AWS::CloudFormation::Stack") && !dropped.containsKey(id)) {
            Node out = stackOutput.apply(id, attr.substring("Outputs.".length()));
            if (out != null) {
                return at(out, pos);
            }
        }
        Node r = resource(id, pos);
        return r != null ? r : unknown("Fn::GetAtt on '" + id + "', which is not a resource of the template", pos);
    }

    private Node sub(Node arg, Node.Pos pos) {
        String text;
        Map<String, Node> variables = new LinkedHashMap<>();
        if (arg instanceof Node.Scalar s && s.text() != null) {
            text = s.text();
        } else if (arg instanceof Node.Seq seq && seq.items().size() == 2 && seq.items().get(0) instanceof Node.Scalar s
                && s.text() != null && seq.items().get(1) instanceof Node.Obj vars) {
            text = s.text();
            vars.entries().forEach((k, v) -> variables.put(k, v));
        } else if (arg instanceof Node.Obj o && o.function() != null && resolve(arg) instanceof Node.Unknown u) {
            return derived("Fn::Sub", u, pos); // Fn::Sub of a value only a deployment makes (an Fn::Transform)
        } else {
            return unknown("an Fn::Sub that is neither a string nor [string, {variables}]", pos);
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SUB_VARIABLE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            String name = m.group(1).trim();
            if (m.group(1).startsWith("!")) {
                out.append("${").append(m.group(1).substring(1)).append('}');
                continue;
            }
            Node value;
            if (variables.containsKey(name)) {
                value = resolve(variables.get(name));
            } else if (name.contains(".") && !pseudo.containsKey(name) && !parameters.containsKey(name)) {
                value = getAtt(Node.Scalar.of(name), pos);
            } else {
                value = ref(name, pos);
            }
            if (value instanceof Node.Unknown u) {
                // the variables as written: the call they make, without resolving (and warning about) them again
                return derived("Fn::Sub '" + text + "'" + (variables.isEmpty() ? "" : " with " + shown(new Node.Obj(variables, Map.of(), pos))),
                        u, pos);
            }
            if (!(value instanceof Node.Scalar s)) {
                return unknown("Fn::Sub variable ${" + name + "} is " + Template.kind(value) + ", not a string", pos);
            }
            out.append(s.text());
        }
        out.append(text.substring(last));
        return dynamicReference(new Node.Scalar(out.toString(), pos));
    }

    private Node join(Node arg, Node.Pos pos) {
        List<Node> args = args(arg, 2);
        if (args == null || !(args.get(0) instanceof Node.Scalar d)) {
            return unknown("an Fn::Join that is not [delimiter, [values]]", pos);
        }
        Node list = resolve(args.get(1));
        String call = "Fn::Join '" + (d.text() == null ? "" : d.text()) + "'";
        if (list instanceof Node.Unknown u) {
            return derived(call, u, pos);
        }
        if (!(list instanceof Node.Seq seq)) {
            return unknown("an Fn::Join of " + Template.kind(list) + ", not a list", pos);
        }
        List<String> parts = new ArrayList<>();
        for (Node item : seq.items()) {
            if (item instanceof Node.Unknown u) {
                return derived(call + " of " + shown(seq), u, pos);
            }
            if (!(item instanceof Node.Scalar s)) {
                return unknown("an Fn::Join of " + Template.kind(item) + ", not a string", pos);
            }
            parts.add(s.text() == null ? "" : s.text());
        }
        return new Node.Scalar(String.join(d.text() == null ? "" : d.text(), parts), pos);
    }

    private Node select(Node arg, Node.Pos pos) {
        List<Node> args = args(arg, 2);
        if (args == null) {
            return unknown("an Fn::Select that is not [index, [values]]", pos);
        }
        Node index = resolve(args.get(0));
        Node list = resolve(args.get(1));
        if (index instanceof Node.Unknown u) {
            return derived("Fn::Select ? of " + shown(list), u, pos);
        }
        if (list instanceof Node.Unknown u) {
            return derived("Fn::Select " + (index instanceof Node.Scalar i && i.text() != null ? i.text().trim() : shown(index)), u, pos);
        }
        int i;
        try {
            i = Integer.parseInt(((Node.Scalar) index).text().trim());
        } catch (RuntimeException e) {
            return unknown("an Fn::Select whose index is not a number", pos);
        }
        if (!(list instanceof Node.Seq) && args.get(1) instanceof Node.Obj o && "Fn::GetAtt".equals(o.function())) {
            // a list attribute (a VPC's Ipv6CidrBlocks, a load balancer's SecurityGroups): the deployment gives it
            return new Node.Unknown("Fn::Select " + i + " of " + shown(args.get(1)) + ", a list attribute known only at deploy time", pos);
        }
        if (!(list instanceof Node.Seq seq) || i < 0 || i >= seq.items().size()) {
            return unknown("Fn::Select index " + i + " is outside the list", pos);
        }
        return seq.items().get(i);
    }

    private Node split(Node arg, Node.Pos pos) {
        List<Node> args = args(arg, 2);
        if (args == null || !(args.get(0) instanceof Node.Scalar d) || d.text() == null) {
            return unknown("an Fn::Split that is not [delimiter, string]", pos);
        }
        Node source = resolve(args.get(1));
        if (source instanceof Node.Unknown u) {
            return derived("Fn::Split '" + d.text() + "'", u, pos);
        }
        if (!(source instanceof Node.Scalar s) || s.text() == null) {
            return unknown("an Fn::Split of " + Template.kind(source) + ", not a string", pos);
        }
        List<Node> parts = new ArrayList<>();
        for (String part : s.text().split(Pattern.quote(d.text()), -1)) {
            parts.add(new Node.Scalar(part, pos));
        }
        return new Node.Seq(parts, pos);
    }

    private Node fnIf(Node arg, Node.Pos pos) {
        List<Node> args = args(arg, 3);
        if (args == null || !(args.get(0) instanceof Node.Scalar c) || c.text() == null) {
            return unknown("an Fn::If that is not [condition, value if true, value if false]", pos);
        }
        Truth t = condition(c.text(), args.get(0).pos());
        if (t.decided()) {
            return resolve(args.get(t.value() ? 1 : 2));
        }
        Node a = resolve(args.get(1));
        Node b = resolve(args.get(2));
        if (shown(a).equals(shown(b))) {
            return a;
        }
        // both branches in the reason: two Fn::If on one condition that choose between different values are different values
        return new Node.Unknown("Fn::If on condition '" + c.text() + "' (" + shown(a) + " or " + shown(b)
                + "), which srm cannot decide: " + t.reason(), pos, a instanceof Node.Absent || b instanceof Node.Absent,
                oneOf(a, b));
    }

    /**
     * The values an undecided {@code Fn::If} can take, when each branch is a plain value or
     * itself such an {@code Fn::If} (a requirement every one of them meets, or none, is then
     * decided); empty when a branch is anything else (an object, a list, an unknown of another kind).
     */
    private static List<String> oneOf(Node a, Node b) {
        List<String> values = new ArrayList<>();
        for (Node n : List.of(a, b)) {
            if (n instanceof Node.Scalar s && s.text() != null) {
                values.add(s.text());
            } else if (n instanceof Node.Unknown u && !u.oneOf().isEmpty()) {
                values.addAll(u.oneOf());
            } else {
                return List.of();
            }
        }
        return values.stream().distinct().toList();
    }

    private Node findInMap(Node arg, Node.Pos pos) {
        if (!(arg instanceof Node.Seq seq) || seq.items().size() < 3) {
            return unknown("an Fn::FindInMap that is not [mapping, key, key]", pos);
        }
        List<String> keys = new ArrayList<>();
        List<Node> resolvedKeys = seq.items().subList(0, 3).stream().map(this::resolve).toList();
        for (Node v : resolvedKeys) {
            if (v instanceof Node.Unknown u) {
                return new Node.Unknown("Fn::FindInMap " + shown(new Node.Seq(resolvedKeys, pos)) + " with a key that depends on "
                        + u.reason(), pos);
            }
            if (!(v instanceof Node.Scalar s) || s.text() == null) {
                return unknown("Fn::FindInMap with a key that is " + Template.kind(v), pos);
            }
            keys.add(s.text());
        }
        Node fallback = seq.items().size() > 3 && seq.items().get(3) instanceof Node.Obj o ? o.get("DefaultValue") : null;
        Node mapping = template.mappings().get(keys.get(0));
        for (int k = 1; k <= 2; k++) {
            String placeholder = placeholderIn(seq.items().get(k));
            // the partition's placeholder ('aws') is every commercial region's: a lookup by partition keeps it
            if (placeholder != null && !placeholder.equals("AWS::Partition") && !placeholder.equals("AWS::URLSuffix")
                    && mapping instanceof Node.Obj m) {
                Node same = sameForEveryKey(m, keys, k, fallback);
                if (same == null) {
                    return new Node.Unknown("Fn::FindInMap " + shown(new Node.Seq(resolvedKeys, pos)) + " picks a different value for each "
                            + placeholder + ", a value of the deployment (srm's placeholder is '"
                            + Resolver.shown(pseudo.get(placeholder)).replace("'", "") + "'; give --parameter " + placeholder + "=VALUE)", pos);
                }
                return same;
            }
        }
        Node top = mapping instanceof Node.Obj m ? m.get(keys.get(1)) : null;
        Node value = top instanceof Node.Obj t ? t.get(keys.get(2)) : null;
        if (value == null) {
            if (fallback != null) {
                return resolve(fallback);
            }
            String region = pseudo.get("AWS::Region") instanceof Node.Scalar r ? r.text() : "";
            String hint = keys.get(1).equals(region) ? " (srm's placeholder region; give --parameter AWS::Region=... for another)" : "";
            return new Node.Unknown("Fn::FindInMap: mapping '" + keys.get(0) + "' has no entry " + keys.get(1) + "/" + keys.get(2)
                    + hint, pos);
        }
        return resolve(value);
    }

    /**
     * The value a lookup gives whatever its key {@code k} (1: the top-level key, 2: the second) is, when every entry
     * of the mapping gives the same one (a mapping of AMI ids per region gives one per region: null then).
     */
    private Node sameForEveryKey(Node.Obj mapping, List<String> keys, int k, Node fallback) {
        List<Node> candidates = new ArrayList<>();
        if (k == 1) {
            for (Node top : mapping.entries().values()) {
                candidates.add(top instanceof Node.Obj t ? t.get(keys.get(2)) : null);
            }
        } else if (mapping.get(keys.get(1)) instanceof Node.Obj t) {
            candidates.addAll(t.entries().values());
        }
        String shownSame = null;
        Node same = null;
        for (Node v : candidates) {
            Node resolved = v == null ? (fallback == null ? null : resolve(fallback)) : resolve(v);
            if (resolved == null || resolved instanceof Node.Unknown) {
                return null;
            }
            String shownValue = shown(resolved);
            if (shownSame == null) {
                shownSame = shownValue;
                same = resolved;
            } else if (!shownSame.equals(shownValue)) {
                return null;
            }
        }
        return same;
    }

    private Node cidr(Node arg, Node.Pos pos) {
        if (!(arg instanceof Node.Seq seq) || seq.items().size() != 3) {
            return unknown("an Fn::Cidr that is not [ipBlock, count, cidrBits]", pos);
        }
        List<String> parts = new ArrayList<>();
        List<Node> resolvedArgs = seq.items().stream().map(this::resolve).toList();
        for (Node v : resolvedArgs) {
            if (v instanceof Node.Unknown u) {
                return derived("Fn::Cidr " + shown(new Node.Seq(resolvedArgs, pos)), u, pos);
            }
            if (!(v instanceof Node.Scalar s) || s.text() == null) {
                return unknown("an Fn::Cidr argument that is " + Template.kind(v), pos);
            }
            parts.add(s.text().trim());
        }
        List<String> blocks = Cidr.subnets(parts.get(0), parts.get(1), parts.get(2));
        if (blocks == null) {
            return new Node.Unknown("Fn::Cidr over " + parts.get(0) + ": srm computes IPv4 blocks only", pos);
        }
        return new Node.Seq(blocks.stream().map(b -> (Node) new Node.Scalar(b, pos)).toList(), pos);
    }

    // ---------------------------------------------------------------- helpers

    /** A value placed where the reference to it is written, so messages point at the reference. */
    private static Node at(Node v, Node.Pos pos) {
        if (v instanceof Node.Scalar s) {
            return new Node.Scalar(s.text(), pos);
        }
        return v instanceof Node.Unknown u ? new Node.Unknown(u.reason(), pos) : v;
    }

    /** The first unknown value inside a resolved value, as its reason, or null. */
    static String firstUnknown(Node n) {
        if (n instanceof Node.Unknown u) {
            return u.reason();
        }
        List<Node> children = n instanceof Node.Obj o ? List.copyOf(o.entries().values()) : n instanceof Node.Seq s ? s.items() : List.of();
        return children.stream().map(Resolver::firstUnknown).filter(r -> r != null).findFirst().orElse(null);
    }

    /**
     * A resolved value's text without positions, as a reason shows it and for comparing two values
     * (equal only for equal values): text quoted, an unknown as its reason in parentheses, a
     * removed value as AWS::NoValue.
     */
    static String shown(Node n) {
        if (n instanceof Node.Scalar s) {
            return s.text() == null ? "null" : "'" + s.text() + "'";
        }
        if (n instanceof Node.Unknown u) {
            return "(" + u.reason() + ")";
        }
        if (n instanceof Node.Seq s) {
            return s.items().stream().map(Resolver::shown).toList().toString();
        }
        if (n instanceof Node.Obj o) {
            StringBuilder sb = new StringBuilder("{");
            o.entries().forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(shown(v)));
            return sb.append('}').toString();
        }
        return n instanceof Node.Absent ? "AWS::NoValue" : "-";
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A resolved value as JSON, every scalar as text; an unknown value as the marker {@code marker} makes of it. */
    static JsonNode toJson(Node n, java.util.function.Function<Node.Unknown, String> marker) {
        if (n instanceof Node.Scalar s) {
            return s.text() == null ? NODES.nullNode() : NODES.textNode(s.text());
        }
        if (n instanceof Node.Unknown u) {
            return NODES.textNode(marker.apply(u));
        }
        if (n instanceof Node.Seq s) {
            ArrayNode a = NODES.arrayNode();
            s.items().forEach(i -> a.add(toJson(i, marker)));
            return a;
        }
        if (n instanceof Node.Obj o) {
            ObjectNode obj = NODES.objectNode();
            o.entries().forEach((k, v) -> obj.set(k, toJson(v, marker)));
            return obj;
        }
        return NODES.missingNode();
    }

    private static JsonNode toJson(Node n) {
        return toJson(n, Node.Unknown::reason);
    }

    static final ObjectMapper JSON = new ObjectMapper();
}
