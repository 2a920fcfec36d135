package dev.srm.bench;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.input.scenario.ScenarioReader;
import dev.srm.model.Evaluation;
import dev.srm.model.Scenario;
import dev.srm.rules.RuleSources;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Evaluates one generated scenario of many resources in one account and prints the time:
 * {@code LargeScenarioBench [RESOURCES] [PART_SIZE]} (part size 0: one session; default 500). Run it under
 * {@code /usr/bin/time -f %M} for the peak memory.
 */
public final class LargeScenarioBench {
    private LargeScenarioBench() {
    }

    public static void main(String[] args) throws Exception {
        int resources = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int partSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        CorpusGenerator generator = new CorpusGenerator(42);
        Path file = Files.createTempFile("srm-large", ".json");
        try {
            Files.write(file, generator.json(generator.largeScenario("one-big-account", resources)));
            Scenario scenario = new ScenarioReader().read(file);
            Evaluator evaluator = new Evaluator(RulePack.load(RuleSources.bundled()), partSize == 0 ? Integer.MAX_VALUE : partSize);
            long start = System.nanoTime();
            Evaluation e = evaluator.evaluate(scenario);
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d resources, part size %s: %.1f s, %d findings%n", e.resources().size(),
                    partSize == 0 ? "one session" : Integer.toString(partSize), took, e.findings().size());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
