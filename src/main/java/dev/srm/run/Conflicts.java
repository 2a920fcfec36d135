package dev.srm.run;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;

import java.util.ArrayList;
import java.util.List;

/** Lists the places where two rules concluded differently (a CONFLICT), as {@code file: message} lines. */
public final class Conflicts {
    private Conflicts() {
    }

    public static List<String> in(Evaluation e) {
        List<String> out = new ArrayList<>();
        String at = e.scenario().file() + ": scenario '" + e.scenario().id() + "': ";
        for (ResourceResult r : e.resources()) {
            if ("CONFLICT".equals(r.serviceModel())) {
                out.add(at + "CONFLICT on what " + r.id() + " is: " + r.reason());
            }
            for (LayerResult l : r.layers()) {
                if (l.party() == Responsibility.CONFLICT) {
                    out.add(at + "CONFLICT on " + r.id() + " layer " + l.layer() + ": " + l.reason());
                }
            }
            for (ControlResult c : r.controls()) {
                if (c.status() == Status.CONFLICT) {
                    out.add(at + "CONFLICT on " + r.id() + " control " + c.id() + ": " + c.reason());
                }
            }
        }
        for (ControlResult c : e.accountControls()) {
            if (c.status() == Status.CONFLICT) {
                out.add(at + "CONFLICT on account control " + c.id() + ": " + c.reason());
            }
        }
        return out;
    }
}
