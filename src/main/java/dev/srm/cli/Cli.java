package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.Srm;
import dev.srm.api.SrmException;
import dev.srm.model.HasWarnings;
import dev.srm.report.ReportFormat;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;

/** What a command works with: the writers it prints to (the report on out, messages on err) and the loader of rule packs. */
record Cli(PrintWriter out, PrintWriter err, Srm.Loader loader) {
    static Cli of(CommandSpec spec) {
        return new Cli(spec.commandLine().getOut(), spec.commandLine().getErr(), Main.loader(spec));
    }

    /** Prints a problem the API reported and gives its exit code; usage problems go through picocli's usage path. */
    int report(SrmException e) {
        if (e.exitCode() == ExitCode.USAGE) {
            throw new UsageException(e.problems().get(0));
        }
        e.problems().forEach(p -> err.println("srm: " + p));
        err.flush();
        return e.exitCode().code();
    }

    /** What a report command computes, once {@code -o} has been checked. */
    interface Computation<T> {
        T get() throws IOException;
    }

    /**
     * A report command's work: refuses an {@code -o} that is a directory or one of the inputs before any work, computes
     * the result, prints its warnings on err and writes it in the format to {@code -o} (stdout when not given): exit 0.
     */
    <T extends HasWarnings> int report(OutputFile output, Collection<Path> inputs, Computation<T> result, ReportFormat<T> format)
            throws IOException {
        output.check(inputs);
        T r = result.get();
        r.warnings().forEach(w -> err.println("warning: " + w));
        output.write(out, w -> format.render(r, w));
        err.flush();
        return ExitCode.OK.code();
    }
}
