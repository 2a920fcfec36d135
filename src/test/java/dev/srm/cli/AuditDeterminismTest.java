package dev.srm.cli;

import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports do not depend on the number of threads nor on the order the inputs are named in. */
class AuditDeterminismTest {

    @Test
    void one_thread_and_four_threads_over_shuffled_files_write_identical_bytes() {
        AuditCorpus.Run sequential = AuditCorpus.audit(1, AuditCorpus.DIR);

        List<String> shuffled = new ArrayList<>(AuditCorpus.files());
        Collections.shuffle(shuffled, new Random(20240605L));
        assertThat(shuffled).as("the shuffle changed the order").isNotEqualTo(AuditCorpus.files());
        AuditCorpus.Run parallel = AuditCorpus.audit(4, shuffled.toArray(String[]::new));

        List<String> reversed = new ArrayList<>(AuditCorpus.files());
        Collections.reverse(reversed);
        AuditCorpus.Run reverse = AuditCorpus.audit(3, reversed.toArray(String[]::new));

        assertThat(sequential.cli().code()).isEqualTo(parallel.cli().code()).isEqualTo(reverse.cli().code());
        for (AuditFormat f : AuditFormat.values()) {
            assertThat(parallel.reports().get(f)).as("%s with --jobs 4, shuffled", f).isNotEmpty()
                    .isEqualTo(sequential.reports().get(f));
            assertThat(reverse.reports().get(f)).as("%s with --jobs 3, reversed", f).isEqualTo(sequential.reports().get(f));
        }
        assertThat(parallel.err()).isEqualTo(sequential.err());
    }
}
