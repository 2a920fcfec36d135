package dev.srm.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Standard output as the report goes to it. A {@link PrintWriter} never throws: it only
 * remembers that a write failed ({@link #checkError()}). This one also keeps the first failure
 * of the stream under it, so that the run can say why the report did not arrive whole (a full
 * disk, a closed pipe) instead of ending as if it had.
 */
final class StandardOutput extends PrintWriter {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder) {
        super(recorder, false);
        this.recorder = recorder;
    }

    /** The report's writer on {@code stream}, in {@code charset}. */
    static StandardOutput of(OutputStream stream, Charset charset) {
        return new StandardOutput(new Recorder(new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 16)));
    }

    /** The first write that failed, or null. */
    IOException failure() {
        return recorder.failure;
    }

    /** Passes everything on, and keeps the first failure before it reaches the PrintWriter, which keeps only that there was one. */
    private static final class Recorder extends Writer {
        private final Writer out;
        private IOException failure;

        Recorder(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                out.write(buf, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            try {
                out.write(s, off, len);
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw kept(e);
            }
        }

        private IOException kept(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
