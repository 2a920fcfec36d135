package dev.srm.engine;

import dev.srm.facts.Resource;
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
 * classification); the few that read across resources are found in the pack's DRL. Those that
 * conclude about another resource (a secret reads the rotation schedules, a bucket its policy)
 * need the resources they read in every part; those that conclude only about the account (the
 * account's controls read trails, detectors, recorders and IAM principals) need them in one
 * part, the first, whose conclusions about the account are the ones kept. The scenario's
 * context, the account's settings and every other fact that belongs to no resource go into
 * every part.
 */
final class ScenarioParts {
    private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"[^\"]*\"(.*?)^\\s*end\\s*$");
    private static final Pattern RESOURCE_PATTERN = Pattern.compile("(?<![\\w.$])Resource\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("\\b(type|service)\\s*(==|in)\\s*(\\([^)]*\\)|\"[^\"]*\")");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    /** A call of srm's DSL in a consequence and its subject: {@code Srm.evidence(drools, Resource.ACCOUNT, ...)}. */
    private static final Pattern DSL_CALL = Pattern.compile("\\bSrm\\.\\w+\\s*\\(\\s*drools\\s*,\\s*([^,)]*)");
    /** A settings pattern not tied to a resource: {@code Setting( path == "AvailabilityZone" )} reads every resource's. */
    private static final Pattern SETTING_PATTERN = Pattern.compile("(?<![\\w.$])Setting\\s*\\(");
    /** What a rule declares it reads across resources where no resource pattern says so: {@code @readsAcross("AWS::EC2::Subnet")}. */
    private static final Pattern READS_ACROSS = Pattern.compile("@readsAcross\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    /**
     * What makes a rule read across at all: {@code @readsAcrossFor("AWS::Lambda::Permission")} beside
     * {@code @readsAcross("AWS::Lambda::Function")} shares the functions only with a scenario that holds a permission;
     * {@code @readsAcrossFor("setting:eipsOfUserData")} only with one where some resource has that configuration key (a
     * key only one reader writes: the CloudFormation reader's user-data keys, never in an AWS Config inventory).
     */
    private static final Pattern READS_ACROSS_FOR = Pattern.compile("@readsAcrossFor\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    /** A resource pattern tied to one resource by its id: the resource a rule is about, or one named by id. */
    private static final String ID_BOUND = "(?s).*\\bid\\s*==.*";
    private static final Pattern THEN = Pattern.compile("(?ms)^\\s*then\\b(.*)");
    private static final Pattern CONTEXT = Pattern.compile("\\b(drools|kcontext)\\b");
    /** What a consequence may conclude beyond srm's DSL calls. */
    private static final Pattern OTHER_CONCLUSION = Pattern.compile("\\b(insert|insertLogical|modify|update|delete|retract)\\s*\\(");

    /** How {@code @readsAcrossFor} names a configuration key rather than a resource type. */
    static final String SETTING = "setting:";

    private ScenarioParts() {
    }

    /**
     * The resources that rules read across resources, by CloudFormation type and service:
     * {@code types} and {@code services} go into every part, {@code accountTypes} and
     * {@code accountServices} (read only by rules that conclude about the account) into the
     * first; when such a rule reads resources of any kind, {@code any} is set and a scenario is
     * not split.
     */
    record CrossReads(Set<String> types, Set<String> services, Set<String> accountTypes, Set<String> accountServices,
                      boolean any, Map<String, Set<String>> typesFor) {
        CrossReads {
            types = Set.copyOf(types);
            services = Set.copyOf(services);
            accountTypes = Set.copyOf(accountTypes);
            accountServices = Set.copyOf(accountServices);
            Map<String, Set<String>> copy = new java.util.TreeMap<>();
            typesFor.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            typesFor = java.util.Collections.unmodifiableMap(copy);
        }

        CrossReads(Set<String> types, Set<String> services, Set<String> accountTypes, Set<String> accountServices, boolean any) {
            this(types, services, accountTypes, accountServices, any, Map.of());
        }

        /** The resource goes into every part of a scenario whose resources are of the types {@code present}. */
        boolean shares(Resource r, Set<String> present) {
            if (any || Resource.ACCOUNT.equals(r.id()) || named(r, types, services)) {
                return true;
            }
            Set<String> readers = r.type() == null ? null : typesFor.get(r.type());
            return readers != null && readers.stream().anyMatch(present::contains);
        }

        /** The resource goes into the first part, where the account's conclusions are drawn. */
        boolean readForAccount(Resource r) {
            return named(r, accountTypes, accountServices);
        }

        private static boolean named(Resource r, Set<String> types, Set<String> services) {
            return (r.type() != null && types.contains(r.type())) || (r.service() != null && services.contains(r.service()));
        }

        /**
         * Reads the pack's DRL: a rule reads across resources when it has two resource
         * patterns, or one and a conclusion about the account, or a control's resource
         * ({@code ControlApplies}) and a resource pattern not tied to an id (an Elastic IP read
         * with the associations that name it). Its resource patterns not tied
         * to an id name what a part must hold: the first part when every conclusion of the
         * rule is a call of srm's DSL about {@code Resource.ACCOUNT}, every part otherwise. A
         * rule that reads settings without naming their resource ({@code Setting( path ==
         * "AvailabilityZone" )}) declares the types it reads them from with
         * {@code @readsAcross("AWS::EC2::Subnet")}; without that, any resource may be read and no
         * scenario is split.
         */
        static CrossReads of(RuleSources sources) {
            Set<String> types = new TreeSet<>();
            Set<String> services = new TreeSet<>();
            Set<String> accountTypes = new TreeSet<>();
            Set<String> accountServices = new TreeSet<>();
            Map<String, Set<String>> typesFor = new java.util.TreeMap<>();
            boolean any = false;
            for (RuleFile f : sources.drlFiles()) {
                Matcher rule = RULE.matcher(f.content().replaceAll("(?m)//.*$", ""));
                while (rule.find()) {
                    String text = rule.group(1);
                    Matcher then = THEN.matcher(text);
                    boolean hasThen = then.find();
                    String conditions = hasThen ? text.substring(0, then.start()) : text;
                    boolean forAccount = hasThen && concludesOnlyAboutAccount(then.group(1));
                    Matcher declared = READS_ACROSS.matcher(text);
                    Matcher readers = READS_ACROSS_FOR.matcher(text);
                    Set<String> only = new TreeSet<>();
                    while (readers.find()) {
                        for (String type : readers.group(1).split(",")) {
                            if (!type.isBlank()) {
                                only.add(type.strip());
                            }
                        }
                    }
                    boolean declares = false;
                    while (declared.find()) {
                        for (String type : declared.group(1).split(",")) {
                            if (!type.isBlank()) {
                                if (only.isEmpty() || forAccount) {
                                    (forAccount ? accountTypes : types).add(type.strip());
                                } else {
                                    typesFor.computeIfAbsent(type.strip(), k -> new TreeSet<>()).addAll(only);
                                }
                                declares = true;
                            }
                        }
                    }
                    // settings read without naming their resource, and nothing declared: any resource may be read
                    any |= !declares && patterns(conditions, SETTING_PATTERN).stream().anyMatch(p -> !p.matches("(?s).*\\bresource\\b.*"));
                    List<String> patterns = patterns(conditions, RESOURCE_PATTERN);
                    boolean aboutAnother = patterns.stream().anyMatch(p -> !p.matches(ID_BOUND))
                            && conditions.contains("ControlApplies"); // a control's resource, and resources of other kinds
                    if (patterns.size() < 2 && !aboutAnother && (patterns.isEmpty() || !text.contains("Resource.ACCOUNT"))) {
                        continue;
                    }
                    for (String p : patterns) {
                        if (p.matches(ID_BOUND)) {
                            continue; // the resource a rule is about, or one named by id
                        }
                        Matcher named = NAMED.matcher(p);
                        boolean found = false;
                        while (named.find()) {
                            Matcher q = QUOTED.matcher(named.group(3));
                            while (q.find()) {
                                boolean type = named.group(1).equals("type");
                                (forAccount ? type ? accountTypes : accountServices : type ? types : services).add(q.group(1));
                                found = true;
                            }
                        }
                        any |= !found;
                    }
                }
            }
            accountTypes.removeAll(types); // read for another resource too: every part
            accountServices.removeAll(services);
            typesFor.keySet().removeAll(types); // read by another rule whatever the scenario holds
            return new CrossReads(types, services, accountTypes, accountServices, any, typesFor);
        }

        /**
         * Every conclusion of a rule's consequence is a DSL call whose subject is the account (and
         * there is one): no other use of the rule's context ({@code drools}, {@code kcontext}) and
         * no insert or modify. Anything else counts as concluding about a resource.
         */
        private static boolean concludesOnlyAboutAccount(String consequence) {
            if (OTHER_CONCLUSION.matcher(consequence).find()) {
                return false;
            }
            Matcher call = DSL_CALL.matcher(consequence);
            int calls = 0;
            while (call.find()) {
                if (!call.group(1).trim().equals("Resource.ACCOUNT")) {
                    return false;
                }
                calls++;
            }
            return calls > 0 && CONTEXT.matcher(consequence).results().count() == calls;
        }

        /** The constraints of each pattern of a kind in a rule's text (what is inside its parentheses). */
        private static List<String> patterns(String rule, Pattern kind) {
            List<String> out = new ArrayList<>();
            Matcher m = kind.matcher(rule);
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
     * settings, default values, policy statements and notes: {@link #subject}) go to its part,
     * {@code size} resources a part; those of a resource
     * read for the account to the first part (beyond its {@code size}); every other fact to
     * every part. One part when nothing can be split off.
     */
    static List<List<Object>> split(List<Object> facts, CrossReads shared, int size) {
        Map<String, Integer> partOf = new HashMap<>();
        Set<String> present = new java.util.HashSet<>();
        List<String> keys = shared.typesFor().values().stream().flatMap(Set::stream).filter(k -> k.startsWith(SETTING))
                .map(k -> k.substring(SETTING.length())).distinct().toList();
        for (Object f : facts) {
            if (f instanceof Resource r && r.type() != null) {
                present.add(r.type());
            } else if (!keys.isEmpty() && f instanceof dev.srm.facts.Setting s) {
                for (String k : keys) {
                    if (s.path().startsWith(k) && (s.path().length() == k.length() || ".[".indexOf(s.path().charAt(k.length())) >= 0)) {
                        present.add(SETTING + k);
                    }
                }
            }
        }
        int own = 0;
        for (Object f : facts) {
            if (f instanceof Resource r && !shared.shares(r, present) && !partOf.containsKey(r.id())) {
                partOf.put(r.id(), shared.readForAccount(r) ? 0 : own++ / size);
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

    /**
     * The fact is a conclusion or setting about the account: a part after the first holds it
     * without the resources read for the account, so only the first part's are kept.
     */
    static boolean aboutAccount(Object fact) {
        return Resource.ACCOUNT.equals(subject(fact));
    }

    /**
     * The resource a fact is about: a resource's id, a record's {@code resource} or
     * {@code subject} (the facts' names for it: settings, default values, policy statements,
     * notes, every conclusion), else null.
     */
    static String subject(Object fact) {
        return fact instanceof Resource r ? r.id() : SUBJECT.get(fact.getClass()).apply(fact);
    }

    private static final ClassValue<java.util.function.Function<Object, String>> SUBJECT = new ClassValue<>() {
        @Override
        protected java.util.function.Function<Object, String> computeValue(Class<?> type) {
            for (java.lang.reflect.RecordComponent c : type.isRecord() ? type.getRecordComponents()
                    : new java.lang.reflect.RecordComponent[0]) {
                if ((c.getName().equals("resource") || c.getName().equals("subject")) && c.getType() == String.class) {
                    java.lang.reflect.Method accessor = c.getAccessor();
                    return fact -> {
                        try {
                            return (String) accessor.invoke(fact);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e);
                        }
                    };
                }
            }
            return fact -> null;
        }
    };
}
