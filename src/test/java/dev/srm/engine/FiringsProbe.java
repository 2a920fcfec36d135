package dev.srm.engine;

import dev.srm.input.Format;
import dev.srm.model.Scenario;
import dev.srm.testing.Packs;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session does per resource, for profiling (not a test): evaluates a JSON Lines corpus
 * on one thread for a few rounds and prints resources/s, then counts, with a listener, the
 * facts inserted, the facts a session ends with and the firings per resource, and the rules
 * that fire most. {@code FiringsProbe CORPUS.jsonl [ROUNDS]} from the test class path;
 * docs/performance.md quotes it.
 */
public final class FiringsProbe {
    private FiringsProbe() {
    }

    public static void main(String[] args) throws Exception {
        Evaluator evaluator = Packs.evaluator();
        RulePack pack = evaluator.pack();
        List<Scenario> scenarios = new ArrayList<>();
        int line = 0;
        for (String json : Files.readAllLines(Path.of(args[0]))) {
            scenarios.add(Packs.reader().read(args[0], json.getBytes(StandardCharsets.UTF_8), Format.JSON, line++));
        }
        long resources = scenarios.stream().mapToLong(s -> s.resources().size()).sum();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            scenarios.forEach(evaluator::evaluate);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d scenarios, %d resources in %.2f s: %.0f resources/s on one thread%n", round,
                    scenarios.size(), resources, seconds, resources / seconds);
        }
        Map<String, Long> fired = new HashMap<>();
        long inserted = 0;
        long held = 0;
        for (Scenario s : scenarios) {
            List<Object> facts = evaluator.facts(s, new ArrayList<>(), false);
            inserted += facts.size();
            KieSession session = pack.newSession();
            try {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        fired.merge(event.getMatch().getRule().getName(), 1L, Long::sum);
                    }
                });
                facts.forEach(session::insert);
                session.fireAllRules();
                held += session.getObjects().size();
            } finally {
                session.dispose();
            }
        }
        long firings = fired.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("per resource: %.1f facts inserted, %.1f facts at the end, %.1f firings (%d rules fired of %d)%n",
                inserted / (double) resources, held / (double) resources, firings / (double) resources, fired.size(),
                pack.rules().size());
        fired.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("%10.2f  %s%n", e.getValue() / (double) resources, e.getKey()));
    }
}
