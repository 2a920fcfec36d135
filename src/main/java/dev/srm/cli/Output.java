package dev.srm.cli;

import dev.srm.report.AtomicFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;

/** Writes a report to stdout or to a file; a file is written to a temporary name and renamed, so it is never half-written. */
final class Output {
    /** Produces the report's text. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    private Output() {
    }

    static void to(Path file, PrintWriter stdout, Body body) throws IOException {
        if (file == null) {
            body.write(stdout);
            stdout.flush();
            return;
        }
        writeAtomically(file, body);
    }

    static void writeAtomically(Path file, Body body) throws IOException {
        try (AtomicFile f = AtomicFile.create(file)) {
            body.write(f.writer());
            f.commit();
        }
    }
}
