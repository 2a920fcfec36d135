package dev.srm.api;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.matrix.Duty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the customer responsibility matrix needs of a portfolio, one resource at a time: its
 * service, who holds each of its layers (with their duties) and its control results. Filled from
 * evaluations, or from srm's JSON results without holding the whole file.
 */
final class CrmInput {
    /** A layer of a resource. */
    record LayerView(String party, List<Duty> duties) {
    }

    /** A control result of a resource (or of the account). */
    record ControlView(String id, String title, String layer, String status) {
    }

    /**
     * A resource: its service name ({@code account} for account-wide controls, which have no
     * layers) and its service with its variant, as the reports label it.
     */
    record Unit(String service, String label, Map<String, LayerView> layers, List<ControlView> controls) {
    }

    static final String ACCOUNT = "account";

    final List<Unit> units = new ArrayList<>();
    int scenarios;
    int resources;

    void add(Evaluation e) {
        scenarios++;
        for (ResourceResult r : e.resources()) {
            resources++;
            Map<String, LayerView> layers = new LinkedHashMap<>();
            for (LayerResult l : r.layers()) {
                layers.put(l.layer(), new LayerView(l.party().name(), LayerDuties.of(l)));
            }
            units.add(new Unit(r.service() == null ? "unknown service" : r.service(), label(r.service(), r.variant()), layers,
                    controls(r.controls())));
        }
        if (!e.accountControls().isEmpty()) {
            units.add(new Unit(ACCOUNT, ACCOUNT, Map.of(), controls(e.accountControls())));
        }
    }

    static String label(String service, String variant) {
        String s = service == null ? "unknown service" : service;
        return variant == null || variant.isEmpty() ? s : s + " " + variant;
    }

    private static List<ControlView> controls(List<ControlResult> results) {
        List<ControlView> out = new ArrayList<>(results.size());
        for (ControlResult c : results) {
            out.add(new ControlView(c.id(), c.title(), c.layer(), c.status().name()));
        }
        return out;
    }
}
