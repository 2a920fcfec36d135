package dev.srm.input.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which resources each resource refers to (Ref, Fn::GetAtt, Fn::Sub variables, DependsOn),
 * and the first circular dependency among them, which CloudFormation rejects.
 */
final class Dependencies {
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private Dependencies() {
    }

    /**
     * A circular chain of logical ids (first = last), or null when there is none. A SAM resource
     * srm leaves unexpanded is left out: SAM rewrites its references before CloudFormation sees them.
     */
    static List<String> cycle(Map<String, Template.Resource> resources) {
        Map<String, Set<String>> edges = new LinkedHashMap<>();
        for (Template.Resource r : resources.values()) {
            if (r.type().startsWith("AWS::Serverless::")) {
                continue;
            }
            Set<String> to = new LinkedHashSet<>();
            collect(r.properties(), resources.keySet(), to);
            r.dependsOn().stream().filter(resources::containsKey).forEach(to::add);
            edges.put(r.id(), to);
        }
        Map<String, Integer> state = new LinkedHashMap<>(); // 1 = on the path, 2 = done
        for (String start : edges.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> found = visit(start, edges, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> visit(String id, Map<String, Set<String>> edges, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return null;
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        state.put(id, 1);
        path.add(id);
        for (String next : edges.getOrDefault(id, Set.of())) {
            List<String> found = visit(next, edges, state, path);
            if (found != null) {
                return found;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return null;
    }

    private static void collect(Node n, Set<String> ids, Set<String> out) {
        if (n instanceof Node.Obj o) {
            String f = o.function();
            Node arg = f == null ? null : o.get(f);
            if ("Ref".equals(f) && arg instanceof Node.Scalar s) {
                add(s.text(), ids, out);
            } else if ("Fn::GetAtt".equals(f) && arg instanceof Node.Seq seq && !seq.items().isEmpty()
                    && seq.items().get(0) instanceof Node.Scalar s) {
                add(s.text(), ids, out);
            } else if ("Fn::GetAtt".equals(f) && arg instanceof Node.Scalar s && s.text() != null) {
                add(s.text().split("\\.", 2)[0], ids, out);
            } else if ("Fn::Sub".equals(f)) {
                Node text = arg instanceof Node.Seq seq && !seq.items().isEmpty() ? seq.items().get(0) : arg;
                if (text instanceof Node.Scalar s && s.text() != null) {
                    Matcher m = SUB_VARIABLE.matcher(s.text());
                    while (m.find()) {
                        add(m.group(1).trim().split("\\.", 2)[0], ids, out);
                    }
                }
            }
            for (Node v : o.entries().values()) {
                collect(v, ids, out);
            }
        } else if (n instanceof Node.Seq s) {
            for (Node v : s.items()) {
                collect(v, ids, out);
            }
        }
    }

    private static void add(String id, Set<String> ids, Set<String> out) {
        if (id != null && ids.contains(id)) {
            out.add(id);
        }
    }
}
