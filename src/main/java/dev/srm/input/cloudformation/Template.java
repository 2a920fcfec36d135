package dev.srm.input.cloudformation;

import dev.srm.input.InputException;
import dev.srm.input.InputFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of a template, checked for the shape CloudFormation requires: a map of
 * resources, each with a {@code Type}. Intrinsic functions are still unresolved here.
 *
 * @param transforms the names under {@code Transform} (a string or a list of them)
 * @param globals    SAM's {@code Globals} section, or an empty map
 */
record Template(String file, String description, List<String> transforms, Node.Obj parameters, Node.Obj mappings,
                Node.Obj conditions, Map<String, Resource> resources, Node.Obj globals, Node.Obj metadata, Node.Obj root) {
    /** What a template written for the rain CLI needs before srm can read it. */
    static final String RAIN_PKG = "which 'rain pkg' expands into CloudFormation: give srm the packaged template (rain pkg TEMPLATE > packaged.yaml)";

    static final Node.Obj EMPTY = Node.Obj.of(Map.of(), Node.Pos.NONE);

    Template {
        transforms = List.copyOf(transforms);
        resources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    }

    /**
     * A resource as written: its logical id, type, properties (null when it has none), the
     * condition that decides whether it exists (or null), and where it starts.
     */
    record Resource(String id, String type, Node properties, String condition, List<String> dependsOn, Node.Obj metadata,
                    Node.Pos pos, String note) {
        Resource {
            dependsOn = List.copyOf(dependsOn);
            metadata = metadata == null ? EMPTY : metadata;
        }

        Resource withProperties(Node newProperties) {
            return new Resource(id, type, newProperties, condition, dependsOn, metadata, pos, note);
        }

        Resource withCondition(String newCondition) {
            return new Resource(id, type, properties, newCondition, dependsOn, metadata, pos, note);
        }

        /** The property map, or an empty one. */
        Node.Obj propertyMap() {
            return properties instanceof Node.Obj o ? o : EMPTY;
        }
    }

    /** The top-level sections of a template (SAM's Globals included). */
    static final java.util.Set<String> SECTIONS = java.util.Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Hooks", "Globals");

    /**
     * Whether a document looks like a template: a format version, resources typed {@code AWS::...},
     * or a {@code Resources} section beside nothing but template sections (a template of registry
     * modules or custom types, or one whose resources a transform makes). A scenario's keys
     * ({@code srm}, {@code id}, {@code resources}) make it a scenario.
     */
    static boolean looksLikeTemplate(Node root) {
        if (!(root instanceof Node.Obj o)) {
            return false;
        }
        if (o.get("srm") != null || o.get("id") != null || o.get("resources") != null) {
            return false;
        }
        if (o.get("AWSTemplateFormatVersion") != null) {
            return true;
        }
        if (o.get("Resources") != null && SECTIONS.containsAll(o.entries().keySet())) {
            return true;
        }
        if (o.get("Resources") instanceof Node.Obj resources) {
            for (Node r : resources.entries().values()) {
                if (r instanceof Node.Obj res && res.get("Type") instanceof Node.Scalar t && t.text() != null
                        && t.text().matches("(AWS|Alexa|Custom)::.*")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The template's sections; a missing or malformed part is one line naming its place. */
    static Template of(String file, Node root, boolean resourcesRequired) throws InputException {
        if (!(root instanceof Node.Obj o)) {
            throw InputFiles.problem(file, root.pos().toString(), "not a CloudFormation template: " + kind(root)
                    + " found, a mapping with AWSTemplateFormatVersion and Resources expected");
        }
        List<String> transforms = new ArrayList<>();
        Node t = o.get("Transform");
        if (t instanceof Node.Scalar s && s.text() != null) {
            transforms.add(s.text());
        } else if (t instanceof Node.Seq seq) {
            for (Node n : seq.items()) {
                transforms.add(n instanceof Node.Scalar s && s.text() != null ? s.text()
                        : n instanceof Node.Obj m && m.get("Name") instanceof Node.Scalar s && s.text() != null ? s.text()
                        : "(a macro with parameters)");
            }
        } else if (t instanceof Node.Obj macro) {
            Node n = macro.get("Name");
            transforms.add(n instanceof Node.Scalar s ? s.text() : "(a macro)");
        }
        Map<String, Resource> resources = resources(file, o, resourcesRequired);
        Node d = o.get("Description");
        return new Template(file, d instanceof Node.Scalar s ? s.text() : null, transforms, section(file, o, "Parameters"),
                section(file, o, "Mappings"), section(file, o, "Conditions"), resources, section(file, o, "Globals"),
                section(file, o, "Metadata"), o);
    }

    private static Map<String, Resource> resources(String file, Node.Obj root, boolean required) throws InputException {
        Node node = root.get("Resources");
        Map<String, Resource> out = new LinkedHashMap<>();
        if (node == null || node instanceof Node.Scalar s && s.text() == null) {
            if (!required) {
                return out;
            }
            throw InputFiles.problem(file, node == null ? "" : root.keyPos("Resources").toString(), "/Resources: "
                    + (node == null ? "missing" : "empty") + "; a template declares at least one resource under Resources");
        }
        if (!(node instanceof Node.Obj resources)) {
            throw InputFiles.problem(file, node.pos().toString(), "/Resources: " + kind(node)
                    + " found, a map from logical ids to resources expected");
        }
        if (resources.entries().isEmpty() && required) {
            throw InputFiles.problem(file, root.keyPos("Resources").toString(),
                    "/Resources: empty; a template declares at least one resource under Resources");
        }
        for (Map.Entry<String, Node> e : resources.entries().entrySet()) {
            String id = e.getKey();
            String pointer = "/Resources/" + id;
            Node.Pos pos = resources.keyPos(id);
            if (id.startsWith("Fn::ForEach::")) {
                out.put(id, new Resource(id, "Fn::ForEach", e.getValue(), null, List.of(), EMPTY, pos, null));
                continue;
            }
            if (!id.matches("[A-Za-z0-9]+")) {
                throw InputFiles.problem(file, pos.toString(), pointer + ": logical id '" + id
                        + "' is not alphanumeric (A-Z, a-z, 0-9); CloudFormation rejects it");
            }
            if (!(e.getValue() instanceof Node.Obj r)) {
                throw InputFiles.problem(file, e.getValue().pos().toString(), pointer + ": " + kind(e.getValue())
                        + " found, a resource (a map with Type and Properties) expected");
            }
            Node type = r.get("Type");
            if (type == null) {
                throw InputFiles.problem(file, pos.toString(), pointer + ": no Type; every resource needs one, e.g. Type: AWS::S3::Bucket");
            }
            if (type instanceof Node.Obj t && t.get("Rain::Module") != null) {
                throw InputFiles.problem(file, type.pos().toString(), pointer + "/Type: Rain::Module is a directive of the rain CLI, " + RAIN_PKG);
            }
            if (!(type instanceof Node.Scalar ts) || ts.text() == null || ts.text().isBlank()) {
                throw InputFiles.problem(file, type.pos().toString(), pointer + "/Type: " + kind(type)
                        + " found, a resource type name such as AWS::S3::Bucket expected");
            }
            Node cond = r.get("Condition");
            if (cond != null && !(cond instanceof Node.Scalar cs && cs.text() != null)) {
                throw InputFiles.problem(file, cond.pos().toString(), pointer + "/Condition: " + kind(cond)
                        + " found, the name of a condition expected");
            }
            Node props = r.get("Properties");
            if (props != null && !(props instanceof Node.Obj) && !(props instanceof Node.Scalar ps && ps.text() == null)) {
                throw InputFiles.problem(file, props.pos().toString(), pointer + "/Properties: " + kind(props)
                        + " found, a map of property names to values expected");
            }
            List<String> dependsOn = new ArrayList<>();
            Node dep = r.get("DependsOn");
            if (dep instanceof Node.Scalar ds && ds.text() != null) {
                dependsOn.add(ds.text());
            } else if (dep instanceof Node.Seq seq) {
                seq.items().forEach(n -> {
                    if (n instanceof Node.Scalar s && s.text() != null) {
                        dependsOn.add(s.text());
                    }
                });
            }
            out.put(id, new Resource(id, ts.text().trim(), props instanceof Node.Obj ? distributeIf(props) : null,
                    cond == null ? null : ((Node.Scalar) cond).text(), dependsOn,
                    r.get("Metadata") instanceof Node.Obj m ? m : EMPTY, pos, null));
        }
        return out;
    }

    /**
     * Properties written as one {@code Fn::If} between two property maps (or a map and
     * {@code AWS::NoValue}) are the same as an {@code Fn::If} on each property:
     * {@code !If [c, {A: 1, B: 2}, {A: 3}]} is {@code {A: !If [c, 1, 3], B: !If [c, 2, !Ref AWS::NoValue]}}.
     * Written per property, a condition srm cannot decide leaves each property unknown (or maybe
     * absent) as a property-level {@code Fn::If} does; read whole, the resource had no property at
     * all and its controls judged CloudFormation's defaults, an answer the template does not give.
     * Nested {@code Fn::If}s of maps are distributed the same way; anything else is left as written.
     */
    static Node distributeIf(Node props) {
        if (!(props instanceof Node.Obj o) || !"Fn::If".equals(o.function()) || !(o.get("Fn::If") instanceof Node.Seq args)
                || args.items().size() != 3 || !(args.items().get(0) instanceof Node.Scalar)) {
            return props;
        }
        Node yes = branch(distributeIf(args.items().get(1)));
        Node no = branch(distributeIf(args.items().get(2)));
        if (yes == null || no == null) {
            return props;
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node.Pos> keys = new LinkedHashMap<>();
        for (Node.Obj side : List.of((Node.Obj) yes, (Node.Obj) no)) {
            for (String k : side.entries().keySet()) {
                if (entries.containsKey(k)) {
                    continue;
                }
                Node a = ((Node.Obj) yes).get(k);
                Node b = ((Node.Obj) no).get(k);
                Node.Pos at = side.keyPos(k);
                entries.put(k, Node.Obj.of(Map.of("Fn::If", new Node.Seq(List.of(args.items().get(0),
                        a == null ? noValue(at) : a, b == null ? noValue(at) : b), at)), at));
                keys.put(k, at);
            }
        }
        return new Node.Obj(entries, keys, o.pos());
    }

    /** A branch as a property map: a map that is not a function call, or {@code AWS::NoValue} as no properties; else null. */
    private static Node branch(Node n) {
        if (n instanceof Node.Obj o && o.function() == null) {
            return o;
        }
        if (n instanceof Node.Obj o && "Ref".equals(o.function()) && o.get("Ref") instanceof Node.Scalar r
                && "AWS::NoValue".equals(r.text())) {
            return Node.Obj.of(Map.of(), o.pos());
        }
        return null;
    }

    private static Node noValue(Node.Pos at) {
        return Node.Obj.of(Map.of("Ref", new Node.Scalar("AWS::NoValue", at)), at);
    }

    private static Node.Obj section(String file, Node.Obj root, String name) throws InputException {
        Node n = root.get(name);
        if (n == null || n instanceof Node.Scalar s && s.text() == null) {
            return EMPTY;
        }
        if (!(n instanceof Node.Obj o)) {
            throw InputFiles.problem(file, n.pos().toString(), "/" + name + ": " + kind(n) + " found, a map expected");
        }
        return o;
    }

    /** What a value is, in words, for messages. */
    static String kind(Node n) {
        if (n instanceof Node.Obj) {
            return "a map";
        }
        if (n instanceof Node.Seq) {
            return "a list";
        }
        if (n instanceof Node.Scalar s) {
            return s.text() == null ? "null" : "the scalar '" + abbreviate(s.text()) + "'";
        }
        return n instanceof Node.Unknown ? "an unknown value" : "AWS::NoValue";
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
