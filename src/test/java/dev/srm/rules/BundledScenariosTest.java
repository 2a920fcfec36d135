package dev.srm.rules;

import dev.srm.testing.Slow;
import dev.srm.model.TestResults;

import dev.srm.run.ExpectationChecker;
import dev.srm.run.ScenarioTestRun;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example scenarios are the rule tests: every scenario under scenarios/ runs through the
 * engine of {@code srm test}, and each of its expectations must hold.
 */
@Slow
class BundledScenariosTest {
    private static final TestResults RESULT =
            new ScenarioTestRun(Packs.bundled(), Packs.reader()).run(List.of(Path.of("scenarios")));

    @TestFactory
    Stream<DynamicTest> every_bundled_scenario_meets_its_expectations() {
        return RESULT.outcomes().stream().map(o -> DynamicTest.dynamicTest(o.file(), () -> {
            // incident scenarios are asserted by the triage suite (IncidentScenariosTest)
            assertThat(o.hasExpectations() || o.file().contains("incidents")).as(o.file() + " has an expect block").isTrue();
            assertThat(o.failures()).as(o.failures().stream().map(TestResults.Check::toString)
                    .collect(Collectors.joining("\n"))).isEmpty();
        }));
    }

    @Test
    void every_bundled_scenario_is_valid() {
        assertThat(RESULT.problems()).isEmpty();
        assertThat(RESULT.outcomes()).hasSizeGreaterThanOrEqualTo(4);
    }

    /** The team's threshold: the bundled scenarios exercise at least 90% of the bundled rules. */
    @Test
    void the_bundled_scenarios_cover_the_rules() {
        assertThat(RESULT.coveragePercent()).as("never fired: " + RESULT.neverFired()).isGreaterThanOrEqualTo(90.0);
    }
}
