package dev.srm.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch of reports is replaced whole or not at all: when a rename fails part-way, the reports
 * already replaced get their previous content back, and no temporary or backup file is left,
 * also when the disk is full. A symbolic link is written through, never replaced.
 */
class AtomicFileTest {

    private static List<AtomicFile> written(Path dir) throws IOException {
        AtomicFile json = AtomicFile.create(dir.resolve("audit.json"));
        json.writer().write("{\"new\": true}\n");
        AtomicFile csv = AtomicFile.create(dir.resolve("audit.csv"));
        csv.writer().write("new,csv\r\n");
        AtomicFile md = AtomicFile.create(dir.resolve("audit.md"));
        md.writer().write("# new\n");
        return List.of(json, csv, md);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void a_rename_that_fails_after_others_succeeded_puts_every_earlier_report_back(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("audit.json"), "previous json");
        Files.writeString(dir.resolve("audit.md"), "previous markdown");
        List<AtomicFile> files = written(dir);
        int[] renames = {0};
        AtomicFile.Mover failsOnTheCsv = (from, to) -> {
            if (to.getFileName().toString().equals("audit.csv")) {
                throw new IOException(to + ": disk full");
            }
            renames[0]++;
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        };

        assertThatThrownBy(() -> AtomicFile.commitAll(files, failsOnTheCsv)).isInstanceOf(IOException.class).hasMessageContaining("disk full");
        for (AtomicFile f : files) {
            f.close();
        }

        assertThat(renames[0]).as("the json was backed up and replaced before the csv failed").isEqualTo(2);
        assertThat(Files.readString(dir.resolve("audit.json"))).isEqualTo("previous json");
        assertThat(Files.readString(dir.resolve("audit.md"))).isEqualTo("previous markdown");
        assertThat(names(dir)).as("no new csv, no temporary or backup file").containsExactly("audit.json", "audit.md");
    }

    @Test
    void a_batch_that_commits_replaces_every_report_and_leaves_no_backup(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("audit.json"), "previous json");
        List<AtomicFile> files = written(dir);
        AtomicFile.commitAll(files);

        assertThat(Files.readString(dir.resolve("audit.json"))).isEqualTo("{\"new\": true}\n");
        assertThat(Files.readString(dir.resolve("audit.csv"))).isEqualTo("new,csv\r\n");
        assertThat(Files.readString(dir.resolve("audit.md"))).isEqualTo("# new\n");
        assertThat(names(dir)).containsExactly("audit.csv", "audit.json", "audit.md");
    }

    @Test
    void a_symbolic_link_is_followed_to_the_report_it_names_and_stays_a_link(@TempDir Path dir) throws Exception {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), Path.of("reports", "audit.json")); // dangling until the commit
        for (String content : new String[] {"first\n", "second\n"}) {
            try (AtomicFile f = AtomicFile.create(link)) {
                f.writer().write(content);
                f.commit();
            }
            assertThat(link).isSymbolicLink();
            assertThat(Files.readString(reports.resolve("audit.json"))).isEqualTo(content);
        }
        assertThat(names(dir)).containsExactly("latest.json", "reports");
        assertThat(names(reports)).containsExactly("audit.json");
    }

    /** Opens files as a full disk does: the file is created, every write fails. */
    private static final AtomicFile.Opener FULL_DISK = (file, options) -> new FilterOutputStream(Files.newOutputStream(file, options)) {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @Test
    void a_batch_on_a_full_disk_leaves_the_previous_reports_and_no_temporary_file(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("audit.json"), "previous json");
        AtomicFile json = AtomicFile.create(dir.resolve("audit.json"));
        json.writer().write("{\"new\": true}\n");
        AtomicFile csv = AtomicFile.create(dir.resolve("audit.csv"), FULL_DISK);
        csv.writer().write("new,csv\r\n");
        AtomicFile md = AtomicFile.create(dir.resolve("audit.md"), FULL_DISK);
        md.writer().write("# new\n");
        List<AtomicFile> files = List.of(json, csv, md);

        assertThatThrownBy(() -> AtomicFile.commitAll(files)).isInstanceOf(IOException.class).hasMessage("No space left on device");
        for (AtomicFile f : files) {
            f.close(); // a clean-up that fails on the full disk too would leave the files after it
        }

        assertThat(Files.readString(dir.resolve("audit.json"))).isEqualTo("previous json");
        assertThat(names(dir)).containsExactly("audit.json");
    }

    @Test
    void a_file_that_cannot_be_created_says_why_in_the_words_of_the_system(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("reports"), "a file");
        assertThatThrownBy(() -> AtomicFile.create(notADirectory.resolve("audit.json"))).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(AtomicFile.reason((IOException) e)).isEqualTo("cannot create the directory " + notADirectory
                        + " (File exists)"));
        assertThat(names(dir)).containsExactly("reports");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void a_link_to_a_pipe_such_as_dev_stdout_is_written_through_not_followed_by_name() throws Exception {
        Process cat = new ProcessBuilder("cat").start(); // its standard input is a pipe, /proc/PID/fd/0 a link to "pipe:[N]"
        try {
            Path stdin = Path.of("/proc", String.valueOf(cat.pid()), "fd", "0");
            try (AtomicFile f = AtomicFile.create(stdin)) {
                f.writer().write("the report\n");
                f.commit();
            }
            cat.getOutputStream().close();
            assertThat(new String(cat.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("the report\n");
        } finally {
            cat.destroy();
        }
    }
}
