package dev.srm.engine;

import dev.srm.facts.AsOf;
import dev.srm.facts.DutiesInFull;
import dev.srm.facts.DutyBaseline;
import dev.srm.facts.DefaultValue;
import dev.srm.facts.Notice;
import dev.srm.facts.Resource;
import dev.srm.facts.ScenarioContext;
import dev.srm.facts.Setting;
import dev.srm.model.Evaluation;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.rules.CloudFormationSchema;
import dev.srm.rules.ServiceCatalog;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates scenarios against a compiled {@link RulePack}. Thread-safe: each call uses its own
 * session. Java here turns a scenario into facts and facts into a result; the rules decide.
 */
public final class Evaluator {
    /** The firings every session may use whatever its size (see {@link #firingLimit}). */
    static final int MAX_FIRINGS = 1_000_000;
    /** The firings each inserted fact adds to a session's limit (the bundled pack fires about 6 per fact). */
    static final int FIRINGS_PER_FACT = 200;
    /**
     * A scenario with more resources than this is evaluated in parts of this many resources,
     * each in its own session, so that a session's memory is bounded by the part, not the scenario.
     */
    static final int PART_SIZE = 500;

    /** How long the rules may run on one scenario by default ({@code --timeout}): generous, it only catches a rule that never ends. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final RulePack pack;
    private final int partSize;
    private final LocalDate asOf;
    private final TimeLimit timeLimit;

    /** An evaluator that judges dates (a version's end of support) on today's date. */
    public Evaluator(RulePack pack) {
        this(pack, PART_SIZE);
    }

    /** An evaluator whose rules may run {@code timeout} on each scenario before it is stopped and reported. */
    public Evaluator(RulePack pack, Duration timeout) {
        this(pack, PART_SIZE, timeout);
    }

    /**
     * An evaluator that judges dates on {@code asOf} ({@code --as-of}; null: today), so that the
     * same input and day give the same answer on any day.
     */
    public Evaluator(RulePack pack, LocalDate asOf) {
        this(pack, PART_SIZE, asOf);
    }

    /**
     * An evaluator that splits scenarios of more than {@code partSize} resources into parts of
     * that many (the default is {@value #PART_SIZE}); {@link Integer#MAX_VALUE} evaluates every
     * scenario in one session. The answers are the same either way.
     */
    public Evaluator(RulePack pack, int partSize) {
        this(pack, partSize, null, DEFAULT_TIMEOUT);
    }

    /** An evaluator with a part size (see {@link #Evaluator(RulePack, int)}) judging dates on {@code asOf} (null: today). */
    public Evaluator(RulePack pack, int partSize, LocalDate asOf) {
        this(pack, partSize, asOf, DEFAULT_TIMEOUT);
    }

    /** An evaluator splitting scenarios into parts of {@code partSize} resources, each scenario within {@code timeout}. */
    public Evaluator(RulePack pack, int partSize, Duration timeout) {
        this(pack, partSize, null, timeout);
    }

    /** An evaluator judging dates on {@code asOf} (null: today), each scenario within {@code timeout}. */
    public Evaluator(RulePack pack, LocalDate asOf, Duration timeout) {
        this(pack, PART_SIZE, asOf, timeout);
    }

    /**
     * An evaluator with a part size (see {@link #Evaluator(RulePack, int)}) judging dates on
     * {@code asOf} (null: today) and stopping the rules of a scenario after {@code timeout}.
     */
    public Evaluator(RulePack pack, int partSize, LocalDate asOf, Duration timeout) {
        if (partSize < 1) {
            throw new IllegalArgumentException("part size must be positive: " + partSize);
        }
        this.pack = pack;
        this.partSize = partSize;
        this.asOf = asOf == null ? LocalDate.now() : asOf;
        this.timeLimit = new TimeLimit(timeout);
    }

    /** The day this evaluator judges dates on. */
    public LocalDate asOf() {
        return asOf;
    }

    public RulePack pack() {
        return pack;
    }

