package dev.srm.report.audit;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.Origin;
import dev.srm.model.ResourceResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One control on one resource (or on the account) of a scenario, with who must act on it
 * ({@code owner}: the control's owner, the customer for every customer control) and who runs
 * the rest of its layer on that resource ({@code layerParty}; the customer for the account).
 *
 * @param resource the resource, or null for an account-wide control
 * @param finding  the finding the control raised on it (status, waiver, fingerprint), or null
 * @param origin   where the resource was read from (the scenario's file for the account)
 */
record ControlRow(ResourceResult resource, ControlResult control, String owner, String layerParty, FindingResult finding,
                  Origin origin) {
    static final String ACCOUNT = "account";

    /** Whether the control raised a finding that a waiver in force waives. */
    boolean waived() {
        return finding != null && !finding.counts();
    }

    String resourceId() {
        return resource == null ? ACCOUNT : resource.id();
    }

    /** Every control of a scenario: resources in scenario order, then the account; controls by id within each. */
    static List<ControlRow> of(Evaluation e) {
        List<ControlRow> rows = new ArrayList<>();
        java.util.Map<String, Origin> origins = e.origins();
        java.util.Map<String, FindingResult> findings = new java.util.HashMap<>();
        for (FindingResult f : e.findings()) {
            findings.putIfAbsent(f.resource() + "\u0000" + f.rule(), f);
        }
        for (ResourceResult r : e.resources()) {
            for (ControlResult c : r.controls()) {
                LayerResult l = r.layer(c.layer());
                rows.add(new ControlRow(r, c, c.owner() == null ? "" : c.owner().name(), l == null ? "" : l.party().name(),
                        findings.get(r.id() + "\u0000" + c.id()), origins.get(r.id())));
            }
        }
        for (ControlResult c : e.accountControls()) {
            rows.add(new ControlRow(null, c, c.owner() == null ? "" : c.owner().name(), "CUSTOMER", findings.get(ACCOUNT + "\u0000" + c.id()),
                    origins.get(ACCOUNT)));
        }
        return rows;
    }
}
