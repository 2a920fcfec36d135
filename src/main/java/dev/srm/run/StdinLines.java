package dev.srm.run;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Lines read from standard input, copied to a temporary file as they arrive and indexed
 * by line, so that a stream of any size costs disk rather than heap and any line can be read
 * again later, from any thread. Blank lines are skipped. {@link #close()} deletes the file.
 */
final class StdinLines implements Closeable {
    /** One non-blank line: its 1-based number and where its bytes are (without the line end). */
    record Line(int number, long offset, int length) {
    }

    private final Path file;
    private final FileChannel channel;
    private final List<Line> lines;

    private StdinLines(Path file, FileChannel channel, List<Line> lines) {
        this.file = file;
        this.channel = channel;
        this.lines = List.copyOf(lines);
    }

    static StdinLines read(InputStream in) throws IOException {
        Path file = Files.createTempFile("srm-stdin-", ".jsonl");
        List<Line> lines = new ArrayList<>();
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                byte[] buf = new byte[1 << 16];
                long offset = 0;
                long lineStart = 0;
                int number = 1;
                boolean blank = true;
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    for (int i = 0; i < n; i++) {
                        byte b = buf[i];
                        long pos = offset + i;
                        if (b == '\n') {
                            add(lines, number, lineStart, pos, blank);
                            number++;
                            lineStart = pos + 1;
                            blank = true;
                        } else if (b != ' ' && b != '\t' && b != '\r') {
                            blank = false;
                        }
                    }
                    offset += n;
                }
                add(lines, number, lineStart, offset, blank);
            }
            return new StdinLines(file, FileChannel.open(file, StandardOpenOption.READ), lines);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void add(List<Line> lines, int number, long start, long end, boolean blank) throws IOException {
        if (blank) {
            return;
        }
        long length = end - start;
        if (length > Integer.MAX_VALUE - 16) {
            throw new IOException("standard input line " + number + " is longer than 2 GB");
        }
        lines.add(new Line(number, start, (int) length));
    }

    List<Line> lines() {
        return lines;
    }

    /** The bytes of a line, without its line end (a trailing CR is dropped too). Thread-safe. */
    byte[] bytes(Line line) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(line.length());
        long pos = line.offset();
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos + buf.position());
            if (n < 0) {
                throw new IOException("standard input spool ended early");
            }
        }
        byte[] bytes = buf.array();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            byte[] trimmed = new byte[len - 1];
            System.arraycopy(bytes, 0, trimmed, 0, len - 1);
            return trimmed;
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
