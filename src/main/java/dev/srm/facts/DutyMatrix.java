package dev.srm.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the duty tables' rows and the duty resolution rules conclude for one (service, variant,
 * service model), on a stand-in resource: every row's claim, the decisions and the layer
 * decisions drawn from them. Immutable; shared by every resource of that key.
 */
public final class DutyMatrix {
    private final Set<String> rows;
    private final Map<String, List<DutyClaim>> claims = new LinkedHashMap<>();
    private final Map<String, List<DutyDecision>> decisions = new LinkedHashMap<>();
    private final List<LayerDecision> layers;

    /**
     * @param claims    the rows' claims (on the stand-in resource)
     * @param decisions the duty decisions drawn from them
     * @param layers    the layer decisions drawn from the duties
     * @param layerOf   each duty's layer (the pack's duty catalogue)
     */
    public DutyMatrix(Collection<DutyClaim> claims, Collection<DutyDecision> decisions, Collection<LayerDecision> layers,
                      Map<String, String> layerOf) {
        Set<String> names = new TreeSet<>();
        for (DutyClaim c : claims) {
            names.add(c.rule());
            String layer = layerOf.get(c.duty());
            if (layer != null) {
                this.claims.computeIfAbsent(layer, k -> new ArrayList<>()).add(c);
            }
        }
        for (DutyDecision d : decisions) {
            this.decisions.computeIfAbsent(d.layer(), k -> new ArrayList<>()).add(d);
        }
        this.claims.replaceAll((k, v) -> List.copyOf(v));
        this.decisions.replaceAll((k, v) -> List.copyOf(v));
        this.rows = Set.copyOf(names);
        this.layers = List.copyOf(layers);
    }

    /** The names of the rows that claimed. */
    public Set<String> rows() {
        return rows;
    }

    public List<DutyClaim> claimsIn(String layer) {
        return claims.getOrDefault(layer, List.of());
    }

    public List<DutyDecision> decisionsIn(String layer) {
        return decisions.getOrDefault(layer, List.of());
    }

    /** The layers with a decided duty. */
    public Set<String> decidedLayers() {
        return decisions.keySet();
    }

    public List<LayerDecision> layers() {
        return layers;
    }
}
