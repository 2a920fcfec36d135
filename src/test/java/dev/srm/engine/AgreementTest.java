package dev.srm.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one fold of what rules concluded about one thing: none, one value, or a conflict named in full. */
class AgreementTest {
    record Said(String rule, String value, String reason) {
    }

    private static Agreement<String> fold(List<Said> facts) {
        return Agreement.of(facts, Said::value, Said::rule, Said::reason);
    }

    @Test
    void one_rule_that_fires_twice_for_two_reasons_gives_them_in_one_order_whatever_order_it_fired_in() {
        // applicability-elasticache-auth-before-6 matches a valkey 8.0 group twice: by Engine and by EngineVersion
        Said byVersion = new Said("applicability-elasticache-auth-before-6", "NOT_APPLICABLE", "EngineVersion 8.0: version 6.0 and later");
        Said byEngine = new Said("applicability-elasticache-auth-before-6", "NOT_APPLICABLE", "Engine valkey: version 6.0 and later");

        Agreement<String> one = fold(List.of(byVersion, byEngine));
        Agreement<String> other = fold(List.of(byEngine, byVersion));

        assertThat(one).isEqualTo(other);
        assertThat(one.reasons()).containsExactly("Engine valkey: version 6.0 and later", "EngineVersion 8.0: version 6.0 and later");
        assertThat(one.value()).isEqualTo("NOT_APPLICABLE");
        assertThat(one.conflict()).isFalse();
    }

    @Test
    void rules_that_disagree_are_a_conflict_naming_each_rule_and_what_it_says() {
        Agreement<String> a = fold(List.of(new Said("layer-b", "AWS", null), new Said("layer-a", "CUSTOMER", "guest OS")));

        assertThat(a.conflict()).isTrue();
        assertThat(a.none()).isFalse();
        assertThat(a.value()).isNull();
        assertThat(a.rule()).isEqualTo("layer-a + layer-b");
        assertThat(a.disagreement()).isEqualTo("rules disagree: layer-a says CUSTOMER; layer-b says AWS");
    }

    @Test
    void nothing_concluded_is_none_and_rules_that_agree_are_one_value_with_every_rule_named() {
        assertThat(fold(List.of()).none()).isTrue();
        Agreement<String> a = fold(List.of(new Said("b", "SHARED", "second"), new Said("a", "SHARED", "first"), new Said("a", "SHARED", "first")));
        assertThat(a.value()).isEqualTo("SHARED");
        assertThat(a.rules()).containsExactly("a", "b");
        assertThat(a.reason()).isEqualTo("first second");
    }
}
