package dev.srm.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
