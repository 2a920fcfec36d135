package dev.srm.cli;

import dev.srm.api.AuditRequest;
import dev.srm.api.AuditResult;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.audit.AuditFormat;
import dev.srm.report.audit.Portfolio;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code srm audit}: evaluates a whole portfolio in parallel and writes the audit reports. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a batch of scenarios (files, directories, or JSON Lines on stdin with '-') in parallel "
                + "and write audit reports: json, csv, markdown, html, sarif, junit.",
                "Reports are byte-identical whatever --jobs and whatever the order of the inputs. "
                        + "A summary goes to stderr."})
final class AuditCommand extends PackCommand {
    /** Warnings beyond this many go to the reports only (the json report has them all). */
    static final int MAX_WARNINGS = 20;
    static final String DEFAULT_OUT = "srm-report";

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

    @Option(names = "--no-progress", description = "No progress bar (it shows only when stderr is a terminal and the run is long).")
    boolean noProgress;

    @Mixin
    EvaluationOptions options;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Also write this run's JSON report to FILE, the --baseline of the next run.")
    Path writeBaseline;

    @Override
    int run(Cli cli) {
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1) {
            throw new UsageException("--jobs must be at least 1, not " + jobs);
        }
        if (paths.stream().filter(p -> "-".equals(p.toString())).count() > 1) {
            throw new UsageException("'-' (standard input) can be named only once");
        }
        Output.checkDirectory("--out", out, options.inputs(paths));
        List<AuditFormat> chosen = formats.isEmpty() ? List.of(AuditFormat.values()) : List.copyOf(EnumSet.copyOf(formats));
        boolean toStdout = out == null && chosen.size() == 1;
        Path dir = toStdout ? null : out == null ? Path.of(DEFAULT_OUT) : out;

        PolicyFlags policy = options.policy;
        ProgressBar progress = new ProgressBar(cli.err(), !noProgress && System.console() != null, System::currentTimeMillis);
        Warnings warnings = new Warnings(cli);
        AuditRequest.Builder request = AuditRequest.of(paths).jobs(threads).formats(chosen)
                .listener(new AuditRequest.Listener() {
                    @Override
                    public void evaluated(Evaluation e, int done, int total) {
                        progress.update(done, total);
                        warnings.add(e);
                    }
                })
                .inputFormat(options.input.format).groupBy(options.input.groupBy).templates(options.templates.inputs())
                .policy(policy.options()).writeBaseline(writeBaseline);
        if (toStdout) {
            request.toWriter(cli.out());
        } else {
            request.toDirectory(dir);
        }
        AuditResult result;
        try {
            result = options.rules.load(cli).audit(request.build());
        } finally {
            progress.finish();
        }
        warnings.finish();
        summary(cli, result.portfolio(), result.written());
        return result.exitCode(policy.failOn(), policy.failOnNew()).code();
    }

    private static void summary(Cli cli, Portfolio p, List<Path> files) {
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
        Portfolio.Policy policy = p.policy();
        if (policy.shown()) {
            policy.summary().warnings().forEach(w -> cli.err().println("warning: " + w));
            if (!policy.summary().waivers().isEmpty()) {
                sb.append(", ").append(policy.waivedTotal()).append(" waived");
            }
            if (policy.summary().baseline()) {
                sb.append("; against the baseline: ").append(policy.freshTotal()).append(" new")
                        .append(policy.reopened() == 0 ? "" : " (" + policy.reopened() + " reopened: waived in the baseline, open now)")
                        .append(", ").append(policy.unchanged())
                        .append(" unchanged, ").append(policy.summary().fixed().size()).append(" fixed");
                if (!policy.summary().undecided().isEmpty()) {
                    sb.append(", ").append(policy.summary().undecided().size()).append(" undecided (their control is UNKNOWN this time)");
                }
            }
        }
        cli.err().println(sb);
        for (Path f : files) {
            cli.err().println("srm audit: wrote " + f);
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
}
