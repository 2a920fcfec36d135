package dev.srm.run;

import dev.srm.model.Evaluation;

import java.util.ArrayList;
import java.util.List;

/** What a reader said about a scenario (a type it has no mapping for, values unknown until apply) joins the evaluation's warnings, so that reports count it. */
public final class ReaderWarnings {
    private ReaderWarnings() {
    }

    public static Evaluation added(Evaluation e, List<String> readerWarnings) {
        if (readerWarnings.isEmpty()) {
            return e;
        }
        List<String> all = new ArrayList<>(readerWarnings);
        all.addAll(e.warnings());
        return new Evaluation(e.scenario(), e.resources(), e.accountControls(), e.findings(), e.integrations(), all);
    }
}
