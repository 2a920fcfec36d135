package dev.srm.engine;

import dev.srm.facts.ControlCatalog;
import dev.srm.facts.ControlDef;
import dev.srm.facts.DutyDef;
import dev.srm.facts.Party;
import dev.srm.rules.DutyTable;
import org.kie.api.runtime.KieSession;
import dev.srm.facts.Severity;
import dev.srm.model.Layers;
import dev.srm.rules.IncidentCatalog;
import dev.srm.rules.LifecycleCatalog;
import dev.srm.rules.RuleFile;
import dev.srm.model.RuleInfo;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import dev.srm.rules.ServiceCatalog;
import org.kie.api.KieBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled rule pack: the KieBase, every rule's metadata, the control definitions read
 * from {@code @kind("control")} rules, and the service catalogue. Build it once per process
 * and share it between threads; it is immutable.
 */
public final class RulePack {
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern PACKAGE_DECL = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

    private final KieBase kieBase;
    private final RuleSources sources;
    private final Map<String, RuleInfo> rules;
    private final Map<String, RuleInfo> byId; // the same rules, for the lookups of every conclusion (a hash, not 11 string compares)
    private final Map<String, ControlDef> controls;
    private final ServiceCatalog catalog;
    private final ControlCatalog controlCatalog;
    private final boolean declaresControls;
    private final boolean declaresDutyRows;
    private final DutyRowsOnce dutyRows;
    private final boolean dutiesInFull;
    private final IncidentCatalog incidents;
    private final DutyTable duties;
    private final List<DutyDef> dutyDefs;
    private final LifecycleCatalog lifecycles;
    private final Map<String, List<Object>> lifecycleFacts;
    private final ScenarioParts.CrossReads crossReads;
    private final boolean onTop;

    private RulePack(KieBase kieBase, RuleSources sources, Map<String, RuleInfo> rules, Map<String, ControlDef> controls,
                     ServiceCatalog catalog, IncidentCatalog incidents, DutyTable duties, LifecycleCatalog lifecycles,
                     boolean onTop) {
        this.onTop = onTop;
        this.duties = duties;
        this.lifecycles = lifecycles;
        Map<String, List<Object>> byType = new HashMap<>();
        for (dev.srm.facts.Lifecycle l : lifecycles.files()) {
            List<Object> facts = new ArrayList<>();
            facts.add(l);
            lifecycles.versions().stream().filter(v -> v.lifecycle().equals(l.id())).forEach(facts::add);
            for (String type : l.types()) {
                byType.computeIfAbsent(type, k -> new ArrayList<>()).addAll(facts);
            }
        }
        byType.replaceAll((k, v) -> List.copyOf(v));
        this.lifecycleFacts = Collections.unmodifiableMap(byType);
        this.dutyDefs = duties.duties().values().stream().map(d -> new DutyDef(d.id(), d.layer(), d.title())).toList();
        this.kieBase = kieBase;
        this.sources = sources;
        this.rules = Collections.unmodifiableMap(rules);
        this.byId = new HashMap<>(rules);
        this.controls = Collections.unmodifiableMap(controls);
        this.catalog = catalog;
        this.controlCatalog = new ControlCatalog(controls);
        this.declaresControls = declares(kieBase, "controls");
        this.declaresDutyRows = declares(kieBase, "dutyRows");
        this.dutyRows = new DutyRowsOnce(this::newSession, dutyDefs);
        this.dutiesInFull = othersReadDuties(sources);
        this.incidents = incidents;
        this.crossReads = ScenarioParts.CrossReads.of(sources);
    }

    /**
     * Starts building the bundled pack's KieBase on a thread of its own (when the build left it on
     * the class path), for the {@link #load} that will ask for it: a run that loads the bundled
     * pack calls this before it reads the pack's files.
     */
    public static void prefetchBundled() {
        ClassPathModule.prefetchBundled();
    }

