package dev.srm.run;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.policy.FindingPolicy;
import dev.srm.model.InputProblem;
import dev.srm.model.RulesFailure;
import dev.srm.model.Scenario;
import dev.srm.report.audit.AuditCatalog;
import dev.srm.report.audit.AuditRenderer;
import dev.srm.report.audit.InputOrder;
import dev.srm.report.audit.Portfolio;
import dev.srm.report.audit.PortfolioBuilder;
import dev.srm.model.RuleInfo;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.model.InputFormat;
import dev.srm.input.Inputs;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An audit batch: reads scenario files (directories recursively) and JSON Lines from standard
 * input, evaluates them on {@code jobs} threads with one shared {@link Evaluator}, and hands
 * each evaluation to the report renderers, then the portfolio roll-ups.
 *
 * <p>Determinism: the renderers receive evaluations sorted by scenario id, then file, and the
 * failed inputs sorted by file, whatever the number of threads and the order the inputs were
 * named in; duplicate ids are resolved in that order too (the first file keeps the id).
 *
 * <p>Memory: two passes. The first reads and validates every input in parallel and keeps only
 * a handle (the ids of its scenarios, where the input is); the second reads each input again
 * and evaluates it, at most {@code 4 × jobs} at a time, emitting results in order and dropping
 * them once every renderer has seen them. An input of many scenarios (an AWS Config inventory:
 * one per account) is streamed: its scenarios are evaluated in its order, the next one read
 * while the ones before it are evaluated. So the heap holds the handles, a window of evaluations and the
 * roll-ups (counts), never the whole batch; standard input is spooled to a temporary file.
 * Each input is parsed twice: cheap next to evaluating it.
 */
public final class AuditRun {
    /** Told how the run goes, on the thread that called {@link #run}. */
    public interface Listener {
        /** The inputs are read: this many scenarios will be evaluated. */
        default void planned(int scenarios) {
        }

        /** One more scenario was evaluated and reported ({@code done} of {@code total}). */
        default void evaluated(Evaluation evaluation, int done, int total) {
        }
    }

    /** Where one input is: a file, or a line of standard input. */
    private sealed interface Source permits FileSource, LineSource {
        String name();

        /** The input's scenarios, read as the stream is consumed (a plan or an inventory may hold many). */
        ScenarioStream open(Inputs inputs, InputFormat format) throws InputException;
    }

    private record FileSource(Path path) implements Source {
        public String name() {
            return path.toString();
        }

        public ScenarioStream open(Inputs inputs, InputFormat format) throws InputException {
            return inputs.open(path, format);
        }
    }

    private record LineSource(StdinLines stdin, StdinLines.Line line) implements Source {
        public String name() {
            return "<stdin>:" + line.number();
        }

        public ScenarioStream open(Inputs inputs, InputFormat format) throws InputException {
            byte[] bytes;
            try {
                bytes = stdin.bytes(line);
            } catch (IOException e) {
                throw new InputException(new InputProblem(name(), "", "cannot be read: " + e.getMessage()));
            }
            try {
                return ScenarioStream.of(List.of(ReadScenario.of(inputs.scenarioReader().read(name(), bytes, Format.JSON, line.number() - 1))));
            } catch (InputException e) {
                throw new InputException(lineProblem("<stdin>", line.number(), e.problem()));
            }
        }
    }

    /**
     * A read input: the ids of its scenarios (those whose id an earlier input took are skipped,
     * those whose id was made from the file's name may be qualified), or the problem that stopped it.
     */
    private record Handle(Source source, List<String> ids, Set<Integer> fromName, Set<Integer> skipped,
                          Map<Integer, BatchIds.Claim> qualified, InputProblem problem) {
        String firstId() {
            return ids.isEmpty() ? "" : ids.get(0);
        }

        /** The id its first scenario is reported under. */
        String reportedFirstId() {
            BatchIds.Claim c = qualified.get(0);
            return c == null ? firstId() : c.id();
        }

        /** Scenario {@code i} as read, under the id the batch gave it. */
        ReadScenario claimed(int i, ReadScenario read) {
            BatchIds.Claim c = qualified.get(i);
            return c == null ? read : c.applied(read);
        }
    }

    /** An evaluated scenario, or the problem that stopped it the second time. */
    private record Outcome(Evaluation evaluation, InputProblem problem) {
    }

    @FunctionalInterface
    private interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    @FunctionalInterface
    private interface Sink<R> {
        void accept(R result) throws IOException;
    }

    private final Evaluator evaluator;
    private final Inputs inputs;
    private final InputFormat format;
    private final int jobs;
    private final FindingPolicy policy;

    /** {@code format} is the format of the files ({@code auto}: detected by content); standard input is JSON Lines of scenarios. */
    public AuditRun(Evaluator evaluator, Inputs inputs, InputFormat format, int jobs) {
        this(evaluator, inputs, format, jobs, null);
    }

