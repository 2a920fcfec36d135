package dev.srm.rules;

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
 * Optimisations keep outputs identical: the precompiled (executable-model) pack and the pack
 * compiled at run time by the classic DRL compiler give the same full JSON for every bundled
 * scenario, with and without --explain.
 */
class CompiledPathsAgreeTest {

    private static String json(Evaluator evaluator, Path file, boolean explain) throws Exception {
        Evaluation e = evaluator.evaluate(Packs.reader().read(file), explain);
        StringWriter w = new StringWriter();
        Json.write(Json.evaluation(e), w);
        return w.toString();
    }

    @Test
    void precompiled_and_runtime_compiled_packs_give_identical_json() throws Exception {
        Evaluator precompiled = new Evaluator(Packs.bundled());
        Evaluator classic = new Evaluator(RulePack.loadClassic(RuleSources.bundled()));
        List<Path> files = ScenarioFiles.expand(List.of(Path.of("scenarios"))).files();
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(json(precompiled, f, false)).as(f.toString()).isEqualTo(json(classic, f, false));
            assertThat(json(precompiled, f, true)).as(f + " --explain").isEqualTo(json(classic, f, true));
        }
    }
}
