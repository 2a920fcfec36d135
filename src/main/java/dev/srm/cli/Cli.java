package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.Srm;
import dev.srm.api.SrmException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

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

    /** Prints a result's warnings on err and writes the result to {@code -o} (stdout when not given): exit 0. */
    int write(List<String> warnings, OutputFile output, Output.Body body) throws IOException {
        warnings.forEach(w -> err.println("warning: " + w));
        output.write(out, body);
        err.flush();
        return ExitCode.OK.code();
    }
}
