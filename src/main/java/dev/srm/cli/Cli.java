package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.SrmException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** The writers a command prints to: the report on out, messages on err. */
record Cli(PrintWriter out, PrintWriter err) {
    static Cli of(CommandSpec spec) {
        return new Cli(spec.commandLine().getOut(), spec.commandLine().getErr());
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
}
