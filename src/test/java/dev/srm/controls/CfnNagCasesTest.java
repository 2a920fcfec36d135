package dev.srm.controls;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another tool's public test suite as input: the test templates of cfn_nag's rule specs, for every
 * rule with an srm control of the same intent, judged as {@link PublicSuiteCases} says. A resource
 * the spec expects the rule to report must fail; every other resource of the rule's type in the
 * template must pass. Provenance: the README beside the group.
 */
class CfnNagCasesTest {
    @Test
    void every_rule_agrees_with_cfn_nag_or_its_difference_is_explained() throws IOException {
        PublicSuiteCases.judgeEveryGroup(Path.of("src/test/resources/public-suites/cfn-nag"), "cfn_nag");
    }
}
