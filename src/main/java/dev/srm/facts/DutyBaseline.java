package dev.srm.facts;

import java.util.List;
import java.util.Objects;

/**
 * A resource's duties as the duty tables' rows decide them for its service, variant and
 * service model, with no other claim: taken from the {@link DutyMatrix} of its key, which the
 * pack derived once with the same rules. Configuration and lifecycle claims still arrive in
 * the session; the layers they touch are decided there (the rows' claims for those layers
 * join them), the others come from here.
 */
public record DutyBaseline(String resource, DutyMatrix matrix) {
    public DutyBaseline {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(matrix, "matrix");
    }

    /** True when a rule of this name is one of the rows that claimed for this key. */
    public boolean fromRows(String rule) {
        return matrix.rows().contains(rule);
    }

    /** The rows' claims on the duties of a layer, on this resource. */
    public List<DutyClaim> claimsIn(String layer) {
        return matrix.claimsIn(layer).stream().map(c -> new DutyClaim(resource, c.duty(), c.party(), c.reason(), c.rule(),
                c.level(), c.source())).toList();
    }

    /** The rows' decisions on the duties of a layer, on this resource. */
    public List<DutyDecision> decisionsIn(String layer) {
        return matrix.decisionsIn(layer).stream().map(d -> new DutyDecision(resource, d.layer(), d.duty(), d.party(), d.reason(),
                d.rule(), d.source())).toList();
    }

    /** The layer decisions the rows' duties give, on this resource. */
    public List<LayerDecision> layerDecisions() {
        return matrix.layers().stream().map(l -> new LayerDecision(resource, l.layer(), l.party(), l.reason(), l.rule())).toList();
    }
}
