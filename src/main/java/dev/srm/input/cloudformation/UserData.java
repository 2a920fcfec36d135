package dev.srm.input.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user data of an instance, a launch template or a launch configuration names of its stack, read as written,
 * never run. First the ECS clusters it joins the instance to. The ECS-optimized AMIs'
 * container agent reads {@code /etc/ecs/ecs.config} when it starts, and the user data writes the
 * cluster there ({@code echo ECS_CLUSTER=MyCluster >> /etc/ecs/ecs.config}:
 * bootstrap_container_instance.html), the way AWS's ECS samples attach an Auto Scaling group's
 * instances to the cluster of the same template. The srm key {@code ecsClustersOfUserData} lists
 * the clusters of this stack so named, by logical id, on an {@code AWS::EC2::Instance}, an
 * {@code AWS::AutoScaling::LaunchConfiguration} or an {@code AWS::EC2::LaunchTemplate}.
 * <p>
 * The user data is read as written, never run: the value that follows {@code ECS_CLUSTER=} counts
 * only where it is a {@code Ref} to a cluster of the stack ({@code ${ECSCluster}} in
 * {@code Fn::Sub}, {@code {"Ref": "ECSCluster"}} in {@code Fn::Join}), which gives the cluster's
 * name, or text the template decides (literal, or of parameters with a value) that is the
 * {@code ClusterName} of a cluster of the stack. A value only a deployment decides, another
 * resource's reference, a shell variable or a name no cluster of the stack has shows nothing.
 * <p>
 * The same reading lists, in the srm key {@code eipsOfUserData}, the Elastic IPs of the stack that the
 * user data names anywhere: a {@code Ref} to an {@code AWS::EC2::EIP} (its public address) or its
 * {@code Fn::GetAtt} {@code AllocationId} or {@code PublicIp}, in {@code Fn::Sub} ({@code ${Eip}},
 * {@code ${Eip.AllocationId}}, a variable of its map), {@code Fn::Join} or a branch of an {@code Fn::If}
 * that the template may take. A bootstrap script may pass it to {@code aws ec2 associate-address} at boot
 * (the Linux bastion Quick Start does); srm cannot tell that from printing it. A literal address, an
 * imported value or an EIP whose condition is false names none.
 */
final class UserData {
    static final String KEY = "ecsClustersOfUserData";
    static final String EIPS_KEY = "eipsOfUserData";

    private static final String MARKER = "ECS_CLUSTER=";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    /** What ends the value of a shell word: {@code echo ECS_CLUSTER=x >> f}, {@code "ECS_CLUSTER=x"}, a heredoc line. */
    private static final Pattern VALUE_END = Pattern.compile("[\\s\"'>;&|)`]");
    private static final String CLUSTER = "AWS::ECS::Cluster";
    private static final String EIP = "AWS::EC2::EIP";
    /** What {@code Fn::GetAtt} of an EIP gives that names the address: its allocation id and its public address. */
    private static final Set<String> EIP_ATTRIBUTES = Set.of("AllocationId", "PublicIp");

    /** A piece of the user data: text as written, or an expression the deployment gives its text. */
    private record Piece(String text, Node expression) {
    }

    private final Template template;
    private final Resolver resolver;
    private final String prefix;
    private final Function<Template.Resource, Node> resolved;
    private final Function<Template.Resource, Boolean> dropped;

    UserData(Template template, Resolver resolver, String prefix, Function<Template.Resource, Node> resolved,
                Function<Template.Resource, Boolean> dropped) {
        this.template = template;
        this.resolver = resolver;
        this.prefix = prefix;
        this.resolved = resolved;
        this.dropped = dropped;
    }

    /** The resource's properties with {@link #KEY} and {@link #EIPS_KEY} added, when its user data names clusters or EIPs of the stack. */
    Node with(Template.Resource r, Node props) {
        Node raw = switch (r.type()) {
            case "AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration" -> r.propertyMap().get("UserData");
            case "AWS::EC2::LaunchTemplate" -> r.propertyMap().get("LaunchTemplateData") instanceof Node.Obj d ? d.get("UserData") : null;
            default -> null;
        };
        if (raw == null || !(props instanceof Node.Obj o)) {
            return props;
        }
        List<Piece> pieces = pieces(raw);
        Map<String, Node> entries = new LinkedHashMap<>(o.entries());
        boolean added = false;
        if (!o.entries().containsKey(KEY)) {
            added |= put(entries, KEY, clusters(pieces), raw.pos());
        }
        if (!o.entries().containsKey(EIPS_KEY)) {
            Set<String> eips = new TreeSet<>();
            pieces.stream().filter(p -> p.expression() != null).forEach(p -> eips(p.expression(), eips));
            added |= put(entries, EIPS_KEY, eips, raw.pos());
        }
        return added ? new Node.Obj(entries, o.keys(), o.pos()) : props;
    }

