package dev.srm.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A report file written under a temporary name beside its target and renamed into place by
 * {@link #commit()}. Closing it without committing deletes the temporary file, so an
 * interrupted or failed run never leaves a half-written report that looks complete (at most
 * a hidden {@code .NAME.*.tmp} file when the process is killed outright).
 *
 * <p>A target that is a symbolic link is followed: the file it points to is replaced, and the
 * link stays. A target that exists and is not a regular file (a device such as
 * {@code /dev/null}, a FIFO) cannot be replaced by a rename without destroying it: it is written
 * in place, as a shell's {@code >} does, and its write errors are reported.
 */
public final class AtomicFile implements Closeable {
    /** As many links as Linux follows before it gives up (ELOOP). */
    private static final int MAX_LINKS = 40;

    private final Path target;
    private final Path destination;
    private final Path tmp;
    private final OutputStream stream;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Path destination, Path tmp, OutputStream stream) {
        this.target = target;
        this.destination = destination;
        this.tmp = tmp;
        this.stream = stream;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Creates the target's directory if needed and opens a temporary file beside the file the
     * target names (through its links), or the target itself when it is a device or a FIFO.
     * Its failures say what could not be done, in the words of the system ({@link #reason}).
     */
    public static AtomicFile create(Path target) throws IOException {
        return create(target, Files::newOutputStream);
    }

    /** How a file is opened for writing: the file system's way, or in tests one whose writes fail on cue (a full disk). */
    @FunctionalInterface
    interface Opener {
        OutputStream open(Path file, StandardOpenOption... options) throws IOException;
    }

    static AtomicFile create(Path target, Opener opener) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new IOException("cannot create the directory " + parent + " (" + reason(e) + ")", e);
            }
        }
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) { // through its links, if any
            try {
                return new AtomicFile(target, target, null, opener.open(target, StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new IOException("cannot open " + target + " (" + reason(e) + ")", e);
            }
        }
        Path destination = followLinks(target);
        Path dir = destination.toAbsolutePath().getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + destination.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot create a temporary file in " + dir + " (" + reason(e) + ")", e);
        }
        try {
            return new AtomicFile(target, destination, tmp, opener.open(tmp));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** The file a path names once its symbolic links are followed (one that does not exist yet, for a dangling link). */
    private static Path followLinks(Path target) throws IOException {
        Path p = target;
        for (int links = 0; Files.isSymbolicLink(p); links++) {
            if (links == MAX_LINKS) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p));
        }
        return p;
    }

    /** What went wrong with a file, in the system's words and without Java's (no exception class, no temporary name). */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "File exists";
            }
            if (e instanceof NotDirectoryException) {
                return "Not a directory";
            }
            if (e instanceof DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            return "the file system refused it";
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage().lines().findFirst().orElse("input/output error");
    }

    public Path target() {
        return target;
    }

    /** The UTF-8 writer of the temporary file (or of the device); {@link #commit()} closes it. */
    public Writer writer() {
        return writer;
    }

    /** Closes the writer and renames the temporary file to the target, replacing it (a device or FIFO: only closes it). */
    public void commit() throws IOException {
        writer.close();
        if (tmp != null) {
            keepPermissions();
            move(tmp, destination);
        }
        committed = true;
    }

    /**
     * Commits several files as one: every file is written out before any target is touched, and
     * when a rename fails the targets already replaced get their previous content back. So a
     * batch of reports is replaced whole or not at all (a device or FIFO among them is written,
     * not renamed, so it is not taken back).
     */
    public static void commitAll(List<AtomicFile> files) throws IOException {
        commitAll(files, AtomicFile::move);
    }

    /** How {@link #commitAll} renames: the file system's move, or in tests one that fails on cue. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    static void commitAll(List<AtomicFile> files, Mover mover) throws IOException {
        for (AtomicFile f : files) {
            f.writer.close();
            if (f.tmp != null) {
                f.keepPermissions();
            } else {
                f.committed = true;
            }
        }
        for (AtomicFile f : files) {
            if (Files.isDirectory(f.destination)) {
                throw new IOException(f.target + ": is a directory");
            }
        }
        List<Path[]> undo = new ArrayList<>(); // {destination, backup or null}
        try {
            for (AtomicFile f : files) {
                if (f.tmp == null) {
                    continue;
                }
                Path backup = null;
                if (Files.exists(f.destination)) {
                    backup = Files.createTempFile(f.tmp.getParent(), "." + f.destination.getFileName() + ".", ".bak");
                    mover.move(f.destination, backup);
                }
                undo.add(new Path[] {f.destination, backup});
                mover.move(f.tmp, f.destination);
                f.committed = true;
            }
        } catch (IOException e) {
            for (int i = undo.size() - 1; i >= 0; i--) {
                Path[] u = undo.get(i);
                try {
                    if (u[1] != null) {
                        move(u[1], u[0]);
                    } else {
                        Files.deleteIfExists(u[0]);
                    }
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        for (Path[] u : undo) {
            if (u[1] != null) {
                Files.deleteIfExists(u[1]);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A temporary file is private (rw-------); the report gets the target's permissions, or rw-r--r--. */
    private void keepPermissions() throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(destination) ? Files.getPosixFilePermissions(destination)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * Unless {@link #commit()} ran: deletes the temporary file, and drops what the writer still
     * holds (a failed write, a full disk, must not fail the clean-up too).
     */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            stream.close();
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
