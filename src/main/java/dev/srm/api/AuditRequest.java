package dev.srm.api;

import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.model.Evaluation;
import dev.srm.report.audit.AuditFormat;

import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * A batch to audit and the reports to write.
 *
 * @param paths   scenario files, directories (searched recursively) or {@code -} for JSON Lines on {@code stdin}
 * @param stdin   where {@code -} reads from
 * @param jobs    threads to evaluate on (at least 1)
 * @param formats the reports to write (at least one)
 * @param outDir  the directory the reports go to, or null when the one format goes to {@code stdout}
 * @param stdout  where a single report goes when {@code outDir} is null; flushed, never closed
 * @param inputFormat the files' format; {@code auto} detects each one by content (standard input is JSON Lines of scenarios)
 * @param groupBy how an inventory of many accounts becomes scenarios (AWS Config): per account, or per account and Region
 * @param templates   values for CloudFormation template parameters ({@code --parameter}, a parameters file)
 * @param policy      waivers, baseline and as-of date
 * @param writeBaseline where to write this run's JSON report as the baseline of the next run, or null
 */
public record AuditRequest(List<Path> paths, InputStream stdin, int jobs, List<AuditFormat> formats, Path outDir, Writer stdout,
                           Listener listener, InputFormat inputFormat, GroupBy groupBy, TemplateInputs templates,
                           PolicyOptions policy, Path writeBaseline) {
    /** Told how the run goes, on the calling thread. */
    public interface Listener {
        /** Told nothing. */
        Listener NONE = new Listener() {
        };

        /** The inputs are read: this many scenarios will be evaluated. */
        default void planned(int scenarios) {
        }

        /** One more scenario was evaluated and reported ({@code done} of {@code total}). */
        default void evaluated(Evaluation evaluation, int done, int total) {
        }
    }

    public AuditRequest {
        paths = List.copyOf(paths);
        formats = List.copyOf(formats);
        if (jobs < 1) {
            throw SrmException.usage("jobs must be at least 1, not " + jobs);
        }
        if (formats.isEmpty()) {
            throw SrmException.usage("no report format chosen");
        }
        if (outDir == null && (stdout == null || formats.size() != 1)) {
            throw SrmException.usage("reports go to a directory; only a single format can go to standard output");
        }
        if (paths.stream().filter(p -> "-".equals(p.toString())).count() > 1) {
            throw SrmException.usage("'-' (standard input) can be named only once");
        }
        listener = listener == null ? Listener.NONE : listener;
        inputFormat = inputFormat == null ? InputFormat.auto : inputFormat;
        groupBy = groupBy == null ? GroupBy.account : groupBy;
        templates = templates == null ? TemplateInputs.NONE : templates;
        policy = policy == null ? PolicyOptions.DEFAULTS : policy;
    }

    /**
     * A request for these inputs, to be completed: by default every format into a directory
     * (name it with {@link Builder#toDirectory}) or one format to a writer, on as many threads as
     * there are cores, each file's format detected, inventories grouped per account, no waivers.
     * <pre>{@code
     * AuditRequest.of(List.of(Path.of("scenarios"))).toDirectory(Path.of("srm-audit")).build()
     * AuditRequest.of(List.of(Path.of("-"))).stdin(in).formats(AuditFormat.json).toWriter(out).jobs(2).build()
     * }</pre>
     */
    public static Builder of(List<Path> paths) {
        return new Builder(paths);
    }

    /** Every format, written into {@code dir}, on as many threads as there are cores. */
    public static AuditRequest toDirectory(List<Path> paths, Path dir) {
        return of(paths).toDirectory(dir).build();
    }

    /** Builds an {@link AuditRequest}; {@link #build()} checks it as the record does. */
    public static final class Builder {
        private final List<Path> paths;
        private InputStream stdin = System.in;
        private int jobs = Runtime.getRuntime().availableProcessors();
        private List<AuditFormat> formats = List.of(AuditFormat.values());
        private Path outDir;
        private Writer stdout;
        private Listener listener;
        private InputFormat inputFormat = InputFormat.auto;
        private GroupBy groupBy = GroupBy.account;
        private TemplateInputs templates = TemplateInputs.NONE;
        private PolicyOptions policy = PolicyOptions.DEFAULTS;
        private Path writeBaseline;

        private Builder(List<Path> paths) {
            this.paths = List.copyOf(paths);
        }

        /** Where {@code -} reads from (default: {@code System.in}). */
        public Builder stdin(InputStream stdin) {
            this.stdin = stdin;
            return this;
        }

        /** Threads to evaluate on (default: the number of cores). */
        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        /** The reports to write (default: every format). */
        public Builder formats(List<AuditFormat> formats) {
            this.formats = List.copyOf(formats);
            return this;
        }

        public Builder formats(AuditFormat... formats) {
            return formats(List.of(formats));
        }

        /** The directory the reports go to. */
        public Builder toDirectory(Path dir) {
            this.outDir = dir;
            this.stdout = null;
            return this;
        }

        /** The one format chosen goes to {@code out} (flushed, never closed). */
        public Builder toWriter(Writer out) {
            this.stdout = out;
            this.outDir = null;
            return this;
        }

        /** Told of the plan and of each scenario evaluated, on the calling thread. */
        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /** The files' format (default: {@code auto}, detected by content). */
        public Builder inputFormat(InputFormat inputFormat) {
            this.inputFormat = inputFormat;
            return this;
        }

        /** How an inventory of many accounts becomes scenarios (default: per account). */
        public Builder groupBy(GroupBy groupBy) {
            this.groupBy = groupBy;
            return this;
        }

        /** Values for CloudFormation template parameters. */
        public Builder templates(TemplateInputs templates) {
            this.templates = templates;
            return this;
        }

        /** Waivers, a baseline and the as-of date. */
        public Builder policy(PolicyOptions policy) {
            this.policy = policy;
            return this;
        }

        /** Where to write this run's JSON report as the next run's baseline (default: nowhere). */
        public Builder writeBaseline(Path file) {
            this.writeBaseline = file;
            return this;
        }

        public AuditRequest build() {
            return new AuditRequest(paths, stdin, jobs, formats, outDir, stdout, listener, inputFormat, groupBy, templates, policy,
                    writeBaseline);
        }
    }
}
