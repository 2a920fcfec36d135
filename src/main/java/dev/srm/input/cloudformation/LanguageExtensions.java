package dev.srm.input.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Fn::ForEach} of the {@code AWS::LanguageExtensions} transform, expanded as CloudFormation
 * documents it: {@code 'Fn::ForEach::Name': [Identifier, Collection, {OutputKey: OutputValue}]}
 * in {@code Conditions}, {@code Resources} (a resource's properties included) and {@code Outputs}
 * replicates the fragment once per item of the collection, every {@code ${Identifier}} in its
 * keys and strings and every {@code Ref: Identifier} becoming the item, every
 * {@code &{Identifier}} the item without its non-alphanumeric characters; the copies join the
 * object the loop is written in. The collection is a list or a value that resolves to one (a
 * {@code Ref} to a {@code CommaDelimitedList} or {@code List<...>} parameter, an
 * {@code Fn::FindInMap}); the identifier may also be a list of identifiers, each item then a
 * list of as many values. Loops nest five deep at most.
 *
 * <p>A loop CloudFormation rejects (not {@code [identifier, collection, {fragment}]}, nested
 * too deep, copies whose keys collide, no {@code AWS::LanguageExtensions} transform) is a
 * {@link TemplateError} naming its place. A loop whose collection only a deployment decides (a
 * parameter without a value, an import) is left out with a warning: the resources it makes are
 * not evaluated.
 */
final class LanguageExtensions {
    static final String TRANSFORM = "AWS::LanguageExtensions";
    static final String PREFIX = "Fn::ForEach::";
    /** How deep CloudFormation lets loops nest. */
    static final int MAX_DEPTH = 5;
    private static final List<String> SECTIONS = List.of("Conditions", "Resources", "Outputs");

    private final String file;
    private final UnaryOperator<Node> resolve;
    private final List<String> warnings;
    private final boolean declared;
    private final java.util.Set<String> parameters;
    private final Template template;
    private int deferred;

    private LanguageExtensions(Template t, UnaryOperator<Node> resolve, List<String> warnings) {
        this.file = t.file();
        this.resolve = resolve;
        this.warnings = warnings;
        this.declared = t.transforms().contains(TRANSFORM);
        this.parameters = t.parameters().entries().keySet();
        this.template = t;
    }

    /** Whether the template writes a loop in a section where CloudFormation expands one. */
    static boolean hasLoops(Node.Obj root) {
        return SECTIONS.stream().anyMatch(s -> root.get(s) != null && containsLoop(root.get(s)));
    }

    private static boolean containsLoop(Node n) {
        if (n instanceof Node.Obj o) {
            return o.entries().keySet().stream().anyMatch(k -> k.startsWith(PREFIX))
                    || o.entries().values().stream().anyMatch(LanguageExtensions::containsLoop);
        }
        return n instanceof Node.Seq s && s.items().stream().anyMatch(LanguageExtensions::containsLoop);
    }

    /**
     * A template's root with its loops expanded.
     *
     * @param deferred how many loops were left out because only a deployment decides their collection
     */
    record Expanded(Node.Obj root, int deferred) {
    }

    /**
     * The template's root with every loop of its Conditions, Resources and Outputs expanded.
     *
     * @param resolve resolves a collection with the template's parameters, pseudo parameters and mappings
     */
    static Expanded expand(Template t, UnaryOperator<Node> resolve, List<String> warnings) {
        LanguageExtensions x = new LanguageExtensions(t, resolve, warnings);
        Node.Obj root = t.root();
        Map<String, Node> entries = new LinkedHashMap<>(root.entries());
        for (String section : SECTIONS) {
            Node n = root.get(section);
            if (n != null) {
                Node expanded = x.walk(n, "/" + section, List.of(), 0);
                if (section.equals("Resources") && n instanceof Node.Obj written && expanded instanceof Node.Obj made) {
                    x.loopNames(written, made);
                }
                entries.put(section, section.equals("Resources") && expanded instanceof Node.Obj r ? x.conditions(r) : expanded);
            }
        }
        return new Expanded(new Node.Obj(entries, root.keys(), root.pos()), x.deferred);
    }

    /** A value with the loops inside it expanded; {@code outer}: the identifiers of the {@code depth} loops that enclose it. */
    private Node walk(Node n, String pointer, List<String> outer, int depth) {
        if (n instanceof Node.Seq s) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                items.add(walk(s.items().get(i), pointer + "/" + i, outer, depth));
            }
            return new Node.Seq(items, s.pos());
        }
        if (!(n instanceof Node.Obj o)) {
            return n;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Node.Pos> keys = new LinkedHashMap<>();
        Map<String, String> madeBy = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : o.entries().entrySet()) {
            String key = e.getKey();
            Node.Pos at = o.keyPos(key);
            if (!key.startsWith(PREFIX)) {
                if (madeBy.containsKey(key)) {
                    throw collision(pointer, key, madeBy.get(key), at);
                }
                out.put(key, walk(e.getValue(), pointer + "/" + key, outer, depth));
                keys.put(key, at);
                continue;
            }
            for (Map.Entry<String, Node> made : loop(key, e.getValue(), pointer + "/" + key, at, outer, depth + 1).entrySet()) {
                if (out.containsKey(made.getKey()) || o.entries().containsKey(made.getKey())) {
                    throw collision(pointer, made.getKey(), key, at);
                }
                out.put(made.getKey(), made.getValue());
                keys.put(made.getKey(), at);
                madeBy.put(made.getKey(), key);
            }
        }
        return new Node.Obj(out, keys, o.pos());
    }

    private static TemplateError collision(String pointer, String key, String loop, Node.Pos at) {
        return new TemplateError(at, pointer + ": " + loop + " makes '" + key + "', which is already there"
                + " (each copy's key must differ: put ${Identifier} in it); CloudFormation rejects the template");
    }

    /** The entries one loop makes, every loop inside them expanded. */
    private Map<String, Node> loop(String key, Node value, String pointer, Node.Pos at, List<String> outer, int depth) {
        if (!declared) {
            throw new TemplateError(at, pointer + ": Fn::ForEach needs the AWS::LanguageExtensions transform"
                    + " (Transform: AWS::LanguageExtensions); CloudFormation rejects the template without it");
        }
        if (depth > MAX_DEPTH) {
            throw new TemplateError(at, pointer + ": Fn::ForEach nested " + depth + " deep; CloudFormation allows "
                    + MAX_DEPTH + " nested loops");
        }
        String layout = "; [identifier, collection, {OutputKey: OutputValue}] expected";
        if (key.length() == PREFIX.length()) {
            throw new TemplateError(at, pointer + ": the loop has no name (Fn::ForEach::Name)" + layout.substring(1));
        }
        if (parameters.contains(key.substring(PREFIX.length()))) {
            throw new TemplateError(at, pointer + ": the loop's name " + key.substring(PREFIX.length()) + " is also a parameter's"
                    + " name; CloudFormation rejects the template (a loop's name must differ from every parameter's)");
        }
        if (!(value instanceof Node.Seq seq) || seq.items().size() != 3) {
            throw new TemplateError(at, pointer + ": " + (value instanceof Node.Seq s ? "a list of " + s.items().size()
                    + " found" : Template.kind(value) + " found") + layout);
        }
        List<String> ids = identifiers(seq.items().get(0));
        if (ids == null) {
            throw new TemplateError(seq.items().get(0).pos(), pointer + "/0: " + Template.kind(seq.items().get(0))
                    + " found, an identifier (a name such as BucketName, or a list of names) expected");
        }
        for (String id : ids) {
            if (parameters.contains(id)) {
                throw new TemplateError(seq.items().get(0).pos(), pointer + "/0: the identifier " + id + " is also a parameter's"
                        + " name; CloudFormation rejects the template (name the identifier otherwise)");
            }
            if (outer.contains(id)) {
                throw new TemplateError(seq.items().get(0).pos(), pointer + "/0: the identifier " + id + " is also the identifier"
                        + " of a loop around it; CloudFormation rejects the template (each nested loop needs its own)");
            }
        }
        if (!(seq.items().get(2) instanceof Node.Obj body)) {
            throw new TemplateError(seq.items().get(2).pos(), pointer + "/2: " + Template.kind(seq.items().get(2))
                    + " found, the fragment to copy ({OutputKey: OutputValue}) expected");
        }
        List<List<String>> items = collection(seq.items().get(1), ids, pointer + "/1", at);
        Map<String, Node> out = new LinkedHashMap<>();
        if (items == null) {
            return out;
        }
        for (List<String> item : items) {
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                vars.put(ids.get(i), item.get(i));
            }
            List<String> inner = new ArrayList<>(outer);
            inner.addAll(ids);
            Node copy = walk(substitute(body, vars), pointer + "/2", inner, depth);
            for (Map.Entry<String, Node> e : ((Node.Obj) copy).entries().entrySet()) {
                if (out.containsKey(e.getKey())) {
                    throw collision(pointer.substring(0, pointer.lastIndexOf('/')), e.getKey(), key, at);
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A loop's name may not be a logical id of the resources (those written and those the loops make). */
    private void loopNames(Node.Obj written, Node.Obj made) {
        for (String key : written.entries().keySet()) {
            String name = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : null;
            if (name != null && made.entries().containsKey(name)) {
                throw new TemplateError(written.keyPos(key), "/Resources/" + key + ": the loop's name " + name + " is also a resource's"
                        + " logical id; CloudFormation rejects the template (a loop's name must differ from every logical id)");
            }
        }
    }

    private static List<String> identifiers(Node n) {
        if (n instanceof Node.Scalar s && s.text() != null && !s.text().isBlank()) {
            return List.of(s.text());
        }
        if (n instanceof Node.Seq seq && !seq.items().isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.items()) {
                if (!(item instanceof Node.Scalar s) || s.text() == null || s.text().isBlank()) {
                    return null;
                }
                out.add(s.text());
            }
            return out;
        }
        return null;
    }

    /** Each item's values, one per identifier; null (with a warning) when only a deployment decides them. */
    private List<List<String>> collection(Node written, List<String> ids, String pointer, Node.Pos at) {
        String deployed = deployTime(written);
        if (deployed != null) {
            throw new TemplateError(written.pos(), pointer + ": the collection uses " + deployed + ", known only once resources"
                    + " exist; CloudFormation rejects the template (a collection must be known before any resource is made)");
        }
        Node resolved = resolve.apply(written);
        if (resolved instanceof Node.Unknown u) {
            deferred++;
            warnings.add(file + ":" + at.line() + ": " + pointer.substring(0, pointer.length() - 2) + ": its collection is known"
                    + " only at deploy time (" + u.reason() + "); the loop is not expanded and what it makes is not evaluated");
            return null;
        }
        if (!(resolved instanceof Node.Seq seq)) {
            throw new TemplateError(written.pos(), pointer + ": " + Template.kind(resolved) + " found, a collection (a list,"
                    + " or a Ref to a CommaDelimitedList parameter) expected");
        }
        List<List<String>> out = new ArrayList<>();
        if (written instanceof Node.Obj o && "Ref".equals(o.function()) && seq.items().size() == 1
                && seq.items().get(0) instanceof Node.Scalar only && "".equals(only.text())) {
            return out; // a blank list parameter ([""]): the transform makes nothing of it (cfn-language-discussion#154)
        }
        for (Node item : seq.items()) {
            List<Node> values = ids.size() == 1 ? List.of(item) : item instanceof Node.Seq s ? s.items() : null;
            if (values == null || values.size() != ids.size()) {
                throw new TemplateError(item.pos(), pointer + ": the item " + Resolver.shown(item) + " is not a list of "
                        + ids.size() + " values, one for each identifier " + ids);
            }
            List<String> texts = new ArrayList<>();
            for (Node v : values) {
                if (v instanceof Node.Unknown u) {
                    deferred++;
                    warnings.add(file + ":" + at.line() + ": " + pointer.substring(0, pointer.length() - 2) + ": an item of its"
                            + " collection is known only at deploy time (" + u.reason() + "); the loop is not expanded and what it"
                            + " makes is not evaluated");
                    return null;
                }
                if (!(v instanceof Node.Scalar s) || s.text() == null) {
                    throw new TemplateError(v.pos(), pointer + ": the item " + Resolver.shown(v) + " is " + Template.kind(v)
                            + "; a collection holds strings");
                }
                texts.add(s.text());
            }
            out.add(texts);
        }
        return out;
    }

    /**
     * What in a collection only resource creation decides: a Ref to a resource, an Fn::GetAtt, a
     * NoEcho parameter (which CloudFormation does not let a loop read); null when there is none.
     */
    private String deployTime(Node n) {
        if (n instanceof Node.Obj o) {
            String f = o.function();
            if ("Fn::GetAtt".equals(f)) {
                return "Fn::GetAtt " + Resolver.shown(o.get(f));
            }
            if ("Ref".equals(f) && o.get(f) instanceof Node.Scalar r && r.text() != null) {
                if (template.resources().containsKey(r.text())) {
                    return "Ref " + r.text() + " (a resource)";
                }
                if (template.parameters().get(r.text()) instanceof Node.Obj p && p.get("NoEcho") instanceof Node.Scalar e
                        && "true".equalsIgnoreCase(e.text())) {
                    return "Ref " + r.text() + " (a NoEcho parameter, which a loop may not read)";
                }
            }
            return o.entries().values().stream().map(this::deployTime).filter(x -> x != null).findFirst().orElse(null);
        }
        return n instanceof Node.Seq s ? s.items().stream().map(this::deployTime).filter(x -> x != null).findFirst().orElse(null) : null;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("([$&])\\{([^}]*)}");

    /** The fragment with the identifiers replaced by this item's values, in keys and strings, and {@code Ref: Identifier}. */
    static Node substitute(Node n, Map<String, String> vars) {
        if (n instanceof Node.Scalar s) {
            return s.text() == null ? s : new Node.Scalar(replace(s.text(), vars), s.pos());
        }
        if (n instanceof Node.Seq seq) {
            return new Node.Seq(seq.items().stream().map(i -> substitute(i, vars)).toList(), seq.pos());
        }
        if (n instanceof Node.Obj o) {
            if (o.entries().size() == 1 && o.get("Ref") instanceof Node.Scalar r && r.text() != null && vars.containsKey(r.text())) {
                return new Node.Scalar(vars.get(r.text()), o.pos());
            }
            Map<String, Node> out = new LinkedHashMap<>();
            Map<String, Node.Pos> keys = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : o.entries().entrySet()) {
                String k = replace(e.getKey(), vars);
                out.put(k, substitute(e.getValue(), vars));
                keys.put(k, o.keyPos(e.getKey()));
            }
            return new Node.Obj(out, keys, o.pos());
        }
        return n;
    }

    private static String replace(String text, Map<String, String> vars) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(2).trim());
            String replacement = value == null ? m.group() : m.group(1).equals("$") ? value : value.replaceAll("[^A-Za-z0-9]", "");
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Resources whose {@code Condition} is an intrinsic function (a loop picking each copy's
     * condition with {@code Fn::FindInMap}), with it resolved: a name, or no condition for
     * {@code AWS::NoValue}.
     */
    private Node.Obj conditions(Node.Obj resources) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : resources.entries().entrySet()) {
            Node r = e.getValue();
            if (r instanceof Node.Obj res && res.get("Condition") instanceof Node.Obj c && c.function() != null) {
                Node v = resolve.apply(c);
                Map<String, Node> m = new LinkedHashMap<>(res.entries());
                if (v instanceof Node.Absent) {
                    m.remove("Condition");
                } else if (v instanceof Node.Scalar) {
                    m.put("Condition", v);
                }
                r = new Node.Obj(m, res.keys(), res.pos());
            }
            out.put(e.getKey(), r);
        }
        return new Node.Obj(out, resources.keys(), resources.pos());
    }
}