    private static boolean put(Map<String, Node> entries, String key, Set<String> ids, Node.Pos pos) {
        if (ids.isEmpty()) {
            return false;
        }
        entries.put(key, new Node.Seq(ids.stream().<Node>map(id -> new Node.Scalar(id, pos)).toList(), pos));
        return true;
    }

    /**
     * The EIPs of the stack an expression of the user data names: a {@code Ref} to one, its {@code Fn::GetAtt}
     * {@code AllocationId} or {@code PublicIp}, inside {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Base64} or
     * the branches of an {@code Fn::If} the template may take (both, when only the deployment decides), or
     * inside the arguments of another function.
     */
    private void eips(Node n, Set<String> out) {
        if (n instanceof Node.Seq seq) {
            seq.items().forEach(i -> eips(i, out));
            return;
        }
        if (!(n instanceof Node.Obj o)) {
            return;
        }
        String f = o.function();
        if ("Ref".equals(f) || "Fn::GetAtt".equals(f)) {
            String id = eipNamed(o);
            // a Ref or GetAtt of the EIP resolves to its logical id; one whose condition is false does not exist
            if (id != null && resolver.resolve(o) instanceof Node.Scalar s && (prefix + id).equals(s.text())) {
                out.add(prefix + id);
            }
            return;
        }
        if ("Fn::If".equals(f) && o.get("Fn::If") instanceof Node.Seq args && args.items().size() == 3
                && args.items().get(0) instanceof Node.Scalar c && c.text() != null) {
            Resolver.Truth t = resolver.condition(c.text(), c.pos());
            if (t.decided()) {
                eips(args.items().get(t.value() ? 1 : 2), out);
            } else {
                eips(args.items().get(1), out);
                eips(args.items().get(2), out);
            }
            return;
        }
        if ("Fn::Sub".equals(f) || "Fn::Join".equals(f) || "Fn::Base64".equals(f)) {
            List<Piece> inner = pieces(o);
            if (!(inner.size() == 1 && inner.get(0).expression() == o)) {
                inner.stream().filter(p -> p.expression() != null).forEach(p -> eips(p.expression(), out));
                return;
            }
        }
        o.entries().values().forEach(v -> eips(v, out)); // another function (Fn::Select, ...), or an object
    }

    /** The logical id of the EIP of the stack that a {@code Ref} or {@code Fn::GetAtt} names, or null. */
    private String eipNamed(Node.Obj o) {
        String id = null;
        if ("Ref".equals(o.function()) && o.get("Ref") instanceof Node.Scalar t && resourceRef(t.text())) {
            id = t.text();
        } else if ("Fn::GetAtt".equals(o.function())) {
            Node arg = o.get("Fn::GetAtt");
            String attribute = null;
            if (arg instanceof Node.Scalar s && s.text() != null && s.text().indexOf('.') > 0) {
                id = s.text().substring(0, s.text().indexOf('.'));
                attribute = s.text().substring(s.text().indexOf('.') + 1);
            } else if (arg instanceof Node.Seq seq && seq.items().size() == 2 && seq.items().get(0) instanceof Node.Scalar a
                    && seq.items().get(1) instanceof Node.Scalar b) {
                id = a.text();
                attribute = b.text();
            }
            id = EIP_ATTRIBUTES.contains(attribute) ? id : null;
        }
        Template.Resource r = id == null ? null : template.resources().get(id);
        return r != null && r.type().equals(EIP) ? id : null;
    }

