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
        listener = listener == null ? new Listener() { } : listener;
        inputFormat = inputFormat == null ? InputFormat.auto : inputFormat;
        groupBy = groupBy == null ? GroupBy.account : groupBy;
        templates = templates == null ? TemplateInputs.NONE : templates;
        policy = policy == null ? PolicyOptions.DEFAULTS : policy;
    }

    /** A request without waivers file, baseline or baseline to write. */
    public AuditRequest(List<Path> paths, InputStream stdin, int jobs, List<AuditFormat> formats, Path outDir, Writer stdout,
                        Listener listener, InputFormat inputFormat, GroupBy groupBy, TemplateInputs templates) {
        this(paths, stdin, jobs, formats, outDir, stdout, listener, inputFormat, groupBy, templates, PolicyOptions.DEFAULTS, null);
    }

    /** This request with waivers, a baseline and an as-of date, writing its report as the next baseline to {@code file} (null: not). */
    public AuditRequest policy(PolicyOptions options, Path file) {
        return new AuditRequest(paths, stdin, jobs, formats, outDir, stdout, listener, inputFormat, groupBy, templates, options, file);
    }

    /** A request grouping inventories per account. */
    public AuditRequest(List<Path> paths, InputStream stdin, int jobs, List<AuditFormat> formats, Path outDir, Writer stdout,
                        Listener listener, InputFormat inputFormat) {
        this(paths, stdin, jobs, formats, outDir, stdout, listener, inputFormat, GroupBy.account, TemplateInputs.NONE);
    }

    /** A request whose templates' parameters take these values. */
    public AuditRequest(List<Path> paths, InputStream stdin, int jobs, List<AuditFormat> formats, Path outDir, Writer stdout,
                        Listener listener, InputFormat inputFormat, TemplateInputs templates) {
        this(paths, stdin, jobs, formats, outDir, stdout, listener, inputFormat, GroupBy.account, templates);
    }

    /** This request with inventories grouped as {@code by} says. */
    public AuditRequest groupBy(GroupBy by) {
        return new AuditRequest(paths, stdin, jobs, formats, outDir, stdout, listener, inputFormat, by, templates, policy, writeBaseline);
    }

    /** Every format, written into {@code dir}, on as many threads as there are cores. */
    public static AuditRequest toDirectory(List<Path> paths, Path dir) {
        return new AuditRequest(paths, System.in, Runtime.getRuntime().availableProcessors(), List.of(AuditFormat.values()), dir,
                null, null, InputFormat.auto);
    }
}
