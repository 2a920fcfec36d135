package dev.srm.bench;

import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Scenario;
import dev.srm.rules.RuleSources;
import dev.srm.run.ScenarioFiles;
import dev.srm.input.scenario.ScenarioReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH: evaluation of one scenario by the precompiled bundled pack, with and without
 * --explain tracing. Run with {@code bench/run} (or the jmh Main on the test class path).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluateBenchmark {
    @Param({"scenarios"})
    public String corpus;

    private Evaluator evaluator;
    private List<Scenario> scenarios;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        evaluator = new Evaluator(RulePack.load(RuleSources.bundled()));
        ScenarioReader reader = new ScenarioReader();
        scenarios = new ArrayList<>();
        for (Path f : ScenarioFiles.expand(List.of(Path.of(corpus))).files()) {
            scenarios.add(reader.read(f));
        }
    }

    private Scenario nextScenario() {
        Scenario s = scenarios.get(next);
        next = (next + 1) % scenarios.size();
        return s;
    }

    @Benchmark
    public Object evaluate() {
        return evaluator.evaluate(nextScenario(), false);
    }

    @Benchmark
    public Object evaluateExplained() {
        return evaluator.evaluate(nextScenario(), true);
    }
}
