package dev.srm.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;

/** {@code -o/--output FILE}: where a command's one report goes instead of stdout, written whole or not at all. */
final class OutputFile {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path file;

    /** Refuses, before any work, a FILE that is a directory or one of the inputs (exit 2). */
    void check(Collection<Path> inputs) {
        Output.checkFile("-o", file, inputs);
    }

    /** Writes the report to FILE, or to stdout when none was given. */
    void write(PrintWriter stdout, Output.Body body) throws IOException {
        Output.to(file, stdout, body);
    }

    /** Whether the report goes to a file (so stderr may say more than the report does). */
    boolean toFile() {
        return file != null;
    }
}
