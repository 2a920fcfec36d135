package dev.srm.hardening;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An output that would destroy an input, or cannot be a file, is a usage error before any
 * work; an output that is a link, a FIFO or a device is written through, never replaced, and
 * one that cannot be written is one line and exit 1, leaving nothing behind; an input that is
 * not a regular file, or is too large to read whole, is refused at once.
 */
class FilesAndOutputTest {
    @TempDir
    Path dir;

    private static final String SCENARIO = """
            srm: 1
            id: one-bucket
            title: One bucket
            resources:
              - id: logs
                type: AWS::S3::Bucket
                configuration:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}
            """;

    private Path scenario() throws IOException {
        Path p = dir.resolve("bucket.yaml");
        Files.writeString(p, SCENARIO);
        return p;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertUsage(Run run, String line) {
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).containsExactly(line);
    }

    @Test
    void a_broken_link_or_a_pipe_named_as_an_input_in_a_directory_is_reported_not_skipped() throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("a-bucket.yaml"), SCENARIO);
        Files.createSymbolicLink(inputs.resolve("b-moved.yaml"), inputs.resolve("moved-away.yaml"));
        boolean fifo = new ProcessBuilder("mkfifo", inputs.resolve("c-pipe.yaml").toString()).start().waitFor() == 0;

        Run run = Run.of("evaluate", inputs.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.srmLines()).as(run.toString()).startsWith("srm: " + inputs.resolve("b-moved.yaml")
                + ": not a regular file (a broken link, a pipe or a device); expected a scenario, template, plan or inventory file");
        if (fifo) {
            assertThat(run.srmLines().get(1)).startsWith("srm: " + inputs.resolve("c-pipe.yaml") + ": not a regular file");
        }
        assertThat(run.out()).contains("one-bucket");
    }

    private static final String QUEUE = """
            srm: 1
            id: one-queue
            title: One queue
            resources:
              - id: jobs
                type: AWS::SQS::Queue
                configuration:
                  SqsManagedSseEnabled: true
            """;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_link_to_a_directory_reads_as_the_directory_it_links_to() throws Exception {
        Path payments = Files.createDirectories(dir.resolve("teams/payments"));
        Files.writeString(payments.resolve("bucket.yaml"), SCENARIO);
        Path current = Files.createSymbolicLink(dir.resolve("current"), Path.of("teams/payments"));

        Run evaluate = Run.of("evaluate", current.toString(), "--fail-on", "none");
        assertThat(evaluate.code()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).contains("[one-bucket]").contains(current.resolve("bucket.yaml").toString());
        Run audit = Run.of("audit", current.toString(), "--out", dir.resolve("reports").toString(), "--format", "json",
                "--fail-on", "none", "--no-progress");
        assertThat(audit.code()).as(audit.toString()).isZero();
        assertThat(Files.readString(dir.resolve("reports/audit.json"))).contains("\"one-bucket\"");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_linked_subdirectory_is_walked_and_a_file_reached_through_two_paths_is_read_once() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/stacks"));
        Files.writeString(repo.resolve("bucket.yaml"), SCENARIO);
        Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("queue.yaml"), QUEUE);
        Files.createSymbolicLink(dir.resolve("repo/shared"), Path.of("../shared")); // outside the tree: walked
        Files.createSymbolicLink(dir.resolve("repo/latest"), Path.of("stacks")); // inside it: its files once, from stacks/

        Run run = Run.of("evaluate", dir.resolve("repo").toString(), "--fail-on", "none");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).doesNotContain("srm: ");
        assertThat(run.out()).contains("[one-bucket]", "[one-queue]", dir.resolve("repo/shared/queue.yaml").toString(),
                dir.resolve("repo/stacks/bucket.yaml").toString()).doesNotContain(dir.resolve("repo/latest").toString());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_link_that_loops_back_to_a_directory_above_it_is_reported_once_and_every_file_is_still_read() throws Exception {
        Path stacks = Files.createDirectories(dir.resolve("repo/stacks"));
        Files.writeString(stacks.resolve("bucket.yaml"), SCENARIO);
        Path loop = Files.createSymbolicLink(stacks.resolve("all"), Path.of(".."));

        for (String command : new String[] {"evaluate", "audit"}) {
            Run run = "evaluate".equals(command) ? Run.of("evaluate", dir.resolve("repo").toString(), "--fail-on", "none")
                    : Run.of("audit", dir.resolve("repo").toString(), "--out", dir.resolve("reports").toString(), "--fail-on", "none",
                    "--no-progress");
            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.clean()).as(run.toString()).isTrue();
            assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: " + loop + ": a symbolic link that loops back to "
                    + dir.resolve("repo") + ", a directory that contains it; not followed (its files are read from there)");
        }
        Run run = Run.of("evaluate", dir.resolve("repo").toString(), "--fail-on", "none");
        assertThat(run.out()).contains("[one-bucket]");
    }

    @Test
    void output_onto_the_input_is_refused_and_the_input_kept() throws IOException {
        Path in = scenario();
        assertUsage(Run.of("evaluate", in.toString(), "-o", in.toString()),
                "srm: -o " + in + ": is the input " + in + "; writing there would overwrite it; choose another output");
        assertThat(Files.readString(in)).isEqualTo(SCENARIO);
    }

    @Test
    void output_onto_the_input_through_a_link_or_another_spelling_is_refused() throws IOException {
        Path in = scenario();
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), in);
        Path hard = Files.createLink(dir.resolve("hard.yaml"), in);
        Path dotted = dir.resolve(".").resolve("bucket.yaml");
        for (Path out : new Path[] {link, hard, dotted}) {
            Run run = Run.of("evaluate", in.toString(), "-o", out.toString());
            assertThat(run.code()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).contains("writing there would overwrite it");
        }
        assertThat(Files.readString(in)).isEqualTo(SCENARIO);
    }

    @Test
    void triage_output_onto_its_input_is_refused() throws IOException {
        Path in = scenario();
        Run run = Run.of("triage", in.toString(), "--resource", "logs", "--kind", "data-exposure", "-o", in.toString());
        assertUsage(run, "srm: -o " + in + ": is the input " + in + "; writing there would overwrite it; choose another output");
        assertThat(Files.readString(in)).isEqualTo(SCENARIO);
    }

    @Test
    void every_command_that_reads_files_refuses_to_write_its_report_over_one() throws IOException {
        Path in = scenario();
        Path before = dir.resolve("before.json");
        Path after = dir.resolve("after.json");
        assertThat(Run.of("evaluate", in.toString(), "--format", "json", "--fail-on", "none", "-o", before.toString()).code()).isZero();
        Files.copy(before, after);
        String report = Files.readString(after);
        String[][] runs = {
                {"test", in.toString(), "-o", in.toString()},
                {"crm", in.toString(), "-o", in.toString()},
                {"compare", in.toString(), "S3", "-o", in.toString()},
                {"diff", before.toString(), after.toString(), "-o", after.toString()},
        };
        for (String[] args : runs) {
            Path target = Path.of(args[args.length - 1]);
            assertUsage(Run.of(args), "srm: -o " + target + ": is the input " + target + "; writing there would overwrite it; choose another output");
        }
        assertThat(Files.readString(in)).isEqualTo(SCENARIO);
        assertThat(Files.readString(after)).isEqualTo(report);
    }

    @Test
    void output_onto_a_directory_is_a_usage_error() throws IOException {
        Path in = scenario();
        assertUsage(Run.of("evaluate", in.toString(), "-o", dir.toString()),
                "srm: -o " + dir + ": is a directory; give the name of a file to write the report to");
    }

    @Test
    void output_in_a_directory_that_does_not_exist_is_a_usage_error_and_makes_no_directory() throws IOException {
        Path in = scenario();
        Path out = dir.resolve("typo").resolve("report.txt");
        assertUsage(Run.of("evaluate", in.toString(), "-o", out.toString()), "srm: -o " + out + ": the directory " + out.getParent()
                + " does not exist; srm creates no directory for a report file: create it first");
        assertThat(out.getParent()).doesNotExist();
    }

    @Test
    void output_through_a_symbolic_link_replaces_the_file_it_points_to_and_keeps_the_link() throws IOException {
        Path in = scenario();
        Path real = Files.writeString(dir.resolve("report.txt"), "previous report\n");
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), real.getFileName());
        Run run = Run.of("evaluate", in.toString(), "--fail-on", "none", "-o", link.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real.getFileName());
        assertThat(Files.readString(real)).isEqualTo(Run.of("evaluate", in.toString(), "--fail-on", "none").out());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_fifo_given_as_the_output_receives_the_report_and_stays_a_fifo() throws Exception {
        Path in = scenario();
        Path fifo = dir.resolve("report.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> { // opening a FIFO waits for its writer: a thread of its own, never one of a pool
            try {
                read.complete(Files.readString(fifo));
            } catch (IOException e) {
                read.completeExceptionally(e);
            }
        }, "fifo-reader");
        reader.setDaemon(true);
        reader.start();

        Run run = Run.of("evaluate", in.toString(), "--fail-on", "none", "-o", fifo.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("the FIFO was replaced by a regular file").isFalse();
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(Run.of("evaluate", in.toString(), "--fail-on", "none").out());
    }

    @Test
    void a_report_that_cannot_be_written_is_one_line_and_exit_1_and_leaves_no_temporary_file() throws IOException {
        Path in = scenario();
        Path link = Files.createSymbolicLink(dir.resolve("report.txt"), Path.of("gone", "report.txt")); // into a directory that is not there
        Run run = Run.of("evaluate", in.toString(), "--fail-on", "none", "-o", link.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: cannot write the report to " + link
                + ": cannot create a temporary file in " + dir.resolve("gone") + " (No such file or directory)");
        assertThat(names(dir)).containsExactly("bucket.yaml", "report.txt");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_device_behind_the_output_is_written_in_place_and_a_full_one_fails_the_run() throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "no /dev/full here");
        Path in = scenario();
        Path toNull = Files.createSymbolicLink(dir.resolve("discard.txt"), Path.of("/dev/null"));
        Run discarded = Run.of("evaluate", in.toString(), "--fail-on", "none", "-o", toNull.toString());
        assertThat(discarded.code()).as(discarded.toString()).isZero();
        assertThat(toNull).isSymbolicLink();

        Path toFull = Files.createSymbolicLink(dir.resolve("full.txt"), full);
        Run run = Run.of("evaluate", in.toString(), "--fail-on", "none", "-o", toFull.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: cannot write the report to " + toFull + ": No space left on device");
        assertThat(toFull).isSymbolicLink();

        Path out = Files.createDirectories(dir.resolve("reports"));
        Files.createSymbolicLink(out.resolve("audit.csv"), full);
        Run audit = Run.of("audit", in.toString(), "--out", out.toString(), "--format", "json", "--format", "csv", "--format", "html");
        assertThat(audit.code()).as(audit.toString()).isEqualTo(1);
        assertThat(audit.srmLines()).as(audit.toString()).contains("srm: cannot write the reports: No space left on device");
        assertThat(names(out)).as("no report of the failed run, no temporary file").containsExactly("audit.csv");
        assertThat(Files.isRegularFile(full)).isFalse();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    @Test
    void audit_out_onto_an_input_file_or_the_input_directory_is_refused() throws IOException {
        Path in = scenario();
        assertUsage(Run.of("audit", in.toString(), "--out", in.toString()),
                "srm: --out " + in + ": is a file; give a directory to write into");
        Run run = Run.of("audit", dir.toString(), "--out", dir.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("srm: --out " + dir + ": is the input " + dir);
    }

    @Test
    void import_output_onto_an_input_file_is_refused() throws IOException {
        Path in = scenario();
        assertUsage(Run.of("import", in.toString(), "-o", in.toString()),
                "srm: -o " + in + ": is a file; give a directory to write into");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void a_fifo_is_refused_at_once_by_every_reading_command() throws Exception {
        Path fifo = dir.resolve("pipe.yaml");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String line = "srm: " + fifo + ": not a regular file (a FIFO, device or socket); srm reads regular files only: "
                + "save the input to a file first";
        for (String[] args : new String[][] {{"evaluate", fifo.toString()}, {"triage", fifo.toString()},
                {"audit", "--format", "json", fifo.toString()}}) {
            Run run = Run.of(args);
            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.clean()).as(run.toString()).isTrue();
            assertThat(run.srmLines()).as(run.toString()).contains(line);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_device_is_refused_at_once() {
        Run run = Run.of("evaluate", "/dev/zero");
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: /dev/zero: not a regular file (a FIFO, device or socket); "
                + "srm reads regular files only: save the input to a file first");
    }

    @Test
    void a_file_over_the_size_limit_is_refused_before_it_is_read() throws IOException {
        Path big = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(300L * 1024 * 1024); // sparse: no disk used
        }
        Run run = Run.of("evaluate", big.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: " + big + ": 314572800 bytes, over srm's limit of "
                + "268435456 bytes (256 MiB) for an input read whole; split it, or give Terraform plans and AWS Config "
                + "inventories as JSON Lines, which are streamed");
    }
}
