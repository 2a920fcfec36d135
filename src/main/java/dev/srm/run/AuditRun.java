package dev.srm.run;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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
 * a handle (id, where the input is); the second reads each input again and evaluates it, at
 * most {@code 4 × jobs} at a time, emitting results in order and dropping them once every
 * renderer has seen them. So the heap holds the handles, a window of evaluations and the
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

        Scenario read(Inputs inputs, InputFormat format) throws InputException;
    }

    private record FileSource(Path path) implements Source {
        public String name() {
            return path.toString();
        }

        public Scenario read(Inputs inputs, InputFormat format) throws InputException {
            List<Scenario> all = inputs.read(path, format);
            if (all.size() != 1) {
                throw new InputException(new InputProblem(name(), "", "holds " + all.size()
                        + " scenarios; srm audit reads one scenario per file"));
            }
            return all.get(0);
        }
    }

    private record LineSource(StdinLines stdin, StdinLines.Line line) implements Source {
        public String name() {
            return "<stdin>:" + line.number();
        }

        public Scenario read(Inputs inputs, InputFormat format) throws InputException {
            byte[] bytes;
            try {
                bytes = stdin.bytes(line);
            } catch (IOException e) {
                throw new InputException(new InputProblem(name(), "", "cannot be read: " + e.getMessage()));
            }
            return inputs.scenarioReader().read(name(), bytes, Format.JSON, line.number() - 1);
        }
    }

    /** A read input: its scenario id, or the problem that stopped it. */
    private record Handle(Source source, String id, InputProblem problem) {
    }

    /** An evaluated input, or the problem that stopped it the second time. */
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

    /** {@code format} is the format of the files ({@code auto}: detected by content); standard input is JSON Lines of scenarios. */
    public AuditRun(Evaluator evaluator, Inputs inputs, InputFormat format, int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, not " + jobs);
        }
        this.evaluator = evaluator;
        this.inputs = inputs;
        this.format = format;
        this.jobs = jobs;
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

            // pass 1: read and validate every input, keep its id
            List<Handle> handles = new ArrayList<>();
            inOrder(pool, sources, this::readId, h -> {
                if (h.problem() != null) {
                    problems.add(h.problem());
                } else {
                    handles.add(h);
                }
            });
            handles.sort(Comparator.comparing(Handle::id).thenComparing(h -> h.source().name(), InputOrder.NAMES));
            List<Handle> unique = new ArrayList<>();
            for (Handle h : handles) {
                Handle first = unique.isEmpty() ? null : unique.get(unique.size() - 1);
                if (first != null && first.id().equals(h.id())) {
                    problems.add(duplicateId(h.source().name(), h.id(), first.source().name()));
                } else {
                    unique.add(h);
                }
            }
            listener.planned(unique.size());

            // pass 2: evaluate in parallel, report in order
            PortfolioBuilder portfolio = new PortfolioBuilder(catalog());
            AtomicInteger done = new AtomicInteger();
            inOrder(pool, unique, this::evaluate, o -> {
                if (o.problem() != null) {
                    problems.add(o.problem());
                    return;
                }
                portfolio.add(o.evaluation());
                for (AuditRenderer r : renderers) {
                    r.scenario(o.evaluation());
                }
                listener.evaluated(o.evaluation(), done.incrementAndGet(), unique.size());
            });
            Portfolio result = portfolio.build(problems);
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
    public static List<InputProblem> duplicateIds(String id, java.util.Collection<String> inputs) {
        List<String> names = new ArrayList<>(inputs);
        names.sort(InputOrder.NAMES);
        List<InputProblem> out = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            out.add(duplicateId(names.get(i), id, names.get(0)));
        }
        return out;
    }

    private static InputProblem duplicateId(String name, String id, String firstName) {
        return new InputProblem(name, "/id", "duplicate scenario id '" + id + "' (also used by " + firstName
                + "); scenario ids must be unique within a batch");
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

    private Handle readId(Source source) {
        try {
            return new Handle(source, source.read(inputs, format).id(), null);
        } catch (InputException e) {
            return new Handle(source, null, e.problem());
        }
    }

    private Outcome evaluate(Handle handle) {
        Scenario scenario;
        try {
            scenario = handle.source().read(inputs, format);
        } catch (InputException e) {
            return new Outcome(null, e.problem());
        }
        if (!scenario.id().equals(handle.id())) {
            return new Outcome(null, new InputProblem(handle.source().name(), "", "changed while the audit ran (its id was '"
                    + handle.id() + "', now '" + scenario.id() + "')"));
        }
        return new Outcome(evaluator.evaluate(scenario), null);
    }

    /**
     * Applies {@code work} to every item on the pool, at most {@code 4 × jobs} at a time, and
     * hands the results to {@code sink} in the items' order, on this thread.
     */
    private <T, R> void inOrder(ExecutorService pool, List<T> items, Work<T, R> work, Sink<R> sink) throws IOException {
        int window = Math.max(2, 4 * jobs);
        Deque<Future<R>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < window) {
                    T item = items.get(next++);
                    pending.add(pool.submit(() -> work.apply(item)));
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