    /** An audit whose findings go through {@code policy} (waivers, baseline; null: fingerprints only, judged today). */
    public AuditRun(Evaluator evaluator, Inputs inputs, InputFormat format, int jobs, FindingPolicy policy) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.evaluator = evaluator;
        this.inputs = inputs;
        this.format = format;
        this.jobs = jobs;
        this.policy = policy == null ? FindingPolicy.none(java.time.LocalDate.now()) : policy;
    }

    /** What the reports need to know about the rule pack before the first scenario. */
    public AuditCatalog catalog() {
        return catalog(evaluator.pack());
    }

    static AuditCatalog catalog(RulePack pack) {
        List<RuleInfo> controls = new ArrayList<>();
        List<RuleInfo> findingRules = new ArrayList<>();
        Map<String, String> integrations = new TreeMap<>();
        for (RuleInfo r : pack.rules().values()) {
            if ("control".equals(r.kind())) {
                controls.add(r);
            } else if ("finding".equals(r.kind())) {
                findingRules.add(r);
            } else {
                continue;
            }
            for (String name : r.integrations()) {
                integrations.put(name, pack.catalog().integration(name).map(i -> i.why()).orElse(""));
            }
        }
        return new AuditCatalog(controls, findingRules, integrations);
    }

    /**
     * Runs the batch. {@code paths} are files and directories; a path {@code -} means JSON
     * Lines on {@code stdin}, one scenario per line, named {@code <stdin>:N}. Renderers are
     * finished but not closed. Returns the roll-ups, the failed inputs included.
     */
    public Portfolio run(List<Path> paths, InputStream stdin, List<AuditRenderer> renderers, Listener listener)
            throws IOException {
        boolean useStdin = paths.stream().anyMatch(p -> "-".equals(p.toString()));
        List<Path> files = paths.stream().filter(p -> !"-".equals(p.toString())).toList();
        List<InputProblem> problems = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, daemonThreads());
        try (StdinLines lines = useStdin ? StdinLines.read(stdin) : null) {
            List<Source> sources = sources(files, lines, problems);

            // pass 1: read and validate every input, keep the ids of its scenarios
            List<Handle> handles = new ArrayList<>();
            inOrder(pool, calls(sources, this::readIds), h -> {
                if (h.problem() != null) {
                    problems.add(h.problem());
                } else if (!h.ids().isEmpty()) {
                    handles.add(h);
                }
            });
            BatchIds.Settlement settled = BatchIds.settle(handles.stream()
                    .map(h -> new BatchIds.InputIds(h.source().name(), h.ids(), h.fromName())).toList());
            problems.addAll(settled.problems());
            int planned = 0;
            for (Handle h : handles) {
                h.skipped().addAll(settled.skipped().getOrDefault(h.source().name(), Set.of()));
                h.qualified().putAll(settled.renamed().getOrDefault(h.source().name(), Map.of()));
                planned += h.ids().size() - h.skipped().size();
            }
            // reported in the order of the ids they are reported under
            handles.sort(Comparator.comparing(Handle::reportedFirstId).thenComparing(h -> h.source().name(), InputOrder.NAMES));
            listener.planned(planned);
            int total = planned;

            // pass 2: evaluate in parallel, report in order; an input of many scenarios is read once,
            // one scenario at a time on this thread while the pool evaluates the ones before it
            PortfolioBuilder portfolio = new PortfolioBuilder(catalog());
            AtomicInteger done = new AtomicInteger();
            inOrder(pool, new Evaluations(handles, problems), o -> {
                if (o.problem() != null) {
                    problems.add(o.problem());
                    return;
                }
                portfolio.add(o.evaluation());
                for (AuditRenderer r : renderers) {
                    r.scenario(o.evaluation());
                }
                listener.evaluated(o.evaluation(), done.incrementAndGet(), total);
            });
            Set<String> failedFiles = new java.util.HashSet<>();
            problems.forEach(p -> failedFiles.add(p.file()));
            Portfolio result = portfolio.build(problems, policy.summary(failedFiles));
            for (AuditRenderer r : renderers) {
                r.finish(result);
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The inputs of a batch that lose a scenario id they share: the input first in input order
     * (by name, a trailing {@code :N} compared as a number) keeps it, each other one is a problem.
     */
    /**
     * A problem of line {@code line} of a JSON Lines input, named after the file: {@code file:2:1},
     * not {@code file:2:2:1}, since the place already holds the line.
     */
    public static InputProblem lineProblem(String file, int line, InputProblem p) {
        return new InputProblem(file, p.where().isEmpty() ? Integer.toString(line) : p.where(), p.message());
    }

    public static List<InputProblem> duplicateIds(String id, java.util.Collection<String> inputs) {
        List<String> names = new ArrayList<>(inputs);
        names.sort(InputOrder.NAMES);
        List<InputProblem> out = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            out.add(BatchIds.duplicateId(names.get(i), id, names.get(0)));
        }
        return out;
    }

    private static List<Source> sources(List<Path> files, StdinLines stdin, List<InputProblem> problems) {
        ScenarioFiles.Expansion expansion = ScenarioFiles.expand(files);
        problems.addAll(expansion.problems());
        Set<String> seen = new LinkedHashSet<>();
        List<Source> sources = new ArrayList<>();
        for (Path f : expansion.files()) {
            if (seen.add(f.toString())) { // the same file named twice is read once
                sources.add(new FileSource(f));
            }
        }
        if (stdin != null) {
            for (StdinLines.Line line : stdin.lines()) {
                sources.add(new LineSource(stdin, line));
            }
        }
        return sources;
    }

    private Handle readIds(Source source) {
        List<String> ids = new ArrayList<>();
        Set<Integer> fromName = new java.util.HashSet<>();
        try (ScenarioStream stream = source.open(inputs, format)) {
            for (ReadScenario r = stream.next(); r != null; r = stream.next()) {
                if (r.scenario().idFromFileName()) {
                    fromName.add(ids.size());
                }
                ids.add(r.scenario().id());
            }
            return new Handle(source, ids, fromName, new java.util.HashSet<>(), new java.util.HashMap<>(), null);
        } catch (InputException e) {
            return new Handle(source, List.of(), Set.of(), Set.of(), Map.of(), e.problem());
        }
    }

    private static <T, R> Iterator<Callable<R>> calls(List<T> items, Work<T, R> work) {
        return items.stream().map(item -> (Callable<R>) () -> work.apply(item)).iterator();
    }

    /**
     * The evaluations of pass 2, in order: an input of one scenario is read and evaluated on the
     * pool; an input of many is read here, a scenario at a time, and each is evaluated on the pool.
     */
    private final class Evaluations implements Iterator<Callable<Outcome>> {
        private final Iterator<Handle> handles;
        private final List<InputProblem> problems;
        private Handle current;
        private ScenarioStream stream;
        private int index;
        private Callable<Outcome> next;

        Evaluations(List<Handle> handles, List<InputProblem> problems) {
            this.handles = handles.iterator();
            this.problems = problems;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Callable<Outcome> next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            Callable<Outcome> c = next;
            next = null;
            return c;
        }

        private Callable<Outcome> advance() {
            while (true) {
                if (stream == null) {
                    if (!handles.hasNext()) {
                        return null;
                    }
                    current = handles.next();
                    index = 0;
                    if (current.ids().size() == 1) {
                        if (current.skipped().contains(0)) {
                            continue;
                        }
                        Handle h = current;
                        return () -> evaluateSingle(h);
                    }
                    try {
                        stream = current.source().open(inputs, format);
                    } catch (InputException e) {
                        return () -> new Outcome(null, e.problem());
                    }
                }
                ReadScenario read;
                try {
                    read = stream.next();
                } catch (InputException e) {
                    close();
                    return () -> new Outcome(null, e.problem());
                }
                if (read == null) {
                    close();
                    continue;
                }
                int i = index++;
                if (current.skipped().contains(i)) {
                    continue;
                }
                if (i >= current.ids().size() || !read.scenario().id().equals(current.ids().get(i))) {
                    String name = current.source().name();
                    close();
                    return () -> new Outcome(null, new InputProblem(name, "", "changed while the audit ran (its scenarios differ from the first reading)"));
                }
                ReadScenario claimed = current.claimed(i, read);
                return () -> outcome(claimed);
            }
        }

        private void close() {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }

    private Outcome evaluateSingle(Handle handle) {
        ReadScenario read;
        try (ScenarioStream stream = handle.source().open(inputs, format)) {
            read = stream.next();
        } catch (InputException e) {
            return new Outcome(null, e.problem());
        }
        if (read == null || !read.scenario().id().equals(handle.firstId())) {
            return new Outcome(null, new InputProblem(handle.source().name(), "", "changed while the audit ran (its id was '"
                    + handle.firstId() + "', now '" + (read == null ? "" : read.scenario().id()) + "')"));
        }
        return outcome(handle.claimed(0, read));
    }

    /** A read scenario evaluated, or the problem of rules that did not settle on it (the batch goes on). */
    private Outcome outcome(ReadScenario read) {
        try {
            return new Outcome(evaluated(read), null);
        } catch (RulesFailure e) {
            return new Outcome(null, e.problem());
        }
    }

    /** The evaluation of a read scenario, through the policy, with the reader's warnings. */
    private Evaluation evaluated(ReadScenario read) {
        return ReaderWarnings.added(policy.apply(read.scenario(), evaluator.evaluate(read.scenario())), read.warnings());
    }

    /**
     * Runs the work on the pool, at most {@code 4 × jobs} at a time (taking the next piece of
     * work only when there is room), and hands the results to {@code sink} in order, on this thread.
     */
    private <R> void inOrder(ExecutorService pool, Iterator<Callable<R>> work, Sink<R> sink) throws IOException {
        int window = Math.max(2, 4 * jobs);
        Deque<Future<R>> pending = new ArrayDeque<>();
        try {
            while (work.hasNext() || !pending.isEmpty()) {
                while (work.hasNext() && pending.size() < window) {
                    pending.add(pool.submit(work.next()));
                }
                sink.accept(await(pending.poll()));
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private static <R> R await(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "srm-audit-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
