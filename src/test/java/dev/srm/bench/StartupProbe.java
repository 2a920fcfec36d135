package dev.srm.bench;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.rules.RuleSources;
import dev.srm.input.scenario.ScenarioReader;

import java.nio.file.Path;

/** Where cold start goes: reading the pack's files, loading the KieBase, the first evaluation. */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        RuleSources sources = RuleSources.bundled();
        long t1 = System.nanoTime();
        RulePack pack = RulePack.load(sources);
        long t2 = System.nanoTime();
        ScenarioReader reader = new ScenarioReader();
        var scenario = reader.read(Path.of(args[0]));
        long t3 = System.nanoTime();
        new Evaluator(pack).evaluate(scenario);
        long t4 = System.nanoTime();
        System.out.printf("sources %.0f ms, pack %.0f ms, read %.0f ms, first evaluation %.0f ms%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }
}