    /**
     * Loads a pack: precompiled or cached if it was compiled before, else compiled now (and
     * cached). Throws with one {@code file:line: message} per problem.
     */
    public static RulePack load(RuleSources sources) throws RulesException {
        RuleSources all = withDuties(sources);
        KieBase onTop = onTop(sources, all);
        return onTop != null ? load(all, onTop, true) : load(all, KieCompiler.compile(all), false);
    }

    /**
     * The rules of a pack by id, as {@link #rules()} of the loaded pack gives them, read from the
     * index the build wrote when these are exactly the precompiled bundled rules (no KieBase is
     * built); null for any other pack, whose rules only its loaded KieBase knows.
     */
    public static Map<String, RuleInfo> indexedRules(RuleSources sources) throws RulesException {
        RuleSources all = withDuties(sources);
        List<RuleIndex.Entry> index = RuleIndex.find(KieCompiler.cacheKey(all));
        if (index == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> rules = readRules(index, all, problems);
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return rules;
    }

    /**
     * User rules added on top of a compiled pack, compiled by themselves ({@link KieCompiler#compileOnTop}):
     * null when there are none, or when they bring data that changes the rules compiled from the
     * pack's tables (a duties or tagging table), or cannot stand alone; then the whole is compiled.
     */
    static KieBase onTop(RuleSources sources, RuleSources all) {
        RuleSources top = RuleSources.of(sources.additions().drlFiles());
        if (top.files().isEmpty()) {
            return null;
        }
        RuleSources base;
        try {
            base = withDuties(sources.base());
        } catch (RulesException e) {
            return null;
        }
        if (!drls(all).equals(drls(base.plus(top)))) {
            return null;
        }
        return KieCompiler.compileOnTop(base, top);
    }

    private static List<String> drls(RuleSources sources) {
        return sources.drlFiles().stream().map(RuleFile::content).sorted().toList();
    }

    /**
     * The pack's files plus the rules compiled from its data tables, the duties matrix and the
     * tagging controls (what is actually compiled).
     */
    static RuleSources withDuties(RuleSources sources) throws RulesException {
        List<RuleFile> built = GeneratedRules.find(sources);
        return built != null ? sources.withGenerated(built) : generate(sources);
    }

    /** {@link #withDuties} without the build's generated files: the tables compiled to DRL now. */
    static RuleSources generate(RuleSources sources) throws RulesException {
        return TagControlRules.expand(DutyRules.expand(sources, DutyTable.load(sources)), dev.srm.rules.TagControlTable.load(sources));
    }

    /** Loads a pack with the classic DRL compiler and no cache: slower, for checking the fast path. */
    public static RulePack loadClassic(RuleSources sources) throws RulesException {
        RuleSources all = withDuties(sources);
        return load(all, KieCompiler.compileClassic(all), false);
    }

    private static RulePack load(RuleSources sources, KieBase kieBase, boolean onTop) throws RulesException {
        ServiceCatalog catalog = ServiceCatalog.load(sources);
        DutyTable duties = DutyTable.load(sources);
        IncidentCatalog incidents = IncidentCatalog.load(sources);
        LifecycleCatalog lifecycles = LifecycleCatalog.load(sources, duties.duties().keySet());
        List<String> problems = new ArrayList<>();
        Map<String, RuleInfo> rules = readRules(RuleIndex.of(kieBase), sources, problems);
        Map<String, ControlDef> controls = new TreeMap<>();
        for (RuleInfo r : rules.values()) {
            if ("control".equals(r.kind())) {
                try {
                    controls.put(r.id(), new ControlDef(r.id(), r.title(), require(r, "layer"), Severity.parse(require(r, "severity")),
                            r.integrations(), r.remediation(), owner(r), dev.srm.facts.AbsentCase.parse(r.meta("absent"))));
                } catch (IllegalArgumentException e) {
                    problems.add(r.file() + ":" + r.line() + ": control rule '" + r.id() + "': " + e.getMessage());
                }
            } else if ("triage".equals(r.kind())) {
                for (String key : List.of("title", "source")) {
                    String v = r.meta(key);
                    if (v == null || v.isBlank()) {
                        problems.add(r.file() + ":" + r.line() + ": triage rule '" + r.id() + "': missing @" + key + " metadata");
                    }
                }
            }
        }
        for (IncidentCatalog.Kind k : incidents.kinds()) {
            if (!Layers.isKnown(k.layer())) {
                problems.add(k.origin() + ": incident kind '" + k.id() + "': unknown layer '" + k.layer() + "' (expected one of "
                        + String.join(", ", Layers.ALL) + ")");
            }
            DutyTable.Duty duty = k.duty() == null ? null : duties.duties().get(k.duty());
            if (k.duty() != null && (duty == null || !duty.layer().equals(k.layer()))) {
                problems.add(k.origin() + ": incident kind '" + k.id() + "': duty '" + k.duty() + "' is not a duty of its layer "
                        + k.layer());
            }
        }
        for (dev.srm.facts.Lifecycle l : lifecycles.files()) {
            if (!controls.containsKey(l.control())) {
                problems.add(l.origin() + ": lifecycle.control: '" + l.control() + "' is not a control of the pack (a rule with @kind(\"control\"))");
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return new RulePack(kieBase, sources, rules, controls, catalog, incidents, duties, lifecycles, onTop);
    }

    /**
     * Who fixes a control's findings: the customer unless the rule says {@code @owner("AWS")}
     * (a setting only AWS can change, in a user pack). Every bundled control is a setting the
     * customer chooses.
     */
    private static Party owner(RuleInfo r) {
        String owner = r.meta("owner");
        if (owner == null || owner.isBlank()) {
            return Party.CUSTOMER;
        }
        try {
            return Party.valueOf(owner.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@owner must be AWS, CUSTOMER or SHARED, not '" + owner + "'");
        }
    }

    private static String require(RuleInfo r, String key) {
        String v = r.meta(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing @" + key + " metadata");
        }
        return v;
    }

    private static Map<String, RuleInfo> readRules(List<RuleIndex.Entry> entries, RuleSources sources, List<String> problems) {
        // where each rule is declared, read from the DRL text (Drools does not keep lines for all rules)
        Map<String, String[]> declared = new HashMap<>();
        for (RuleFile f : sources.drlFiles()) {
            Matcher pm = PACKAGE_DECL.matcher(f.content());
            String pkg = pm.find() ? pm.group(1) : "";
            Matcher m = RULE_DECL.matcher(f.content());
            while (m.find()) {
                int line = 1 + (int) f.content().substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                declared.put(pkg + "/" + m.group(1), new String[] {f.origin(), Integer.toString(line)});
            }
        }
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (RuleIndex.Entry e : entries) {
            String[] where = declared.getOrDefault(e.pkg() + "/" + e.name(), new String[] {"", "0"});
            if (e.meta().containsKey("row")) { // a rule compiled from a data row: point at the row
                where = new String[] {where[0], e.meta().get("row")};
            }
            RuleInfo info = new RuleInfo(e.name(), e.pkg(), where[0], Integer.parseInt(where[1]), e.meta());
            RuleInfo before = rules.putIfAbsent(e.name(), info);
            if (before != null) {
                // rule names are ids: findings and reports name rules by them, so they must be unique
                problems.add(info.file() + ":" + info.line() + ": duplicate rule id '" + e.name()
                        + "' (also declared at " + before.file() + ":" + before.line() + ")");
            }
        }
        return rules;
    }

    /** The executable model keeps the quotes of metadata values; the classic compiler does not. */
    static String unquote(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** True when the user's rules were compiled by themselves and added to the loaded base pack. */
    public boolean compiledOnTop() {
        return onTop;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** A new session, with the global {@code controls} set when the pack's rules declare it. */
    KieSession newSession() {
        return withGlobals(kieBase.newKieSession());
    }

    private KieSession withGlobals(KieSession session) {
        if (declaresControls) {
            session.setGlobal("controls", controlCatalog);
        }
        if (declaresDutyRows) {
            session.setGlobal("dutyRows", dutyRows);
        }
        return session;
    }

    private static final java.util.regex.Pattern OWN_PACKAGE = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+srm\\.(core|triage)\\s*;");
    private static final java.util.regex.Pattern READS_DUTIES =
            java.util.regex.Pattern.compile("\\b(DutyClaim|DutyDecision|LayerDuties)\\s*\\(");

    /**
     * True when a rule outside srm's own resolution and triage rules (an {@code --extra-rules}
     * or {@code --rules} file) names duty claims or decisions: such a rule must see every one
     * of them in the session (layer decisions are there either way), so every session of the pack fires the duty
     * rows on each resource ({@link dev.srm.facts.DutiesInFull}) instead of taking their
     * conclusions from the resources' baselines.
     */
    static boolean othersReadDuties(RuleSources sources) {
        for (RuleFile f : sources.drlFiles()) {
            String content = f.content();
            if (!content.contains("DutyClaim") && !content.contains("DutyDecision") && !content.contains("LayerDuties")) {
                continue; // most files, and every generated one: no scan at each pack load
            }
            String text = content.replaceAll("(?m)//.*$", "");
            if (!OWN_PACKAGE.matcher(text).find() && READS_DUTIES.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when every session of this pack must decide every duty itself (see {@link #othersReadDuties}). */
    boolean dutiesInFull() {
        return dutiesInFull;
    }

    private static boolean declares(KieBase kieBase, String global) {
        return kieBase.getKiePackages().stream().anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> global.equals(g.getName())));
    }

    public RuleSources sources() {
        return sources;
    }

    /** Every rule by id (its name), sorted. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public RuleInfo rule(String id) {
        return byId.get(id);
    }

    /**
     * What a control's results cite (its rule's {@code @source}, Security Hub controls and Config
     * rules, the frameworks' references), read from the metadata once per pack, not for every
     * resource the control applies to.
     */
    public record References(String source, List<String> securityHub, List<String> configRules,
                             Map<String, List<String>> frameworks) {
        public References {
            securityHub = List.copyOf(securityHub);
            configRules = List.copyOf(configRules);
            frameworks = Collections.unmodifiableMap(new TreeMap<>(frameworks));
        }
    }

    private final Map<String, References> references = new java.util.concurrent.ConcurrentHashMap<>();

    /** The references of the rule {@code id} (a control's): empty lists for a rule the pack does not know. */
    public References references(String id) {
        return references.computeIfAbsent(id, k -> {
            RuleInfo info = byId.get(k);
            return info == null ? new References(null, List.of(), List.of(), catalog.frameworkRefs(k))
                    : new References(info.source(), info.securityHub(), info.configRules(), catalog.frameworkRefs(k));
        });
    }

    /** Every control by id, sorted. */
    public Map<String, ControlDef> controls() {
        return controls;
    }

    public ServiceCatalog catalog() {
        return catalog;
    }

    /** The duty catalogue and the duties matrix of the pack. */
    public DutyTable duties() {
        return duties;
    }

    /** The duty catalogue as facts, for sessions. */
    List<DutyDef> dutyDefs() {
        return dutyDefs;
    }

    /** The lifecycle data of the pack (versions and their end of support). */
    public LifecycleCatalog lifecycles() {
        return lifecycles;
    }

    /**
     * The lifecycle files that judge resources of these CloudFormation types, and their
     * versions, as facts for a session (a session holds only the lifecycles its resources need).
     */
    List<Object> lifecycleFacts(java.util.Collection<String> types) {
        java.util.Set<Object> out = new java.util.LinkedHashSet<>();
        for (String t : types) {
            out.addAll(lifecycleFacts.getOrDefault(t, List.of()));
        }
        return List.copyOf(out);
    }

    /** The resources the pack's rules read across resources: every part of a split scenario holds them. */
    ScenarioParts.CrossReads sharedResources() {
        return crossReads;
    }

    /** The incident taxonomy and the ASFF resource types, for triage. */
    public IncidentCatalog incidents() {
        return incidents;
    }
}
