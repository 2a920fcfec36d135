package dev.srm.rules;

import dev.srm.testing.Slow;
import dev.srm.engine.Evaluator;
import dev.srm.engine.RulePack;
import dev.srm.model.Evaluation;
import dev.srm.report.Json;
import dev.srm.run.ScenarioFiles;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimisations keep outputs identical: the precompiled (executable-model) pack with the user
 * rules of docs/examples compiled by themselves and added on top, and the same files compiled
 * as a whole at run time by the classic DRL compiler, give the same full JSON for every
 * bundled scenario, with and without --explain.
 */
@Slow
class CompiledPathsAgreeTest {

    private static String json(Evaluator evaluator, Path file, boolean explain) throws Exception {
        Evaluation e = evaluator.evaluate(Packs.reader().read(file), explain);
        StringWriter w = new StringWriter();
        Json.write(Json.evaluation(e), w);
        return w.toString();
    }

    @Test
    void precompiled_pack_with_user_rules_on_top_and_the_whole_compiled_at_run_time_give_identical_json() throws Exception {
        RuleSources sources = RuleSources.bundled().plus(RuleSources.directory(Path.of("docs/examples/extra-rules")));
        RulePack onTop = RulePack.load(sources);
        assertThat(onTop.compiledOnTop()).isTrue();
        Evaluator precompiled = new Evaluator(onTop);
        Evaluator classic = new Evaluator(RulePack.loadClassic(sources));
        List<Path> files = ScenarioFiles.expand(List.of(Path.of("scenarios"))).files();
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(json(precompiled, f, false)).as(f.toString()).isEqualTo(json(classic, f, false));
            assertThat(json(precompiled, f, true)).as(f + " --explain").isEqualTo(json(classic, f, true));
        }
    }
}