    /** The user data as text and expressions, in order: Fn::Base64, Fn::Sub and Fn::Join are taken apart. */
    private List<Piece> pieces(Node n) {
        List<Piece> out = new ArrayList<>();
        if (n instanceof Node.Scalar s) {
            out.add(new Piece(s.text() == null ? "" : s.text(), null));
        } else if (n instanceof Node.Obj o && "Fn::Base64".equals(o.function())) {
            out.addAll(pieces(o.get("Fn::Base64")));
        } else if (n instanceof Node.Obj o && "Fn::Sub".equals(o.function())) {
            Node arg = o.get("Fn::Sub");
            Map<String, Node> vars = new LinkedHashMap<>();
            String text = null;
            if (arg instanceof Node.Scalar s) {
                text = s.text();
            } else if (arg instanceof Node.Seq seq && seq.items().size() == 2 && seq.items().get(0) instanceof Node.Scalar s
                    && seq.items().get(1) instanceof Node.Obj v) {
                text = s.text();
                vars.putAll(v.entries());
            }
            if (text == null) {
                out.add(new Piece(null, n));
                return out;
            }
            Matcher m = SUB_VARIABLE.matcher(text);
            int last = 0;
            while (m.find()) {
                out.add(new Piece(text.substring(last, m.start()), null));
                last = m.end();
                String name = m.group(1).trim();
                if (m.group(1).startsWith("!")) { // ${!Literal} is the text ${Literal}
                    out.add(new Piece("${" + m.group(1).substring(1) + "}", null));
                } else if (vars.containsKey(name)) {
                    out.addAll(pieces(vars.get(name)));
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    out.add(new Piece(null, Node.Obj.of(Map.of("Fn::GetAtt", Node.Scalar.of(name)), o.pos())));
                } else {
                    out.add(new Piece(null, Node.Obj.of(Map.of("Ref", Node.Scalar.of(name)), o.pos())));
                }
            }
            out.add(new Piece(text.substring(last), null));
        } else if (n instanceof Node.Obj o && "Fn::Join".equals(o.function()) && o.get("Fn::Join") instanceof Node.Seq args
                && args.items().size() == 2 && args.items().get(0) instanceof Node.Scalar d && args.items().get(1) instanceof Node.Seq items) {
            String delimiter = d.text() == null ? "" : d.text();
            for (int i = 0; i < items.items().size(); i++) {
                if (i > 0) {
                    out.add(new Piece(delimiter, null));
                }
                out.addAll(pieces(items.items().get(i)));
            }
        } else {
            out.add(new Piece(null, n)); // a Ref, or a function whose text only resolving gives
        }
        return out;
    }

    /** The clusters of the stack each {@code ECS_CLUSTER=} of the pieces names. */
    private Set<String> clusters(List<Piece> pieces) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < pieces.size(); i++) {
            String text = pieces.get(i).text();
            if (text == null) {
                continue;
            }
            int at = text.indexOf(MARKER);
            while (at >= 0) {
                // not the end of another variable's name (MY_ECS_CLUSTER=)
                String cluster = at > 0 && isNamePart(text.charAt(at - 1)) ? null : cluster(value(pieces, i, at + MARKER.length()));
                if (cluster != null) {
                    out.add(cluster);
                }
                at = text.indexOf(MARKER, at + MARKER.length());
            }
        }
        return out;
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The pieces of the value that starts at {@code from} of piece {@code i}, up to the end of the shell word. */
    private static List<Piece> value(List<Piece> pieces, int i, int from) {
        List<Piece> out = new ArrayList<>();
        String rest = pieces.get(i).text().substring(from);
        for (int j = i; j < pieces.size(); j++) {
            Piece p = j == i ? new Piece(rest, null) : pieces.get(j);
            if (p.text() == null) {
                out.add(p);
                continue;
            }
            Matcher end = VALUE_END.matcher(p.text());
            if (end.find()) {
                if (end.start() > 0) {
                    out.add(new Piece(p.text().substring(0, end.start()), null));
                }
                break;
            }
            if (!p.text().isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The logical id of the cluster of the stack that a value names, or null. */
    private String cluster(List<Piece> value) {
        if (value.size() == 1 && value.get(0).expression() instanceof Node.Obj ref && "Ref".equals(ref.function())
                && ref.get("Ref") instanceof Node.Scalar target && resourceRef(target.text())) {
            Template.Resource r = template.resources().get(target.text());
            // Ref of a cluster gives its name: the one ECS_CLUSTER joins (a cluster a false condition removes is no reference)
            return r.type().equals(CLUSTER) && resolver.resolve(ref) instanceof Node.Scalar s && (prefix + r.id()).equals(s.text())
                    ? prefix + r.id() : null;
        }
        StringBuilder name = new StringBuilder();
        for (Piece p : value) {
            if (p.text() != null) {
                name.append(p.text());
                continue;
            }
            if (p.expression() instanceof Node.Obj o && ("Fn::GetAtt".equals(o.function())
                    || "Ref".equals(o.function()) && o.get("Ref") instanceof Node.Scalar t && resourceRef(t.text()))) {
                return null; // a resource's reference is its logical id here, not the text the deployment writes
            }
            if (!(resolver.resolve(p.expression()) instanceof Node.Scalar s) || s.text() == null) {
                return null; // only a deployment decides it
            }
            name.append(s.text());
        }
        if (name.isEmpty()) {
            return null;
        }
        for (Template.Resource r : template.resources().values()) {
            if (r.type().equals(CLUSTER) && !(r.condition() != null && dropped.apply(r))
                    && resolved.apply(r) instanceof Node.Obj props && props.get("ClusterName") instanceof Node.Scalar n
                    && name.toString().equals(n.text())) {
                return prefix + r.id();
            }
        }
        return null;
    }

    /** Whether a Ref of this name is to a resource of the template (a parameter or pseudo parameter of that name comes first). */
    private boolean resourceRef(String name) {
        return name != null && !name.startsWith("AWS::") && template.parameters().get(name) == null
                && template.resources().containsKey(name);
    }
}
