package dev.srm.cli;

import dev.srm.api.SrmException;
import dev.srm.report.AtomicFile;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Writes a report to stdout or to a file; a file is written to a temporary name and renamed, so it is never half-written. */
final class Output {
    /** Produces the report's text. */
    @FunctionalInterface
    interface Body {
        void write(Writer out) throws IOException;
    }

    private Output() {
    }

    /**
     * Refuses, before any work, an output FILE that cannot be written without losing data: a
     * directory, or one of the inputs (the same file, also through a link or another spelling);
     * and one in a directory that does not exist (a typo there would otherwise make directories).
     */
    static void checkFile(String option, Path file, Collection<Path> inputs) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a directory; give the name of a file to write the report to");
        }
        Path dir = file.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + file + ": " + (Files.exists(dir) ? dir + " is not a directory"
                    : "the directory " + dir + " does not exist") + "; srm creates no directory for a report file: create it first");
        }
        refuseInputs(option, file, inputs);
    }

    /** Refuses an output DIRECTORY that is an existing file, or one of the inputs. */
    static void checkDirectory(String option, Path dir, Collection<Path> inputs) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(option + " " + dir + ": is a file; give a directory to write into");
        }
        refuseInputs(option, dir, inputs);
    }

    /** The arguments that may name files, as paths (an argument that cannot be a path is left out). */
    static java.util.List<Path> pathsOf(String... names) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (String n : names) {
            try {
                if (n != null) {
                    out.add(Path.of(n));
                }
            } catch (java.nio.file.InvalidPathException e) {
                // not a file name
            }
        }
        return out;
    }

    private static void refuseInputs(String option, Path target, Collection<Path> inputs) {
        if (inputs == null || !Files.exists(target)) {
            return;
        }
        for (Path in : inputs) {
            if (in == null || "-".equals(in.toString())) {
                continue;
            }
            try {
                if (Files.exists(in) && Files.isSameFile(in, target)) {
                    throw new UsageException(option + " " + target + ": is the input " + in
                            + "; writing there would overwrite it; choose another output");
                }
            } catch (IOException e) {
                // cannot tell: the write itself reports what is wrong
            }
        }
    }

    static void to(Path file, PrintWriter stdout, Body body) throws IOException {
        if (file == null) {
            body.write(stdout);
            stdout.flush();
            return;
        }
        writeAtomically(file, body);
    }

    /**
     * Writes FILE whole or not at all (a device or FIFO is written in place, a symbolic link's file replaced); a failure
     * is the one line {@code cannot write the report to FILE: why} and exit 1, and leaves no temporary file.
     */
    static void writeAtomically(Path file, Body body) {
        try (AtomicFile f = AtomicFile.create(file)) {
            body.write(f.writer());
            f.commit();
        } catch (IOException e) {
            throw SrmException.output("cannot write the report to " + file + ": " + AtomicFile.reason(e));
        }
    }
}
