package dev.srm.report.audit;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text a report writes now and copies into its output later, for formats whose roll-ups come
 * before the per-scenario part. Held in memory up to {@link #MEMORY_LIMIT} characters, then in
 * a temporary file that {@link #close()} deletes; so a large batch costs disk, not heap.
 */
final class Spool extends Writer implements Closeable {
    static final int MEMORY_LIMIT = 1 << 20;

    private final StringBuilder memory = new StringBuilder();
    private Path file;
    private Writer fileWriter;

    /** The temporary file the text spilled to; null while it fits in memory. */
    Path file() {
        return file;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        if (fileWriter == null && memory.length() + len > MEMORY_LIMIT) {
            file = Files.createTempFile("srm-spool-", ".tmp");
            fileWriter = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            fileWriter.append(memory);
            memory.setLength(0);
            memory.trimToSize();
        }
        if (fileWriter != null) {
            fileWriter.write(buf, off, len);
        } else {
            memory.append(buf, off, len);
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s.toCharArray(), 0, s.length());
    }

    /** Copies everything written so far to {@code out}. */
    void copyTo(Writer out) throws IOException {
        if (fileWriter == null) {
            out.append(memory);
            return;
        }
        fileWriter.flush();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.transferTo(out);
        }
    }

    @Override
    public void flush() throws IOException {
        if (fileWriter != null) {
            fileWriter.flush();
        }
    }

    /** Deletes the temporary file, if any. */
    @Override
    public void close() throws IOException {
        if (fileWriter != null) {
            try {
                fileWriter.close();
            } finally {
                Files.deleteIfExists(file);
                fileWriter = null;
            }
        }
        memory.setLength(0);
    }
}
