package dev.srm.controls;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another tool's public test suite as input: the positive and negative test templates of KICS's
 * CloudFormation queries, for every query with an srm control of the same intent, judged as
 * {@link PublicSuiteCases} says. A resource KICS's expected results point at must fail; every other
 * resource of the query's type in its test files must pass. Provenance: the README beside the group.
 */
class KicsCasesTest {
    @Test
    void every_query_agrees_with_kics_or_its_difference_is_explained() throws IOException {
        PublicSuiteCases.judgeEveryGroup(Path.of("src/test/resources/public-suites/kics"), "kics");
    }
}
