package dev.srm.cli;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.AtomicFile;
import dev.srm.report.audit.AuditCatalog;
import dev.srm.report.audit.AuditFormat;
import dev.srm.report.audit.AuditRenderer;
import dev.srm.report.audit.Portfolio;
import dev.srm.run.AuditRun;
import dev.srm.input.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code srm audit}: evaluates a whole portfolio in parallel and writes the audit reports. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a batch of scenarios (files, directories, or JSON Lines on stdin with '-') in parallel "
                + "and write audit reports: json, csv, markdown, html, sarif, junit.",
                "Reports are byte-identical whatever --jobs and whatever the order of the inputs. "
                        + "A summary goes to stderr."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:clean: no finding at or above --fail-on, every input read",
                " 1:internal error (a bug in srm: please report it), or a report could not be written",
                " 2:usage error: unknown option, bad value, missing argument",
                " 3:an input (scenario file or rules) could not be read or validated; the others were still evaluated",
                " 4:a finding at or above --fail-on (default high)"})
final class AuditCommand implements Callable<Integer> {
    /** Warnings beyond this many go to the reports only (the json report has them all). */
    static final int MAX_WARNINGS = 20;
    static final String DEFAULT_OUT = "srm-report";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Scenario files, directories (searched recursively, in sorted order), or '-' for JSON Lines on stdin (one scenario per line).")
    List<Path> paths;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the reports into DIR (default: " + DEFAULT_OUT + "/ unless one --format goes to stdout).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "A report to write, repeatable: ${COMPLETION-CANDIDATES} (default: all of them, into --out). "
                    + "One format without --out goes to stdout.")
    List<AuditFormat> formats = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Evaluate on N threads (default: the number of cores).")
    Integer jobs;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high", converter = SeverityThreshold.class,
            description = "Exit 4 when a finding is at or above SEVERITY: critical, high, medium, low, info, or none (default: ${DEFAULT-VALUE}).")
    SeverityThreshold.Value failOn;

    @Option(names = "--no-progress", description = "No progress bar (it shows only when stderr is a terminal and the run is long).")
    boolean noProgress;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() throws Exception {
        Cli cli = Cli.of(spec);
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new UsageException("--jobs must be at least 1, not " + jobs);
        }
        if (paths.stream().filter(p -> "-".equals(p.toString())).count() > 1) {
            throw new UsageException("'-' (standard input) can be named only once");
        }
        List<AuditFormat> chosen = formats.isEmpty() ? List.of(AuditFormat.values()) : List.copyOf(EnumSet.copyOf(formats));
        boolean toStdout = out == null && chosen.size() == 1;
        Path dir = out == null ? Path.of(DEFAULT_OUT) : out;

        RulePack pack = rules.loadOrReport(cli.err());
        if (pack == null) {
            return ExitCode.INPUT.code();
        }
        AuditRun run = new AuditRun(new Evaluator(pack), new ScenarioReader(), threads);
        AuditCatalog catalog = run.catalog();

        List<AtomicFile> files = new ArrayList<>();
        List<AuditRenderer> renderers = new ArrayList<>();
        Portfolio portfolio;
        ProgressBar progress = new ProgressBar(cli.err(), !noProgress && System.console() != null, System::currentTimeMillis);
        Warnings warnings = new Warnings(cli);
        try {
            for (AuditFormat f : chosen) {
                Writer w;
                if (toStdout) {
                    w = new KeepOpen(cli.out());
                } else {
                    AtomicFile file = AtomicFile.create(dir.resolve(f.fileName()));
                    files.add(file);
                    w = file.writer();
                }
                renderers.add(f.open(w, catalog));
            }
            portfolio = run.run(paths, System.in, renderers, new AuditRun.Listener() {
                @Override
                public void evaluated(Evaluation e, int done, int total) {
                    progress.update(done, total);
                    warnings.add(e);
                }
            });
            progress.finish();
            for (AtomicFile f : files) {
                f.commit();
            }
        } catch (IOException e) {
            progress.finish();
            cli.err().println("srm: cannot write the reports: " + e.getMessage());
            return ExitCode.INTERNAL.code();
        } finally {
            for (AuditRenderer r : renderers) {
                r.close();
            }
            for (AtomicFile f : files) {
                f.close();
            }
        }

        warnings.finish();
        summary(cli, portfolio, files);
        if (!portfolio.failures().isEmpty()) {
            return ExitCode.INPUT.code();
        }
        return portfolio.hasFindingAtLeast(failOn.severity()) ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    private static void summary(Cli cli, Portfolio p, List<AtomicFile> files) {
        for (InputProblem problem : p.failures()) {
            cli.err().println("srm: " + problem);
        }
        Portfolio.Totals t = p.totals();
        StringBuilder sb = new StringBuilder("srm audit: ").append(t.scenarios()).append(" scenarios, ").append(t.resources())
                .append(" resources, ").append(t.findings()).append(" findings (");
        boolean first = true;
        for (Map.Entry<Severity, Integer> e : p.findingsBySeverity().entrySet()) {
            sb.append(first ? "" : ", ").append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ').append(e.getValue());
            first = false;
        }
        sb.append("), ").append(t.failedInputs()).append(t.failedInputs() == 1 ? " input" : " inputs").append(" failed");
        cli.err().println(sb);
        for (AtomicFile f : files) {
            cli.err().println("srm audit: wrote " + f.target());
        }
        cli.err().flush();
    }

    /** Prints the first warnings of the batch (in report order) and counts the rest. */
    private static final class Warnings {
        private final Cli cli;
        private int count;

        Warnings(Cli cli) {
            this.cli = cli;
        }

        void add(Evaluation e) {
            for (String w : e.warnings()) {
                if (count++ < MAX_WARNINGS) {
                    cli.err().println("warning: " + w);
                }
            }
        }

        void finish() {
            if (count > MAX_WARNINGS) {
                cli.err().println("warning: ... and " + (count - MAX_WARNINGS) + " more warnings (all of them are in the json report)");
            }
        }
    }

    /** Stdout for a report: flushed by the renderer, never closed by it. */
    private static final class KeepOpen extends FilterWriter {
        KeepOpen(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
