package dev.srm.testing;

import dev.srm.model.ControlResult;
import dev.srm.model.DutyResult;
import dev.srm.model.Evaluation;

import java.util.List;

/** Finds one answer in an evaluation: a resource's control or duty, or an AssertionError naming what is not there. */
public final class Results {
    private Results() {
    }

    /** The control {@code id} of {@code resource}. */
    public static ControlResult control(Evaluation e, String resource, String id) {
        return control(List.of(e), resource, id);
    }

    /** The control {@code id} of {@code resource} in any of the evaluations (an input of several scenarios). */
    public static ControlResult control(List<Evaluation> e, String resource, String id) {
        return e.stream().flatMap(x -> x.resources().stream()).filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not on " + resource));
    }

    /** The duty {@code duty} of {@code resource}, in whichever layer holds it. */
    public static DutyResult duty(Evaluation e, String resource, String duty) {
        return duty(List.of(e), resource, duty);
    }

    /** The duty {@code duty} of {@code resource} in any of the evaluations. */
    public static DutyResult duty(List<Evaluation> e, String resource, String duty) {
        return e.stream().flatMap(x -> x.resources().stream()).filter(r -> r.id().equals(resource)).flatMap(r -> r.layers().stream())
                .flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals(duty)).findFirst()
                .orElseThrow(() -> new AssertionError(duty + " not on " + resource));
    }
}
