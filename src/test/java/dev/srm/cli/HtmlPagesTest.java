package dev.srm.cli;

import dev.srm.testing.Golden;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML pages of srm matrix and srm crm, byte for byte against golden files reviewed by eye
 * (the frame, the legend, the duties under a SHARED cell, the per-row sections, links only to
 * http(s) sources). Inputs that do not move with the date: the matrix of synthetic resources
 * and the crm of the golden audit.json. Regenerate with -Dsrm.golden.update=true and review.
 */
class HtmlPagesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/pages");

    @Test
    void the_matrix_page_of_three_services() {
        CliRun run = CliRun.of("matrix", "S3", "Lambda", "EC2", "--format", "html");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Golden.of(GOLDEN.resolve("matrix-s3-lambda-ec2.html"), run.out()));
    }

    @Test
    void the_crm_page_of_an_audit() {
        CliRun run = CliRun.of("crm", "src/test/resources/golden/audit/audit.json", "--framework", "cis-aws", "--format", "html");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Golden.of(GOLDEN.resolve("crm-cis-aws.html"), run.out()));
    }
}
