package dev.srm.api;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.engine.Triager;
import dev.srm.input.InputException;
import dev.srm.model.InputFormat;
import dev.srm.input.Inputs;
import dev.srm.input.ReadScenario;
import dev.srm.input.cloudformation.TemplateParameters;
import dev.srm.input.scenario.ScenarioReader;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.input.Format;
import dev.srm.model.PackValidation;
import dev.srm.model.ReportDiff;
import dev.srm.policy.Baseline;
import dev.srm.policy.Differ;
import dev.srm.policy.FindingPolicy;
import dev.srm.policy.PolicyException;
import dev.srm.policy.Waiver;
import dev.srm.policy.WaiverFile;
import dev.srm.model.RuleDetail;
import dev.srm.model.RuleInfo;
import dev.srm.model.Scenario;
import dev.srm.model.Triage;
import dev.srm.model.matrix.Comparison;
import dev.srm.model.matrix.Crm;
import dev.srm.model.matrix.Matrix;
import dev.srm.model.matrix.Row;
import dev.srm.report.AtomicFile;
import dev.srm.report.audit.AuditCatalog;
import dev.srm.report.audit.AuditFormat;
import dev.srm.report.audit.AuditRenderer;
import dev.srm.report.audit.Portfolio;
import dev.srm.report.audit.PortfolioBuilder;
import dev.srm.model.DutyInfo;
import dev.srm.rules.DutyTable;
import dev.srm.rules.IncidentCatalog;
import dev.srm.rules.RuleSources;
import dev.srm.rules.RulesException;
import dev.srm.rules.ServiceCatalog;
import dev.srm.run.AuditRun;
import dev.srm.run.EvaluationRun;
import dev.srm.run.ImportRun;
import dev.srm.run.ReaderWarnings;
import dev.srm.run.RuleInspection;
import dev.srm.run.ScenarioTestRun;
import dev.srm.run.TriageException;
import dev.srm.run.TriageField;
import dev.srm.run.TriageInput;
import dev.srm.run.TriageRun;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * srm as a library: a rule pack loaded once, and everything the command line does with it.
 * Thread-safe; load it once per process (or per rule pack) and share it.
 * <pre>{@code
 * Srm srm = Srm.load(SrmOptions.bundled());
 * EvaluateResult result = srm.evaluate(EvaluateRequest.of(Path.of("shop.yaml")));
 * }</pre>
 * The pack's files and catalogues are read by {@link #load}; its rules are compiled on first
 * use (or by {@link #compile()}), so that a request with bad input is answered at once.
 * Problems come back as {@link SrmException}s carrying one line each and an exit code.
 */
public final class Srm {
    /** Gives an {@link Srm} for options: plainly, or from a cache of packs already compiled. */
    @FunctionalInterface
    public interface Loader {
        Srm load(SrmOptions options);

        /** Loads a new {@link Srm} every time. */
        static Loader plain() {
            return options -> Srm.load(options);
        }

        /**
         * Keeps every pack it loads, keyed by the content of its files: a pack whose files have not
         * changed is compiled once per process (a server, a test suite).
         */
        static Loader caching() {
            Map<String, Srm> cache = new ConcurrentHashMap<>();
            return options -> {
                RuleSources sources = sources(options);
                Srm known = cache.get(sources.digest());
                if (known == null) { // catalogues are read only for a pack not seen before
                    Srm fresh = Srm.load(sources, options);
                    known = cache.putIfAbsent(sources.digest(), fresh);
                    known = known == null ? fresh : known;
                }
                return known.withTimeout(options.timeout());
            };
        }
    }

    private final RuleSources sources;
    private final ServiceCatalog services;
    private final IncidentCatalog incidents;
    private final Inputs inputs;
    private final ScenarioReader reader;
    private final Compiled compiled;
    private final java.time.Duration timeout;

    private Srm(RuleSources sources, ServiceCatalog services, IncidentCatalog incidents, java.time.Duration timeout) {
        this.sources = sources;
        this.services = services;
        this.incidents = incidents;
        this.inputs = new Inputs();
        this.reader = inputs.scenarioReader();
        this.compiled = new Compiled(sources);
        this.timeout = timeout;
    }

    private Srm(Srm same, java.time.Duration timeout) {
        this.sources = same.sources;
        this.services = same.services;
        this.incidents = same.incidents;
        this.inputs = same.inputs;
        this.reader = same.reader;
        this.compiled = same.compiled;
        this.timeout = timeout;
    }

    /** The pack compiled once (on first use), shared by every {@link #withTimeout view} of it. */
    private static final class Compiled {
        private final RuleSources sources;
        private RulePack pack;          // guarded by this
        private RulesException failure; // guarded by this
        private AuditCatalog catalog;   // guarded by this
        private Map<String, RuleInfo> indexed; // guarded by this: the build's index of the bundled pack's rules

        Compiled(RuleSources sources) {
            this.sources = sources;
        }

        synchronized RulePack pack() {
            if (pack == null && failure == null) {
                try {
                    pack = RulePack.load(sources);
                } catch (RulesException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw SrmException.input(failure.problems());
            }
            return pack;
        }

        /**
         * The rules by id: before the pack is loaded, from the index the build wrote for the bundled
         * pack (no KieBase built); else the loaded pack's, which stays loaded for what comes next.
         */
        synchronized Map<String, RuleInfo> rules() {
            if (indexed == null && pack == null && failure == null) {
                try {
                    indexed = RulePack.indexedRules(sources);
                } catch (RulesException e) {
                    throw SrmException.input(e.problems());
                }
            }
            return indexed != null ? indexed : pack().rules();
        }

        synchronized RulesException failure() {
            return failure;
        }

        synchronized AuditCatalog catalog(Inputs inputs) {
            if (catalog == null) {
                catalog = new AuditRun(new Evaluator(pack()), inputs, InputFormat.auto, 1).catalog();
            }
            return catalog;
        }
    }

    /**
     * This srm with another time limit per scenario ({@code --timeout}), sharing its pack (compiled
     * once): what a process that runs requests with different limits keeps.
     */
    public Srm withTimeout(java.time.Duration limit) {
        java.time.Duration checked = new SrmOptions(null, List.of(), limit).timeout();
        return checked.equals(timeout) ? this : new Srm(this, checked);
    }

    /** How long the rules may run on one scenario or incident before it is stopped and reported. */
    public java.time.Duration timeout() {
        return timeout;
    }

    /** An evaluator of the pack within this srm's time limit. */
    /** An evaluator judging dates on {@code day} (null: today), each scenario within the time limit. */
    private Evaluator evaluator(java.time.LocalDate day) {
        return new Evaluator(pack(), day, timeout);
    }

    /** Reads the pack's files and catalogues; throws (exit code INPUT) when they cannot be read. */
    public static Srm load(SrmOptions options) {
        return load(sources(options), options);
    }

    /** The rule files the options name: the bundled pack or a directory, with the extra directories on top. */
    private static RuleSources sources(SrmOptions options) {
        try {
            RuleSources s = options.rules() == null ? RuleSources.bundled() : RuleSources.directory(options.rules());
            for (Path extra : options.extraRules()) {
                s = s.plus(RuleSources.directory(extra));
            }
            return s;
        } catch (RulesException e) {
            throw SrmException.input(e.problems());
        }
    }

    private static Srm load(RuleSources s, SrmOptions options) {
        try {
            return new Srm(s, ServiceCatalog.load(s), IncidentCatalog.load(s), options.timeout());
        } catch (RulesException e) {
            throw SrmException.input(e.problems());
        }
    }

    /** The bundled rule pack. */
    public static Srm bundled() {
        return load(SrmOptions.bundled());
    }

    /**
     * Starts building the network of the bundled rules on a thread of its own when the options
     * name the bundled pack (with or without rules on top) and the build left it precompiled on
     * the class path: the first evaluation of the {@link #load loaded} srm then waits only for
     * what is left of it. For a caller that is about to load the pack, read inputs and evaluate
     * them (a cold {@code srm evaluate} reads the pack's tables and its scenarios meanwhile); a
     * caller that only lists rules should not, it would pay for a network it never uses.
     */
    public static void prepare(SrmOptions options) {
        if (options.rules() == null) {
            RulePack.prefetchBundled();
        }
    }

    /** Compiles the rules now (a server checks them before it listens); throws with one line per problem. */
    public Srm compile() {
        pack();
        return this;
    }

    private RulePack pack() {
        return compiled.pack();
    }

    // ---------------------------------------------------------------- evaluate

    /** Evaluates files and directories of scenarios; an unreadable input is recorded and the rest still run. */
    public EvaluateResult evaluate(EvaluateRequest request) {
        Inputs forRequest = inputs(request.templates()).groupedBy(request.groupBy()); // a parameters file that cannot be read is answered before compiling
        FindingPolicy policy = policy(request.policy(), request.paths());
        EvaluationRun.Result r = new EvaluationRun(evaluator(policy.asOf()), forRequest).run(request.paths(), request.inputFormat(),
                request.explain(), policy);
        java.util.Set<String> failed = new java.util.HashSet<>();
        r.problems().forEach(p -> failed.add(p.file()));
        return new EvaluateResult(r.evaluations(), r.problems(), policy.summary(failed));
    }

    /**
     * Evaluates content held in memory (a scenario; other formats as {@code format} says or as
     * detected): one evaluation per scenario it holds. {@code name} is how messages name it.
     * Throws (INPUT) when it cannot be read, and the rules' failure on a scenario as it is
     * ({@link dev.srm.model.RulesFailure}). This is what a server calls; a Spark task calls
     * {@link #evaluateInput}, which returns both as problems.
     */
    public List<Evaluation> evaluate(String name, byte[] content, InputFormat format, boolean explain) {
        return evaluate(name, content, format, explain, Policy.asOf(java.time.LocalDate.now()));
    }

    /** As {@link #evaluate(String, byte[], InputFormat, boolean)}, with findings judged against {@code policy} (its as-of day, its waivers). */
    public List<Evaluation> evaluate(String name, byte[] content, InputFormat format, boolean explain, Policy policy) {
        List<ReadScenario> scenarios;
        try {
            scenarios = inputs.readWithWarnings(name, content, format);
        } catch (InputException e) {
            throw SrmException.input(List.of(e.problem().toString()));
        }
        return evaluateEach(scenarios, explain, policy, e -> {
            throw e; // a server answers the request with the failure
        });
    }

    /**
     * Evaluates the scenarios of one input as {@code srm audit} does: a scenario the rules fail on
     * (a loop, a rule that throws) is a problem and the next one is still evaluated.
     */
    private EvaluateResult evaluateAll(List<ReadScenario> scenarios, boolean explain, Policy policy) {
        List<InputProblem> problems = new ArrayList<>();
        List<Evaluation> evaluations = evaluateEach(scenarios, explain, policy, e -> problems.add(e.problem()));
        return new EvaluateResult(evaluations, problems);
    }

    /**
     * Evaluates scenarios read in memory, each finding with its fingerprint, the resource's own
     * waivers and the policy's waivers applied, and dates (waivers, lifecycles) judged on the
     * policy's day; a scenario the rules fail on goes to {@code failed} (which may throw).
     */
    private List<Evaluation> evaluateEach(List<ReadScenario> scenarios, boolean explain, Policy policy,
                                          java.util.function.Consumer<dev.srm.model.RulesFailure> failed) {
        Evaluator evaluator = evaluator(policy.day());
        FindingPolicy judge = policy.fresh();
        List<Evaluation> evaluations = new ArrayList<>();
        for (ReadScenario read : scenarios) {
            Scenario s = read.scenario();
            try {
                evaluations.add(ReaderWarnings.added(judge.apply(s, evaluator.evaluate(s, explain)), read.warnings()));
            } catch (dev.srm.model.RulesFailure e) {
                failed.accept(e);
            }
        }
        return evaluations;
    }

    /**
     * The policy of in-memory evaluations: the waivers of a waivers file's content (null: none),
     * named {@code name} in messages, judged on {@code asOf}. Throws (INPUT) with one line per
     * problem when the file is not a valid waivers file or names controls the pack does not have.
     */
    public Policy policy(String name, byte[] waivers, java.time.LocalDate asOf) {
        if (waivers == null) {
            return Policy.asOf(asOf);
        }
        try {
            return new Policy(WaiverFile.read(name, waivers, waivableIds()), asOf);
        } catch (PolicyException e) {
            throw SrmException.input(e.problems().stream().map(Object::toString).toList());
        }
    }

    /**
     * Evaluates one input held in memory as {@code srm audit} reads a file: its content in the
     * given format ({@code auto}: detected), {@code name} naming it in messages. Never throws for
     * bad input: the result holds the evaluations (one per scenario the input holds) or the
     * problem that stopped it.
     */
    public EvaluateResult evaluateInput(String name, byte[] content, InputFormat format, boolean explain) {
        return evaluateInput(name, content, format, explain, Policy.asOf(java.time.LocalDate.now()));
    }

    /** As {@link #evaluateInput(String, byte[], InputFormat, boolean)}, with findings judged against {@code policy}. */
    public EvaluateResult evaluateInput(String name, byte[] content, InputFormat format, boolean explain, Policy policy) {
        return evaluateInput(name, content, format, explain, policy, ScenarioIds.NONE);
    }

    /**
     * The ids of the scenarios an input holds, as {@code srm audit}'s first pass reads them, for
     * settling the ids of a batch evaluated in pieces ({@link ScenarioIds#settle}); null when the
     * input cannot be read (evaluating it reports why).
     */
    public ScenarioIds.Input scenarioIds(String name, byte[] content, InputFormat format) {
        List<Scenario> scenarios;
        try {
            scenarios = inputs.read(name, content, format == null ? InputFormat.auto : format);
        } catch (InputException e) {
            return null; // evaluating it reports why
        }
        java.util.Set<Integer> fromName = new java.util.HashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).idFromFileName()) {
                fromName.add(i);
            }
        }
        return new ScenarioIds.Input(name, scenarios.stream().map(Scenario::id).toList(), fromName);
    }

    /**
     * As {@link #evaluateInput(String, byte[], InputFormat, boolean, Policy)}, each scenario under
     * the id the batch gave it: a scenario {@code ids} renames is evaluated under its new id, with
     * the warning that says why (as {@code srm audit} does); one it skips (a duplicate) is not
     * evaluated, its problem is among {@code ids}' own.
     */
    public EvaluateResult evaluateInput(String name, byte[] content, InputFormat format, boolean explain, Policy policy,
                                        ScenarioIds ids) {
        List<ReadScenario> scenarios;
        try {
            scenarios = inputs.readWithWarnings(name, content, format == null ? InputFormat.auto : format);
        } catch (InputException e) {
            return new EvaluateResult(List.of(), List.of(e.problem()));
        }
        List<ReadScenario> kept = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            ReadScenario claimed = ids.claimed(name, i, scenarios.get(i));
            if (claimed != null) {
                kept.add(claimed);
            }
        }
        return evaluateAll(kept, explain, policy);
    }

    /**
     * Evaluates one line of a JSON Lines file of scenarios as {@code srm audit -} reads a line of
     * standard input: the scenario is named {@code file:line} and the lines in its messages count
     * from the top of the file ({@code line} is 1-based; a trailing CR is the caller's to drop).
     * Never throws for bad input: the result holds the evaluation or the problem.
     */
    public EvaluateResult evaluateLine(String file, int line, byte[] content, boolean explain) {
        return evaluateLine(file, line, content, explain, Policy.asOf(java.time.LocalDate.now()));
    }

    /** As {@link #evaluateLine(String, int, byte[], boolean)}, with findings judged against {@code policy}. */
    public EvaluateResult evaluateLine(String file, int line, byte[] content, boolean explain, Policy policy) {
        String name = file + ":" + line;
        Scenario scenario;
        try {
            scenario = reader.read(name, content, Format.JSON, line - 1);
        } catch (InputException e) {
            return new EvaluateResult(List.of(), List.of(AuditRun.lineProblem(file, line, e.problem())));
        }
        return evaluateAll(List.of(ReadScenario.of(scenario)), explain, policy);
    }

    // ---------------------------------------------------------------- triage

    /** Triages an incident; messages name the request's parts as fields ({@code service}). */
    public TriageResult triage(TriageRequest request) {
        return triage(request, Naming.FIELDS);
    }

    /** Triages an incident, naming the request's parts in messages as {@code naming} says. */
    public TriageResult triage(TriageRequest request, Naming naming) {
        TriageInput input = new TriageInput(request.file, request.asff, request.id, request.resource, request.service, request.kind,
                request.layer, request.summary, request.detectedBy, request.config, request.ownerTag, request.component);
        TriageRun run = new TriageRun(services, incidents, inputs(request.templates), naming == Naming.FLAGS ? TriageField.FLAGS
                : TriageField.FIELDS);
        List<Scenario> scenarios;
        try {
            scenarios = run.prepare(input); // input is checked before the rules are compiled
        } catch (TriageException e) {
            throw e.why() == TriageException.Cause.USAGE ? SrmException.usage(e.getMessage()) : SrmException.input(List.of(e.getMessage()));
        }
        Triager triager = new Triager(evaluator(request.asOf));
        List<Triage> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            out.add(triager.triage(s));
        }
        return new TriageResult(out);
    }

    // ---------------------------------------------------------------- audit

    /**
     * Audits a batch and writes its reports. Report files appear only when every one was written
     * (each is written under a temporary name and renamed at the end); a report that cannot be
     * written throws with exit code INTERNAL and leaves the previous reports as they were.
     */
    public AuditResult audit(AuditRequest request) {
        Inputs forRequest = inputs(request.templates()).groupedBy(request.groupBy());
        FindingPolicy policy = policy(request.policy(), request.paths());
        AuditRun run = new AuditRun(evaluator(policy.asOf()), forRequest, request.inputFormat(), request.jobs(), policy);
        List<AtomicFile> files = new ArrayList<>();
        List<AuditRenderer> renderers = new ArrayList<>();
        try {
            try {
                for (AuditFormat f : request.formats()) {
                    Writer w;
                    if (request.outDir() == null) {
                        w = new KeepOpen(request.stdout());
                    } else {
                        AtomicFile file = AtomicFile.create(request.outDir().resolve(f.fileName()));
                        files.add(file);
                        w = file.writer();
                    }
                    renderers.add(f.open(w, run.catalog()));
                }
                if (request.writeBaseline() != null) { // the next run's baseline: this run's JSON report
                    AtomicFile file = AtomicFile.create(request.writeBaseline());
                    files.add(file);
                    renderers.add(AuditFormat.json.open(file.writer(), run.catalog()));
                }
                AuditRequest.Listener listener = request.listener();
                Portfolio portfolio = run.run(request.paths(), request.stdin(), renderers, new AuditRun.Listener() {
                    @Override
                    public void planned(int scenarios) {
                        listener.planned(scenarios);
                    }

                    @Override
                    public void evaluated(Evaluation e, int done, int total) {
                        listener.evaluated(e, done, total);
                    }
                });
                for (AuditRenderer r : renderers) {
                    r.close();
                }
                AtomicFile.commitAll(files);
                return new AuditResult(portfolio, files.stream().map(AtomicFile::target).toList());
            } finally {
                release(renderers, files);
            }
        } catch (IOException e) {
            throw SrmException.output("cannot write the reports: " + AtomicFile.reason(e));
        }
    }

    /**
     * After an audit, whether its reports were written or not: every renderer's spool and every
     * temporary report file is removed, each whatever became of the others (the run's own error,
     * a full disk, is the one reported).
     */
    private static void release(List<AuditRenderer> renderers, List<AtomicFile> files) {
        List<java.io.Closeable> all = new ArrayList<>(renderers);
        all.addAll(files);
        for (java.io.Closeable c : all) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                // what it held is not wanted any more; the others are still released
            }
        }
    }

    /** Empty portfolio roll-ups for this pack, to add evaluations to (a distributed audit makes one per task). */
    public Rollup rollup() {
        AuditCatalog c = catalog();
        return new Rollup(c, new PortfolioBuilder(c));
    }

    /** Roll-ups from {@link Rollup#toBytes} (made by the same srm with the same pack); throws IllegalArgumentException for other bytes. */
    public Rollup rollup(byte[] bytes) {
        AuditCatalog c = catalog();
        return new Rollup(c, PortfolioBuilder.fromBytes(c, bytes));
    }

    private AuditCatalog catalog() {
        return compiled.catalog(inputs);
    }

    /**
     * How {@code srm audit} settles a scenario id used by several inputs of a batch: the input
     * first in input order (by name, a trailing {@code :N} compared as a number) keeps it, and
     * each of the others is a problem, returned here.
     */
    public static List<InputProblem> duplicateIds(String id, Collection<String> inputs) {
        return AuditRun.duplicateIds(id, inputs);
    }

    /**
     * The policy step of a request: its waivers file (or the {@code srm-waivers.yaml} at the root
     * of each directory input), its baseline, its as-of day. A file that cannot be used throws INPUT
     * with one line per problem, before anything is evaluated.
     */
    private FindingPolicy policy(PolicyOptions options, List<Path> paths) {
        List<String> problems = new ArrayList<>();
        List<Waiver> waivers = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (options.waivers() != null) {
            files.add(options.waivers());
        } else {
            for (Path p : paths) {
                Path candidate = java.nio.file.Files.isDirectory(p) ? p.resolve(WaiverFile.DEFAULT_NAME) : null;
                if (candidate != null && java.nio.file.Files.isRegularFile(candidate) && !files.contains(candidate)) {
                    files.add(candidate);
                }
            }
        }
        java.util.Set<String> known = files.isEmpty() ? java.util.Set.of() : waivableIds(); // for patterns that name none
        for (Path f : files) {
            try {
                waivers.addAll(WaiverFile.read(f, known));
            } catch (PolicyException e) {
                e.problems().forEach(p -> problems.add(p.toString()));
            }
        }
        Baseline baseline = null;
        if (options.baseline() != null) {
            try {
                baseline = Baseline.read(options.baseline());
            } catch (PolicyException e) {
                e.problems().forEach(p -> problems.add(p.toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw SrmException.input(problems);
        }
        return new FindingPolicy(waivers, options.day(), options.warnExpiring(), baseline);
    }

    /** The control and rule ids a waiver may name. */
    private java.util.Set<String> waivableIds() {
        java.util.Set<String> known = new java.util.HashSet<>(pack().rules().keySet());
        known.addAll(pack().controls().keySet());
        return known;
    }

    // ---------------------------------------------------------------- diff

    /** What changed between two JSON reports of srm: findings new and fixed, statuses and parties that moved, waivers. Needs no rules. */
    public static ReportDiff diff(DiffRequest request) {
        try {
            return Differ.diff(request.oldReport(), request.newReport());
        } catch (PolicyException e) {
            throw SrmException.input(e.problems().stream().map(Object::toString).toList());
        }
    }

    /** The JSON Schema of the waivers file. */
    public static String waiversSchema() {
        return WaiverFile.schemaText();
    }

    /** The inputs of a request: templates read with its parameter values (a file that cannot be read throws INPUT). */
    private Inputs inputs(TemplateInputs templates) {
        if (templates.isEmpty()) {
            return inputs;
        }
        try {
            TemplateParameters values = templates.file() == null ? TemplateParameters.NONE : TemplateParameters.read(templates.file());
            return new Inputs(values.plus(TemplateParameters.of(templates.parameters())));
        } catch (InputException e) {
            throw SrmException.input(List.of(e.problem().toString()));
        }
    }

    /** Standard output for a report: flushed by the renderer, never closed by it. */
    private static final class KeepOpen extends FilterWriter {
        KeepOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    // ---------------------------------------------------------------- matrix, compare, crm

    /** The responsibility matrix of services and variants; messages name the request's parts as fields ({@code config}). */
    public Matrix matrix(MatrixRequest request) {
        return matrix(request, Naming.FIELDS);
    }

    /**
     * The responsibility matrix of services and variants (all catalogued services when none is
     * named), each row computed by the rules on a synthetic scenario of one resource.
     */
    public Matrix matrix(MatrixRequest request, Naming naming) {
        Subjects subjects = subjects(naming);
        Map<String, String> config = subjects.config(request.config());
        List<Subjects.Subject> parsed = new ArrayList<>();
        if (request.subjects().isEmpty()) {
            subjects.all().forEach(s -> parsed.add(subjects.parse(s.name())));
        } else {
            request.subjects().forEach(s -> parsed.add(subjects.parse(s)));
        }
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Subjects.Subject s : parsed) {
            for (Subjects.Evaluated e : subjects.rows(s, config)) {
                rows.add(e.row());
                warnings.addAll(e.warnings());
            }
        }
        return new Matrix(dev.srm.model.Layers.ALL, rows, warnings);
    }

    /** What moves between two designs: services, variants or (when the request allows files) scenario files. */
    public Comparison compare(CompareRequest request) {
        return compare(request, Naming.FIELDS);
    }

    /** What moves between two designs, naming the request's parts in messages as {@code naming} says. */
    public Comparison compare(CompareRequest request, Naming naming) {
        Subjects subjects = subjects(naming);
        List<String> warnings = new ArrayList<>();
        Row from = side(subjects, request, request.from(), request.fromConfig(), warnings);
        Row to = side(subjects, request, request.to(), request.toConfig(), warnings);
        return Comparer.compare(from, to, warnings);
    }

    private Row side(Subjects subjects, CompareRequest request, String side, List<String> sideConfig, List<String> warnings) {
        Path file = request.files() ? asFile(side) : null;
        if (file != null) {
            EvaluateResult r = evaluate(EvaluateRequest.of(file).inputFormat(request.inputFormat()));
            if (!r.problems().isEmpty()) {
                throw SrmException.input(r.problems().stream().map(Object::toString).toList());
            }
            if (r.evaluations().stream().allMatch(e -> e.resources().isEmpty())) {
                throw SrmException.input(List.of(file + ": no resources to compare"));
            }
            r.evaluations().forEach(e -> warnings.addAll(e.warnings()));
            return rows().fold(side, r.evaluations());
        }
        Subjects.Subject subject = subjects.parse(side);
        if ("*".equals(subject.variant())) {
            throw SrmException.usage("'" + side + "': compare takes one service or variant on each side, not every variant");
        }
        List<String> all = new ArrayList<>(request.config());
        all.addAll(sideConfig);
        Subjects.Evaluated e = subjects.rows(subject, subjects.config(all)).get(0);
        warnings.addAll(e.warnings());
        return e.row();
    }

    private static Path asFile(String side) {
        try {
            Path p = Path.of(side);
            return java.nio.file.Files.isRegularFile(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /**
     * The customer responsibility matrix of a portfolio: srm JSON results (an audit.json) are
     * read, scenario files and directories are evaluated; frameworks come from the pack's mappings.
     */
    public Crm crm(CrmRequest request, Naming naming) {
        List<ServiceCatalog.Framework> frameworks = CrmBuilder.choose(services.frameworks(), request.frameworks(),
                naming == Naming.FLAGS ? "--framework" : "framework");
        CrmInput input = new CrmInput();
        List<String> warnings = new ArrayList<>();
        List<Path> scenarios = new ArrayList<>();
        for (Path p : request.paths()) {
            if (ResultsJson.claims(p)) {
                ResultsJson.read(p, input, warnings);
            } else {
                scenarios.add(p);
            }
        }
        if (!scenarios.isEmpty()) {
            EvaluateResult r = evaluate(new EvaluateRequest(scenarios, request.inputFormat(), false));
            if (!r.problems().isEmpty()) {
                throw SrmException.input(r.problems().stream().map(Object::toString).toList());
            }
            r.evaluations().forEach(input::add);
        }
        String source = String.join(" ", request.paths().stream().map(Path::toString).toList());
        return CrmBuilder.build(source, input, frameworks, id -> pack().rule(id), warnings);
    }

    /** The pack's catalogued services, in catalogue order (what {@link #matrix} takes). */
    public List<String> services() {
        return services.services().stream().map(ServiceCatalog.Service::name).toList();
    }

    private Subjects subjects(Naming naming) {
        return new Subjects(services, this, rows(), naming);
    }

    private Rows rows() {
        RulePack p = pack();
        return new Rows(id -> {
            RuleInfo info = p.rule(id);
            return info == null ? null : info.source();
        });
    }

    // ---------------------------------------------------------------- import

    /**
     * Writes the scenarios srm derives from inputs (Terraform plans and states, AWS Config
     * inventories, templates) as scenario files, so that a person can read, edit, keep and test
     * them. Needs no rules compiled.
     */
    public ImportResult importScenarios(ImportRequest request) {
        ImportRun.Result r = new ImportRun(inputs.groupedBy(request.groupBy())).run(request.paths(), request.inputFormat(), request.outDir());
        return new ImportResult(r.written(), r.warnings(), r.problems());
    }

    // ---------------------------------------------------------------- test and rules

    /** Runs the expectations of the scenarios under {@code paths}; {@code coverageMin} (null: none) is a percentage. */
    public TestResult test(List<Path> paths, Double coverageMin) {
        if (coverageMin != null && (coverageMin < 0 || coverageMin > 100)) {
            throw SrmException.usage("the coverage threshold is a percentage from 0 to 100, not " + coverageMin);
        }
        return new TestResult(new ScenarioTestRun(evaluator(null), reader).run(paths), coverageMin);
    }

    /** The duty catalogue: every duty of every layer, in layer order (duty ids are part of srm's output contract). */
    public List<DutyInfo> duties() {
        try {
            return DutyTable.load(sources).duties().values().stream()
                    .map(d -> new DutyInfo(d.id(), d.layer(), d.title(), d.meaning())).toList();
        } catch (RulesException e) {
            throw SrmException.input(e.problems());
        }
    }

    /** Every rule of the pack by id, sorted. */
    public List<RuleInfo> rules() {
        return List.copyOf(compiled.rules().values());
    }

    /** One rule with its DRL text and the scenarios under {@code scenarios} (when a directory) that exercise it. */
    public Optional<RuleDetail> rule(String id, Path scenarios) {
        RuleInfo info = pack().rule(id);
        return info == null ? Optional.empty() : Optional.of(RuleInspection.detail(pack(), info, scenarios));
    }

    /** Checks the pack: it compiles, its metadata is complete, and no rules conflict over {@code scenarios}. */
    public PackValidation validate(Path scenarios) {
        RulePack p;
        try {
            p = pack();
        } catch (SrmException e) {
            return RuleInspection.failed(compiled.failure());
        }
        return RuleInspection.validate(p, scenarios);
    }

    /** srm's version, as its jar states it. */
    public static String version() {
        return dev.srm.rules.SrmVersion.get();
    }

    /** The JSON Schema every scenario is validated against. */
    public static String scenarioSchema() {
        return ScenarioReader.schemaText();
    }
}
