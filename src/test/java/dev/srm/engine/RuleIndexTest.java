package dev.srm.engine;

import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;
import dev.srm.model.RuleInfo;
import dev.srm.rules.RuleSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code srm rules list} reads the bundled pack's rules from the index the build wrote beside the
 * module, without building a KieBase; the answer is the loaded pack's, rule for rule, and any other
 * pack is listed from its loaded KieBase.
 */
class RuleIndexTest {
    @Test
    void the_bundled_rules_listed_from_the_index_are_the_loaded_packs_rule_for_rule() throws Exception {
        RuleSources bundled = RuleSources.bundled();
        assertThat(RuleIndex.find(KieCompiler.cacheKey(RulePack.withDuties(bundled))))
                .as("the index the build wrote for the bundled pack").isNotNull().hasSizeGreaterThan(2000);

        Map<String, RuleInfo> listed = RulePack.indexedRules(bundled);
        Map<String, RuleInfo> loaded = RulePack.load(bundled).rules();
        assertThat(Srm.bundled().rules()).as("what srm rules list shows").containsExactlyElementsOf(listed.values());

        assertThat(listed).isEqualTo(loaded);
        assertThat(listed.get("s3-bucket-public-read-prohibited")).as("a control with its metadata, file and line")
                .satisfies(r -> {
                    assertThat(r.kind()).isEqualTo("control");
                    assertThat(r.file()).endsWith(".drl");
                    assertThat(r.line()).isPositive();
                });
    }

    @Test
    void a_pack_with_user_rules_is_not_listed_from_the_bundled_index() throws Exception {
        RuleSources withUser = RuleSources.bundled().plus(RuleSources.directory(Path.of("docs/examples/extra-rules")));
        assertThat(RuleIndex.find(KieCompiler.cacheKey(RulePack.withDuties(withUser)))).isNull();

        assertThat(RulePack.indexedRules(withUser)).isNull();

        List<RuleInfo> listed = Srm.load(SrmOptions.bundled().withExtraRules(Path.of("docs/examples/extra-rules"))).rules();

        assertThat(listed).hasSizeGreaterThan(RulePack.indexedRules(RuleSources.bundled()).size());
        assertThat(listed).anyMatch(r -> r.file().contains("extra-rules"));
    }
}
