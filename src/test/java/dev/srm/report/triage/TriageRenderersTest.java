package dev.srm.report.triage;

import dev.srm.model.Triage;
import dev.srm.testing.Golden;
import dev.srm.testing.Triages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every triage format against its golden file, for a scenario incident (one answer) and an
 * ASFF file (several). Regenerate after an intended change with -Dsrm.golden.update=true and
 * review the diff.
 */
class TriageRenderersTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/triage");

    private static String extension(TriageFormat f) {
        return switch (f) {
            case text -> "txt";
            case markdown -> "md";
            case json -> "json";
        };
    }

    private static void assertGolden(TriageFormat format, List<Triage> triages, String name) throws IOException {
        StringWriter out = new StringWriter();
        format.renderer().render(triages, out);
        String actual = out.toString().replace("\r\n", "\n");
        assertThat(actual).isEqualTo(Golden.of(GOLDEN.resolve(name + "." + extension(format)), actual).replace("\r\n", "\n"));
    }

    @ParameterizedTest
    @EnumSource(TriageFormat.class)
    void a_scenario_incident(TriageFormat format) throws Exception {
        assertGolden(format, Triages.file("scenarios/incidents/network-exposure-ec2.yaml").all(), "network-exposure-ec2");
    }

    @ParameterizedTest
    @EnumSource(TriageFormat.class)
    void several_asff_findings(TriageFormat format) throws Exception {
        assertGolden(format, Triages.file("src/test/resources/asff/securityhub-findings-batch.json").all(), "securityhub-findings-batch");
    }
}
