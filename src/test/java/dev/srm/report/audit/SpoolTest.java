package dev.srm.report.audit;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
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
        Path spilled;
        try (Spool spool = new Spool()) {
            spool.write(chunk);
            expected.append(chunk);
            assertThat(spool.file()).as("a small text stays in memory").isNull();
            while (expected.length() <= Spool.MEMORY_LIMIT * 2) {
                spool.write(chunk);
                expected.append(chunk);
            }
            spilled = spool.file();
            assertThat(spilled).as("past the memory limit the text goes to a file").isNotNull().isRegularFile();
            assertThat(spilled.getFileName().toString()).startsWith("srm-spool-");
            StringWriter out = new StringWriter();
            spool.copyTo(out);
            assertThat(out.toString()).isEqualTo(expected.toString());
        }
        assertThat(spilled).as("close deletes it").doesNotExist();
    }
}
