package dev.srm.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final StringWriter err = new StringWriter();

    private ProgressBar bar(boolean enabled) {
        return new ProgressBar(new PrintWriter(err), enabled, now::get);
    }

    @Test
    void a_short_run_never_shows_it() {
        ProgressBar bar = bar(true);
        now.addAndGet(500);
        bar.update(10, 10);
        bar.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_long_run_draws_on_one_line_and_erases_it_at_the_end() {
        ProgressBar bar = bar(true);
        now.addAndGet(2000);
        bar.update(50, 100);
        assertThat(err.toString()).startsWith("\r[###############...............] 50/100 scenarios, 25/s");
        now.addAndGet(50);
        int length = err.toString().length();
        bar.update(51, 100);
        assertThat(err.toString()).as("throttled").hasSize(length);
        bar.finish();
        assertThat(err.toString()).endsWith("\r").doesNotContain("\n");
    }

    @Test
    void disabled_means_silent() {
        ProgressBar bar = bar(false);
        now.addAndGet(5000);
        bar.update(1, 2);
        bar.finish();
        assertThat(err.toString()).isEmpty();
    }
}