    /** How long the rules may run on one scenario. */
    public Duration timeout() {
        return timeLimit.limit();
    }

    /**
     * Runs the sessions of one input within the time limit (the triager's sessions too): past it,
     * a {@link dev.srm.model.RulesLoopException} names the input and the rule that was firing; a
     * rule whose action or condition throws is a {@link dev.srm.model.RuleActionException} naming
     * the input and the rule, so that a batch reports the input and goes on.
     */
    <T> T limited(String what, String file, TimeLimit.Work<T> work) {
        try {
            return timeLimit.run(what, file, work);
        } catch (org.kie.api.runtime.rule.ConsequenceException e) {
            String rule = e.getMatch() == null || e.getMatch().getRule() == null ? null : e.getMatch().getRule().getName();
            throw new dev.srm.model.RuleActionException(rule, bundled(rule), what, file, e.getCause() == null ? e : e.getCause());
        } catch (org.drools.modelcompiler.constraints.ConstraintEvaluationException
                 | org.drools.mvel.ConstraintEvaluationException e) {
            // "Error evaluating constraint '...' in [Rule "name" in file]": the message names the rule
            java.util.regex.Matcher m = CONSTRAINT_RULE.matcher(String.valueOf(e.getMessage()));
            String rule = m.find() ? m.group(1) : null;
            throw new dev.srm.model.RuleActionException(rule, bundled(rule), what, file, e);
        }
    }

    /** The rule a constraint error of Drools names: {@code ... in [Rule "name" in file]}. */
    private static final java.util.regex.Pattern CONSTRAINT_RULE = java.util.regex.Pattern.compile("\\[Rule \"([^\"]+)\"");

    /** Whether the rule is one of srm's bundled rules (its file is the pack's own). */
    private boolean bundled(String rule) {
        dev.srm.model.RuleInfo info = rule == null ? null : pack.rules().get(rule);
        return info != null && info.file() != null && info.file().startsWith(dev.srm.rules.RuleSources.BUNDLED_ORIGIN);
    }

    public Evaluation evaluate(Scenario scenario) {
        return evaluate(scenario, false);
    }

    /** Evaluates one scenario; with {@code explain}, every conclusion carries the chain of rules behind it. */
    public Evaluation evaluate(Scenario scenario, boolean explain) {
        return run(scenario, explain, null);
    }

    /** An evaluation and the names of the rules that fired for it (for coverage and {@code rules show}). */
    public record Tracked(Evaluation evaluation, Set<String> firedRules) {
        public Tracked {
            firedRules = Set.copyOf(firedRules);
        }
    }

    /** Evaluates one scenario and records which rules fired. */
    public Tracked evaluateTracked(Scenario scenario, boolean explain) {
        Set<String> fired = new HashSet<>();
        Evaluation evaluation = run(scenario, explain, fired);
        return new Tracked(evaluation, fired);
    }

    /**
     * How often the rules may fire in a session of {@code facts} facts before it counts as
     * looping: {@value #MAX_FIRINGS} plus {@value #FIRINGS_PER_FACT} per fact, so that a large
     * scenario is not taken for a loop while a looping rule is still stopped.
     */
    static int firingLimit(int facts) {
        return (int) Math.min(Integer.MAX_VALUE, MAX_FIRINGS + (long) FIRINGS_PER_FACT * facts);
    }

    private Evaluation run(Scenario scenario, boolean explain, Set<String> fired) {
        return limited("scenario '" + scenario.id() + "'", scenario.file(), watch -> {
            Evaluation with = run(scenario, explain, fired, false, watch);
            Scenario none = scenario.withoutUndecided();
            if (none == null) {
                return with;
            }
            List<UndecidedWorlds.World> worlds = new ArrayList<>();
            worlds.add(new UndecidedWorlds.World(null, run(none, explain, fired, false, watch)));
            for (Map.Entry<String, List<ResourceSpec>> w : scenario.undecided().worlds().entrySet()) {
                worlds.add(new UndecidedWorlds.World(w.getKey(), run(scenario.inWorld(w.getValue()), explain, fired, false, watch)));
            }
            return UndecidedWorlds.merge(with, worlds, scenario);
        });
    }

