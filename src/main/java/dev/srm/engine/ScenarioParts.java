package dev.srm.engine;

import dev.srm.facts.Notice;
import dev.srm.facts.Resource;
import dev.srm.facts.Setting;
import dev.srm.rules.RuleFile;
import dev.srm.rules.RuleSources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the facts of a large scenario into parts that can be evaluated in separate sessions
 * with the same conclusions as one session. Most rules read one resource (its settings, its
 * classification); the few that read across resources (the account's controls read trails,
 * detectors and recorders; a secret reads the rotation schedules) are found in the pack's DRL,
 * and the resources of the types and services they name go into every part, with the
 * scenario's context, the account's settings and every other fact that belongs to no resource.
 */
final class ScenarioParts {
    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"[^\"]*\"(.*?)^\\s*end\\s*$");
    private static final Pattern RESOURCE_PATTERN = Pattern.compile("(?<![\\w.$])Resource\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("\\b(type|service)\\s*(==|in)\\s*(\\([^)]*\\)|\"[^\"]*\")");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private ScenarioParts() {
    }

    /**
     * The resources that rules read across resources, by CloudFormation type and service; when
     * such a rule reads resources of any kind, {@code any} is set and a scenario is not split.
     */
    record CrossReads(Set<String> types, Set<String> services, boolean any) {
        CrossReads {
            types = Set.copyOf(types);
            services = Set.copyOf(services);
        }

        boolean shares(Resource r) {
            return any || Resource.ACCOUNT.equals(r.id()) || (r.type() != null && types.contains(r.type()))
                    || (r.service() != null && services.contains(r.service()));
        }

        /**
         * Reads the pack's DRL: a rule reads across resources when it has two resource
         * patterns, or one and a conclusion about the account. Its resource patterns not tied
         * to an id name what every part must hold.
         */
        static CrossReads of(RuleSources sources) {
            Set<String> types = new TreeSet<>();
            Set<String> services = new TreeSet<>();
            boolean any = false;
            for (RuleFile f : sources.drlFiles()) {
                Matcher rule = RULE.matcher(f.content().replaceAll("(?m)//.*$", ""));
                while (rule.find()) {
                    String text = rule.group(1);
                    List<String> patterns = resourcePatterns(text);
                    if (patterns.size() < 2 && (patterns.isEmpty() || !text.contains("Resource.ACCOUNT"))) {
                        continue;
                    }
                    for (String p : patterns) {
                        if (p.matches("(?s).*\\bid\\s*==.*")) {
                            continue; // the resource a rule is about, or one named by id
                        }
                        Matcher named = NAMED.matcher(p);
                        boolean found = false;
                        while (named.find()) {
                            Matcher q = QUOTED.matcher(named.group(3));
                            while (q.find()) {
                                (named.group(1).equals("type") ? types : services).add(q.group(1));
                                found = true;
                            }
                        }
                        any |= !found;
                    }
                }
            }
            return new CrossReads(types, services, any);
        }

        private static List<String> resourcePatterns(String rule) {
            List<String> out = new ArrayList<>();
            Matcher m = RESOURCE_PATTERN.matcher(rule);
            while (m.find()) {
                int depth = 1;
                int i = m.end();
                while (i < rule.length() && depth > 0) {
                    char c = rule.charAt(i++);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                out.add(rule.substring(m.end(), Math.max(m.end(), i - 1)));
            }
            return out;
        }
    }

    /**
     * The facts of each part, in the order given: a resource's own facts (the resource, its
     * settings and notes) go to its part, {@code size} resources a part; every other fact to
     * every part. One part when nothing can be split off.
     */
    static List<List<Object>> split(List<Object> facts, CrossReads shared, int size) {
        Map<String, Integer> partOf = new HashMap<>();
        int own = 0;
        for (Object f : facts) {
            if (f instanceof Resource r && !shared.shares(r)) {
                partOf.putIfAbsent(r.id(), own++ / size);
            }
        }
        int count = (own + size - 1) / size;
        if (count <= 1) {
            return List.of(facts);
        }
        List<List<Object>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (Object f : facts) {
            Integer part = partOf.get(subject(f));
            if (part == null) {
                parts.forEach(p -> p.add(f));
            } else {
                parts.get(part).add(f);
            }
        }
        return parts;
    }

    private static String subject(Object fact) {
        if (fact instanceof Resource r) {
            return r.id();
        } else if (fact instanceof Setting s) {
            return s.resource();
        } else if (fact instanceof Notice n) {
            return n.resource();
        }
        return null;
    }
}
