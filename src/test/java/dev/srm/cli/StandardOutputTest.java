package dev.srm.cli;

import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report that cannot be written to standard output (a full disk behind {@code >}, a pipe
 * closed early) is exit 1 and one line saying why, whatever the command: never exit 0 with a
 * report cut off.
 */
class StandardOutputTest {
    private static final String SCENARIO = "scenarios/study/s3-public-bucket.yaml";

    /** Every command that writes a report or an answer on standard output. */
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"evaluate", SCENARIO},
            new String[] {"evaluate", SCENARIO, "--format", "json"},
            new String[] {"audit", SCENARIO, "--format", "sarif", "--no-progress"},
            new String[] {"triage", "--service", "S3", "--kind", "data-exposure"},
            new String[] {"test", SCENARIO},
            new String[] {"rules", "list"},
            new String[] {"matrix", "S3", "EC2"},
            new String[] {"compare", "EC2", "Lambda"},
            new String[] {"schema"},
            new String[] {"--help"});

    /** A disk that takes {@code room} bytes, then refuses every write as a full one does. */
    private static OutputStream fullAfter(int room) {
        return new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > room) {
                    throw new IOException("No space left on device");
                }
                written += len;
            }
        };
    }

    private static CliRun run(PrintWriter out, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, out, new PrintWriter(err), args);
        return new CliRun(code, "", err.toString());
    }

    private static List<String> srmLines(CliRun run) {
        return run.err().lines().filter(l -> l.startsWith("srm: ")).toList();
    }

    @Test
    void every_command_whose_report_meets_a_full_disk_exits_1_with_one_line_saying_so() {
        for (int room : new int[] {0, 40}) { // nothing written, or a report cut off after its first bytes
            for (String[] args : COMMANDS) {
                CliRun run = run(StandardOutput.of(fullAfter(room), StandardCharsets.UTF_8), args);
                assertThat(run.code()).as(String.join(" ", args) + " with " + room + " bytes of room\n" + run.err()).isEqualTo(1);
                assertThat(run.clean()).as(run.err()).isTrue();
                assertThat(srmLines(run)).as(String.join(" ", args)).endsWith("srm: cannot write the report to standard output: No space left on device")
                        .filteredOn(l -> l.contains("standard output")).hasSize(1);
            }
        }
    }

    @Test
    void a_report_that_fits_is_written_whole_and_keeps_the_commands_own_exit_code() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CliRun run = run(StandardOutput.of(bytes, StandardCharsets.UTF_8), "evaluate", SCENARIO);
        assertThat(run.code()).as(run.err()).isEqualTo(4);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(CliRun.of("evaluate", SCENARIO).out());
        assertThat(run.err()).doesNotContain("standard output");
    }

    @Test
    void any_writer_that_fails_fails_the_run_even_when_it_cannot_say_why() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void flush() throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void close() {
            }
        };
        CliRun run = run(new PrintWriter(broken), "rules", "list");
        assertThat(run.code()).isEqualTo(1);
        assertThat(srmLines(run)).containsExactly("srm: cannot write the report to standard output");
    }
}