    /**
     * Evaluates with the duty rows fired on every resource and every duty decided in the
     * session, as triage and {@code --explain} do: the reference the baselines are tested against.
     */
    Evaluation evaluateInFull(Scenario scenario) {
        return limited("scenario '" + scenario.id() + "'", scenario.file(), watch -> run(scenario, false, null, true, watch));
    }

    private Evaluation run(Scenario scenario, boolean explain, Set<String> fired, boolean inFull, TimeLimit.Watch watch) {
        List<String> warnings = new ArrayList<>(scenario.warnings());
        List<Object> facts = facts(scenario, warnings, true);
        if (explain || inFull || pack.dutiesInFull()) {
            facts.add(new DutiesInFull()); // explained chains name the duty rows' own matches (every part gets it)
        }
        if (!explain && scenario.resources().size() > partSize) {
            List<List<Object>> parts = ScenarioParts.split(facts, pack.sharedResources(), partSize);
            if (parts.size() > 1) {
                return new ResultAssembler(pack, scenario, warnings, null).assemble(runParts(scenario, parts, fired, watch)).asOf(asOf);
            }
        }
        Tracer tracer = explain ? new Tracer() : null;
        KieSession session = watch.open(pack);
        try {
            if (tracer != null) {
                session.addEventListener(tracer);
                session.addEventListener(tracer.agendaListener());
            }
            if (fired != null) {
                session.addEventListener(firedListener(fired));
            }
            for (Object f : facts) {
                session.insert(f);
            }
            fire(session, facts.size(), scenario, watch);
            Collection<? extends Object> objects = session.getObjects();
            if (fired != null) {
                rowsUsed(objects, fired);
            }
            return new ResultAssembler(pack, scenario, warnings, tracer).assemble(objects).asOf(asOf);
        } finally {
            session.dispose();
        }
    }

    /**
     * The duty rows whose conclusions a resource took from its {@link DutyBaseline} count as
     * fired: they matched the resource's key, the pack fired them once for all its resources.
     */
    private static void rowsUsed(Collection<? extends Object> objects, Set<String> fired) {
        for (Object o : objects) {
            if (o instanceof DutyBaseline b) {
                fired.addAll(b.matrix().rows());
            }
        }
    }

    private static org.kie.api.event.rule.AgendaEventListener firedListener(Set<String> fired) {
        return new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
    }

    private static void fire(KieSession session, int facts, Scenario scenario, TimeLimit.Watch watch) {
        int limit = firingLimit(facts);
        if (session.fireAllRules(limit) >= limit) {
            throw new dev.srm.model.RulesLoopException(limit, "scenario '" + scenario.id() + "'", scenario.file(), watch.rule());
        }
    }

