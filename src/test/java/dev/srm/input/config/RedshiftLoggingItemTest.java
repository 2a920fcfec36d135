package dev.srm.input.config;

import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS Config records a Redshift cluster's audit logging as {@code LoggingStatus}; with
 * {@code loggingEnabled: false} the item states that the cluster logs nowhere. Redshift.4 was
 * UNKNOWN on it (the mapping read the bucket only when logging was on, and stated nothing else).
 */
class RedshiftLoggingItemTest {
    @Test
    void a_cluster_whose_item_says_logging_is_off_fails_audit_logging() throws Exception {
        Path file = Path.of("src/test/resources/config/redshift-logging.json");
        List<Evaluation> e = Packs.srm().evaluate(file.toString(), Files.readAllBytes(file), InputFormat.config, false);

        assertThat(status(e, "arn:aws:redshift:eu-west-1:111122223333:cluster:analytics")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:redshift:eu-west-1:111122223333:cluster:analytics-nolog")).isEqualTo(Status.MISSING);
    }

    private static Status status(List<Evaluation> e, String cluster) {
        return control(e, cluster, "redshift-audit-logging").status();
    }
}
