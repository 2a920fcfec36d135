package dev.srm.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
public final class AtomicFile implements Closeable {
    private final Path target;
    private final Path tmp;
    private final Writer writer;
    private boolean committed;

    private AtomicFile(Path target, Path tmp, Writer writer) {
        this.target = target;
        this.tmp = tmp;
        this.writer = writer;
    }

    /** Creates the target's directory if needed and opens a temporary file beside the target. */
    public static AtomicFile create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16);
            return new AtomicFile(target, tmp, w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    public Path target() {
        return target;
    }

    /** The UTF-8 writer of the temporary file; {@link #commit()} closes it. */
    public Writer writer() {
        return writer;
    }

    /** Closes the writer and renames the temporary file to the target, replacing it. */
    public void commit() throws IOException {
        writer.close();
        keepPermissions();
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /**
     * Commits several files as one: every file is written out before any target is touched, and
     * when a rename fails the targets already replaced get their previous content back. So a
     * batch of reports is replaced whole or not at all.
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
            f.keepPermissions();
        }
        for (AtomicFile f : files) {
            if (Files.isDirectory(f.target)) {
                throw new IOException(f.target + ": is a directory");
            }
        }
        List<Path[]> undo = new ArrayList<>(); // {target, backup or null}
        try {
            for (AtomicFile f : files) {
                Path backup = null;
                if (Files.exists(f.target)) {
                    backup = Files.createTempFile(f.tmp.getParent(), "." + f.target.getFileName() + ".", ".bak");
                    mover.move(f.target, backup);
                }
                undo.add(new Path[] {f.target, backup});
                mover.move(f.tmp, f.target);
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
        Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /** Deletes the temporary file unless {@link #commit()} ran. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
