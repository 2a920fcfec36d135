package dev.srm.bench;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Scenario;
import dev.srm.rules.RuleSources;
import dev.srm.run.ScenarioFiles;
import dev.srm.input.scenario.ScenarioReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a corpus in a loop for a number of seconds and prints scenarios/s and resources/s
 * (one thread): {@code LoopBench [CORPUS] [SECONDS] [explain]}.
 */
public final class LoopBench {
    private LoopBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "scenarios");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        boolean explain = args.length > 2 && "explain".equals(args[2]);
        Evaluator evaluator = new Evaluator(RulePack.load(RuleSources.bundled()));
        ScenarioReader reader = new ScenarioReader();
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : ScenarioFiles.expand(List.of(corpus)).files()) {
            scenarios.add(reader.read(f));
        }
        long resources = 0;
        long n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            Scenario s = scenarios.get((int) (n % scenarios.size()));
            evaluator.evaluate(s, explain);
            resources += s.resources().size();
            n++;
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d scenarios, %d resources in %.1f s: %.0f scenarios/s, %.0f resources/s%n", n, resources, took,
                n / took, resources / took);
    }
}
