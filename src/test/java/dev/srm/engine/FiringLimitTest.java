package dev.srm.engine;

import dev.srm.bench.CorpusGenerator;
import dev.srm.input.Format;
import dev.srm.model.Scenario;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound on firings that stops a rule re-triggering itself grows with a session's facts, and
 * leaves the bundled pack room to spare, so that a large account is never taken for a loop. A
 * session reaches the fixed part of the bound only at about 170,000 facts, too large for the
 * suite (and the engine splits such scenarios into parts), so the two halves of that promise are
 * checked apart: the bound's formula, and what the pack really fires per fact in one session of
 * a generated account.
 */
class FiringLimitTest {

    @Test
    void the_bound_grows_by_its_allowance_per_fact_and_stops_at_the_largest_int() {
        assertThat(Evaluator.firingLimit(0)).isEqualTo(Evaluator.MAX_FIRINGS);
        assertThat(Evaluator.firingLimit(23_744)).isEqualTo(1_000_000 + 200 * 23_744);
        assertThat(Evaluator.firingLimit(50_000_000)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void the_bundled_pack_fires_a_tenth_of_its_per_fact_allowance_or_less_on_a_large_account_in_one_session() throws Exception {
        CorpusGenerator generator = new CorpusGenerator(42);
        Scenario account = Packs.reader().read("one-account.json",
                generator.json(generator.largeScenario("one-account", 1_600)), Format.JSON, 0);
        Evaluator evaluator = Packs.evaluator();
        List<Object> facts = evaluator.facts(account, new ArrayList<>(), false);
        KieSession session = evaluator.pack().newSession();
        int fired;
        try {
            facts.forEach(session::insert);
            fired = session.fireAllRules();
        } finally {
            session.dispose();
        }
        assertThat(facts).as("one session of the whole account").hasSizeGreaterThan(8_000);
        assertThat(fired).as("the rules judged the account").isGreaterThan(facts.size());
        // about 5 per fact today; a rule that fires for every pair of the account's 1,600 resources would break it
        assertThat(fired / (double) facts.size()).as("firings per fact").isLessThan(Evaluator.FIRINGS_PER_FACT / 10.0);
    }
}
