package dev.srm.cli;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.input.scenario.ScenarioReader;
import dev.srm.rules.RuleSources;
import dev.srm.run.EvaluationRun;

/**
 * Deliberate violations of the layering, one per cross-layer call the CLI used to make, so
 * {@code ArchitectureTest} can show its rules catch them. Test code only; never called.
 */
final class ArchitectureViolations {
    private ArchitectureViolations() {
    }

    /** EvaluateCommand, AuditCommand and RulesCommand used to build an Evaluator themselves. */
    static final class CliCallsTheEngine {
        Object run(RulePack pack) {
            return new Evaluator(pack);
        }
    }

    /** rules show/validate read scenarios and evaluated them inside the CLI. */
    static final class CliReadsScenarios {
        Object run() {
            return new ScenarioReader();
        }
    }

    /** The CLI reached the run layer directly instead of the facade. */
    static final class CliCallsTheRunLayer {
        Object run(Evaluator evaluator) {
            return new EvaluationRun(evaluator, new dev.srm.input.Inputs());
        }
    }

    /** The CLI loaded rule files itself. */
    static final class CliLoadsRules {
        Object run() throws Exception {
            return RuleSources.bundled();
        }
    }
}
