package dev.srm.report.audit;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolTest {

    @Test
    void small_text_stays_in_memory_and_copies_back() throws Exception {
        try (Spool spool = new Spool()) {
            spool.write("héllo ");
            spool.write("wörld");
            StringWriter out = new StringWriter();
            spool.copyTo(out);
            assertThat(out).hasToString("héllo wörld");
        }
    }

    @Test
    void large_text_spills_to_a_temporary_file_that_close_deletes() throws Exception {
        String chunk = "0123456789abcdef\u00e9\n".repeat(1000);
        StringBuilder expected = new StringBuilder();
        Path tmpDir = Path.of(System.getProperty("java.io.tmpdir"));
        long before;
        try (var s = Files.list(tmpDir)) {
            before = s.filter(p -> p.getFileName().toString().startsWith("srm-spool-")).count();
        }
        try (Spool spool = new Spool()) {
            while (expected.length() <= Spool.MEMORY_LIMIT * 2) {
                spool.write(chunk);
                expected.append(chunk);
            }
            StringWriter out = new StringWriter();
            spool.copyTo(out);
            assertThat(out.toString()).isEqualTo(expected.toString());
        }
        try (var s = Files.list(tmpDir)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("srm-spool-")).count()).isEqualTo(before);
        }
    }
}
