package dev.srm.cli;

import dev.srm.testing.Golden;
import dev.srm.api.ExitCode;
import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every audit report of the test corpus, compared byte for byte with a golden file that a
 * person has read (src/test/resources/golden/audit). Nothing is normalised: the reports hold
 * no time stamp and no version.
 *
 * <p>To regenerate the golden files after an intended change, run
 * {@code mvn test -Dtest=AuditGoldenTest -Dsrm.golden.update=true}, then review the diff.
 */
class AuditGoldenTest {
    private static final boolean UPDATE = Golden.UPDATE;

    @ParameterizedTest
    @EnumSource(AuditFormat.class)
    void each_report_matches_its_golden_file(AuditFormat format) throws Exception {
        AuditCorpus.Run run = AuditCorpus.corpus();
        assertThat(run.cli().code()).as(run.cli().err()).isEqualTo(ExitCode.INPUT.code());
        byte[] actual = run.reports().get(format);
        assertThat(actual).as("the %s report was written", format).isNotNull();
        Path golden = AuditCorpus.GOLDEN.resolve(format.fileName());
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, actual);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dsrm.golden.update=true)", golden).exists();
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(actual).isEqualTo(Files.readAllBytes(golden));
    }
}
