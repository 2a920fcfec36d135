package dev.srm.controls;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another tool's public test suite as input: the example templates of Checkov's CloudFormation
 * checks, for every check with an srm control of the same intent, judged as {@link PublicSuiteCases}
 * says. Each group directory under {@code public-suites/checkov/} holds {@code templates/},
 * {@code expected.yaml} and {@code differences.yaml}. Provenance: the README beside the groups.
 */
class CheckovCasesTest {
    @Test
    void every_group_agrees_with_checkov_or_its_difference_is_explained() throws IOException {
        PublicSuiteCases.judgeEveryGroup(Path.of("src/test/resources/public-suites/checkov"), "checkov");
    }
}
