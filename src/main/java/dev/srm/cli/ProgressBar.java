package dev.srm.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr for long audits. It draws only when enabled (stderr is a
 * terminal and --no-progress was not given), only once the run has taken longer than
 * {@link #DELAY_MS} (a short run never shows it), at most every {@link #INTERVAL_MS}, and
 * erases itself at the end so the summary starts on a clean line.
 */
final class ProgressBar {
    static final long DELAY_MS = 1000;
    static final long INTERVAL_MS = 200;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    void update(int done, int total) {
        if (!enabled || total <= 0) {
            return;
        }
        long now = clock.getAsLong();
        if (now - start < DELAY_MS || (now - lastDraw < INTERVAL_MS && done < total)) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * done / total);
        double seconds = (now - start) / 1000.0;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " scenarios"
                + String.format(Locale.ROOT, ", %.0f/s ", done / Math.max(seconds, 0.001)));
        err.flush();
        drawn = true;
    }

    /** Erases the bar if it was drawn. */
    void finish() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
