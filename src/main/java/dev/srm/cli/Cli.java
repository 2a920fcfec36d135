package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.SrmException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

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

    /** Prints a result's warnings on err and writes the result to {@code output} (stdout when null): exit 0. */
    int write(List<String> warnings, Path output, Output.Body body) throws IOException {
        warnings.forEach(w -> err.println("warning: " + w));
        Output.to(output, out, body);
        err.flush();
        return ExitCode.OK.code();
    }
}
