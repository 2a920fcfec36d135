package dev.srm.report.audit;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One control on one resource (or on the account) of a scenario, with who owns it: the party
 * that owns the control's layer on that resource, or, for an account-wide control, the owner
 * the finding names when there is one (empty otherwise).
 *
 * @param resource the resource, or null for an account-wide control
 */
record ControlRow(ResourceResult resource, ControlResult control, String owner) {
    static final String ACCOUNT = "account";

    String resourceId() {
        return resource == null ? ACCOUNT : resource.id();
    }

    /** Every control of a scenario: resources in scenario order, then the account; controls by id within each. */
    static List<ControlRow> of(Evaluation e) {
        List<ControlRow> rows = new ArrayList<>();
        for (ResourceResult r : e.resources()) {
            for (ControlResult c : r.controls()) {
                LayerResult l = r.layer(c.layer());
                rows.add(new ControlRow(r, c, l == null ? "" : l.party().name()));
            }
        }
        for (ControlResult c : e.accountControls()) {
            String owner = e.findings().stream()
                    .filter(f -> ACCOUNT.equals(f.resource()) && c.id().equals(f.rule()))
                    .map(FindingResult::owner).findFirst().orElse("");
            rows.add(new ControlRow(null, c, owner));
        }
        return rows;
    }
}