    /**
     * Evaluates the parts of a large scenario one session after another and returns the facts
     * they end with. Every part holds the facts all parts share (context, account, duty
     * catalogue, the resources cross-resource rules read for other resources); their
     * conclusions are equal in every part, so they are taken from the first part only. The
     * resources read only for the account are in the first part alone, so the conclusions about
     * the account are the first part's.
     */
    private List<Object> runParts(Scenario scenario, List<List<Object>> parts, Set<String> fired, TimeLimit.Watch watch) {
        List<Object> all = new ArrayList<>();
        Set<Object> first = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            List<Object> part = parts.get(i);
            KieSession session = watch.open(pack);
            try {
                if (fired != null) {
                    session.addEventListener(firedListener(fired));
                }
                for (Object f : part) {
                    session.insert(f);
                }
                fire(session, part.size(), scenario, watch);
                if (fired != null) {
                    rowsUsed(session.getObjects(), fired);
                }
                for (Object o : session.getObjects()) {
                    if (!ResultAssembler.reads(o)) {
                        continue; // settings, claims, traits...: held only until the scenario is assembled
                    }
                    if (i == 0) {
                        first.add(o);
                        all.add(o);
                    } else if (!first.contains(o) && !ScenarioParts.aboutAccount(o)) {
                        all.add(o);
                    }
                }
            } finally {
                session.dispose();
            }
        }
        return all;
    }

    /**
     * The facts of a scenario: its context, the pack's controls, account settings, resources
     * and their settings. {@code checkKeys} warns about configuration keys the catalogue does
     * not know (off for inputs, like ASFF details, that are not CloudFormation properties).
     */
    List<Object> facts(Scenario scenario, List<String> warnings, boolean checkKeys) {
        ServiceCatalog catalog = pack.catalog();
        List<Object> facts = new ArrayList<>();
        Map<String, Set<String>> stated = new java.util.HashMap<>();
        scenario.resources().stream().filter(r -> !r.stated().isEmpty()).forEach(r -> stated.put(r.id(), r.stated()));
        Set<String> partial = new java.util.HashSet<>();
        scenario.resources().stream().filter(ResourceSpec::partial).forEach(r -> partial.add(r.id()));
        facts.add(new ScenarioContext(scenario.id(), scenario.inventory(), stated, partial));
        facts.addAll(scenario.account());
        facts.addAll(pack.dutyDefs());
        facts.add(new AsOf(asOf));
        Set<String> types = new java.util.TreeSet<>();
        Set<String> ids = new HashSet<>();
        scenario.resources().forEach(r -> ids.add(r.id()));
        for (ResourceSpec spec : scenario.resources()) {
            Resource resource = resolve(spec, catalog, scenario, warnings);
            facts.add(resource);
            if (resource.type() != null) {
                types.add(resource.type());
            }
            List<Setting> settings = listsFromResources(spec, resource, catalog, ids);
            facts.addAll(checkKeys ? typed(spec, settings, resource, catalog, scenario, warnings) : settings);
            facts.addAll(defaults(resource, catalog, writtenAsCloudFormation(spec)));
            facts.addAll(PolicyDocuments.statements(spec.id(), spec.settings()));
            spec.notes().forEach(note -> facts.add(new Notice(spec.id(), note, "input")));
            if (scenario.undecided() != null && scenario.undecided().reasons().containsKey(spec.id())) {
                facts.add(new dev.srm.facts.UndecidedResource(spec.id(), scenario.undecided().reasons().get(spec.id())));
            }
            if (checkKeys) {
                warnUnknownKeys(spec, resource, catalog, scenario, warnings);
            }
        }
        facts.addAll(pack.lifecycleFacts(types));
        return facts;
    }

    /**
     * The resource's settings, a list property whose value is another resource of the input taken
     * as undetermined: a template's {@code VPCZoneIdentifier: !GetAtt Subnets.SubnetIds} (a custom
     * resource's or a stack's list attribute) resolves to the resource it names, and srm cannot
     * see the list it gives. Read as a single value, the list was absent (AutoScaling.2 MISSING).
     */
    private static List<Setting> listsFromResources(ResourceSpec spec, Resource resource, ServiceCatalog catalog, Set<String> ids) {
        if (!fromTemplate(spec)) {
            return spec.settings(); // a scenario file, plan or inventory writes its values; only a template's resolve to resources
        }
        List<Setting> out = null;
        for (int i = 0; i < spec.settings().size(); i++) {
            Setting s = spec.settings().get(i);
            if (s.value() != null && !s.isUnknown() && ids.contains(s.value()) && !s.value().equals(spec.id())
                    && catalog.schema().expectsList(resource.type(), s.path())) {
                if (out == null) {
                    out = new ArrayList<>(spec.settings());
                }
                out.set(i, new Setting(s.resource(), s.path(), s.pattern(), Setting.unknownValue("a list attribute of resource "
                        + s.value() + " (Fn::GetAtt), which only the deployment gives")));
            }
        }
        return out == null ? spec.settings() : out;
    }

    /**
     * The resource's settings, a value that does not have the primitive type the type's CloudFormation
     * schema declares taken as undetermined, with a warning: neither true nor false (in any case) where
     * a Boolean is declared, not a number where an Integer or Double is. Compared with {@code true},
     * {@code BlockPublicAcls: 1}, {@code "yes"} or {@code y} was simply not true, so a control found
     * the bucket's public access unblocked (a HIGH finding) on a value nobody wrote as false; compared
     * with 7, {@code BackupRetentionPeriod: seven} failed "at least 7" as if it were a shorter period.
     * CloudFormation rejects both. An empty list or object there is {@code misshapen}'s to report; a
     * null states nothing.
     */
    private static List<Setting> typed(ResourceSpec spec, List<Setting> settings, Resource resource, ServiceCatalog catalog,
                                       Scenario scenario, List<String> warnings) {
        if (resource.type() == null || !catalog.schema().knows(resource.type())) {
            return settings;
        }
        List<Setting> out = null;
        for (int i = 0; i < settings.size(); i++) {
            Setting s = settings.get(i);
            String v = s.value();
            if (v == null || s.isUnknown() || v.equals("[]") || v.equals("{}") || catalog.isSrmKey(topKey(s.path()))) {
                continue;
            }
            Optional<CloudFormationSchema.Primitive> primitive = catalog.schema().primitiveAt(resource.type(), s.path());
            String found = primitive.map(p -> mistyped(p, s)).orElse(null);
            if (found == null) {
                continue;
            }
            warnings.add(scenario.file() + ":" + spec.line() + ": resource '" + spec.id() + "': " + resource.type() + " "
                    + primitive.get().pointer() + ": " + found + "; controls that read it are UNKNOWN");
            if (out == null) {
                out = new ArrayList<>(settings);
            }
            out.set(i, new Setting(s.resource(), s.path(), s.pattern(), Setting.unknownValue(found)));
        }
        return out == null ? settings : out;
    }

    /** What was found instead of the declared primitive ("expected true or false, found 'yes'"), or null when it fits. */
    private static String mistyped(CloudFormationSchema.Primitive primitive, Setting s) {
        if (primitive.type().equals("Boolean")) {
            return s.isTrue() || s.isFalse() ? null : "expected true or false, found '" + s.value() + "'";
        }
        if (primitive.numeric()) {
            try {
                new java.math.BigDecimal(s.value().trim());
                return null;
            } catch (NumberFormatException e) {
                return "expected a number, found '" + s.value() + "'";
            }
        }
        return null;
    }

    /**
     * Whether the resource was read from a CloudFormation template (its origin names a logical id and no
     * JSON pointer: a scenario file's resource has a pointer, a plan's an address and a pointer, an inventory's an ARN).
     */
    private static boolean fromTemplate(ResourceSpec spec) {
        return spec.origin().pointer() == null && spec.origin().address() != null && spec.origin().arn() == null;
    }

    /**
     * Whether the resource is written as CloudFormation: read from a template, or from a scenario file (its origin has a
     * pointer but neither an address nor an ARN); not from a Terraform plan or an AWS Config item.
     */
    private static boolean writtenAsCloudFormation(ResourceSpec spec) {
        return fromTemplate(spec) || spec.origin().address() == null && spec.origin().arn() == null;
    }

    /**
     * CloudFormation's documented defaults for the resource's type (properties outside lists; see DefaultValue); for
     * an input not written as CloudFormation, each is what AWS gives a setting the input leaves unset.
     */
    private static List<DefaultValue> defaults(Resource resource, ServiceCatalog catalog, boolean cloudFormation) {
        return catalog.schema().defaults(resource.type()).stream()
                .filter(d -> !d.pattern().contains("[*]"))
                .map(d -> cloudFormation ? new DefaultValue(resource.id(), d.pattern(), d.value(), d.unknown(), d.source())
                        : DefaultValue.leftUnset(resource.id(), d.pattern(), d.value(), d.unknown(), d.source()))
                .toList();
    }

    private static Resource resolve(ResourceSpec spec, ServiceCatalog catalog, Scenario scenario, List<String> warnings) {
        String where = scenario.file() + ":" + spec.line() + ": resource '" + spec.id() + "': ";
        Optional<ServiceCatalog.Service> byType = catalog.byType(spec.type());
        Optional<ServiceCatalog.Service> byName = catalog.byServiceName(spec.service());
        if (spec.type() != null && byType.isEmpty()) {
            warnings.add(where + catalog.notClassified(spec.type())
                    .map(n -> "CloudFormation type '" + spec.type() + "' is deliberately not classified: " + n.reason())
                    .orElse("unknown CloudFormation type '" + spec.type() + "'") + "; its layers are reported as UNKNOWN");
        }
        if (spec.type() == null && byName.isEmpty()) {
            warnings.add(where + "unknown service '" + spec.service() + "'; its layers are reported as UNKNOWN");
        }
        if (byType.isPresent() && spec.service() != null && !byName.equals(byType)) {
            warnings.add(where + "service '" + spec.service() + "' does not match type '" + spec.type()
                    + "' (a type of " + byType.get().name() + "); the type wins");
        }
        ServiceCatalog.Service service = spec.type() != null ? byType.orElse(null) : byName.orElse(null);
        String type = spec.type() != null ? catalog.canonicalType(spec.type()) : (service == null ? null : service.primaryType());
        return new Resource(spec.id(), service == null ? null : service.name(), type, spec.tags());
    }

    private static void warnUnknownKeys(ResourceSpec spec, Resource resource, ServiceCatalog catalog, Scenario scenario,
                                        List<String> warnings) {
        if (resource.service() == null || resource.type() == null) {
            return;
        }
        if (catalog.schema().knows(resource.type())) {
            warnUnknownKeysBySchema(spec, resource, catalog, scenario, warnings);
            return;
        }
        Set<String> known = catalog.byType(resource.type()).map(s -> s.properties().get(resource.type())).orElse(null);
        if (known == null || known.isEmpty()) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Setting s : spec.settings()) {
            keys.add(topKey(s.path()));
        }
        for (String key : keys) {
            if (!known.contains(key) && !catalog.isSrmKey(key)) {
                warnings.add(scenario.file() + ":" + spec.line() + ": resource '" + spec.id() + "': unknown configuration key '"
                        + key + "' for " + resource.type() + " (not a CloudFormation property nor a documented srm key)");
            }
        }
    }

    /** Unknown keys at any depth, as CloudFormation's schema for the type has them, with a pointer and a "did you mean". */
    private static void warnUnknownKeysBySchema(ResourceSpec spec, Resource resource, ServiceCatalog catalog, Scenario scenario,
                                                List<String> warnings) {
        Set<String> seen = new HashSet<>();
        for (Setting s : spec.settings()) {
            if (catalog.isSrmKey(topKey(s.path()))) {
                continue;
            }
            catalog.schema().check(resource.type(), s.path()).filter(u -> seen.add(u.pointer())).ifPresent(u ->
                    warnings.add(scenario.file() + ":" + spec.line() + ": resource '" + spec.id() + "': unknown configuration key '"
                            + u.key() + "' for " + resource.type() + " at " + u.pointer()
                            + " (not in its CloudFormation schema nor a documented srm key"
                            + (u.suggestion() == null ? ")" : "; did you mean '" + u.suggestion() + "'?)")));
            catalog.schema().misshapen(resource.type(), s.path(), s.value(), s.isUnknown())
                    .filter(m -> !(fromTemplate(spec) && s.value() != null && scenario.resource(s.value()) != null
                            && catalog.schema().expectsList(resource.type(), s.path())))
                    .filter(m -> seen.add(m.substring(0, m.indexOf(':')))).ifPresent(m ->
                    warnings.add(scenario.file() + ":" + spec.line() + ": resource '" + spec.id() + "': " + resource.type() + " " + m
                            + "; srm reads nothing there, so controls find it absent"));
        }
    }

    static String topKey(String path) {
        int end = path.length();
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (dot >= 0) {
            end = dot;
        }
        if (bracket >= 0 && bracket < end) {
            end = bracket;
        }
        return path.substring(0, end);
    }

}
