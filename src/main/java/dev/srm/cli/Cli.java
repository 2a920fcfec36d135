package dev.srm.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** The writers a command prints to: the report on out, messages on err. */
record Cli(PrintWriter out, PrintWriter err) {
    static Cli of(CommandSpec spec) {
        return new Cli(spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
