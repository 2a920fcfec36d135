package dev.srm.engine;

import dev.srm.facts.Classification;
import dev.srm.facts.DutyBaseline;
import dev.srm.facts.DutyClaim;
import dev.srm.facts.DutyDecision;
import dev.srm.facts.DutyDef;
import dev.srm.facts.DutyKey;
import dev.srm.facts.DutyMatrices;
import dev.srm.facts.DutyMatrix;
import dev.srm.facts.LayerDecision;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The duty tables' rows fired once per (service, variant, service model) of a pack: which
 * party holds which duty there does not depend on the scenario. The first resource of a key
 * opens a session of the pack's own rules with that key on a stand-in resource and the duty
 * catalogue, fires it, and keeps the rows' claims and the decisions the resolution rules draw
 * from them ({@link DutyMatrix}); every later resource of the key, in any thread, reuses them.
 */
final class DutyRowsOnce implements DutyMatrices {
    /** The stand-in resource the rows conclude on; no scenario's resource can have this id (ids are printable). */
    static final String STAND_IN = "\u0000duty-matrix";

    private final Supplier<KieSession> sessions;
    private final List<DutyDef> defs;
    private final Map<String, String> layerOf = new HashMap<>();
    private final Map<String, DutyMatrix> byKey = new ConcurrentHashMap<>();

    DutyRowsOnce(Supplier<KieSession> sessions, List<DutyDef> defs) {
        this.sessions = sessions;
        this.defs = List.copyOf(defs);
        for (DutyDef d : defs) {
            layerOf.put(d.id(), d.layer());
        }
    }

    @Override
    public DutyBaseline baseline(Classification c) {
        String key = c.service() + '\u0000' + c.variant() + '\u0000' + c.model();
        return new DutyBaseline(c.resource(), byKey.computeIfAbsent(key, k -> derive(c)));
    }

    private DutyMatrix derive(Classification c) {
        KieSession session = sessions.get();
        try {
            session.insert(new DutyKey(STAND_IN, c.service(), c.variant(), c.model()));
            defs.forEach(session::insert);
            session.fireAllRules(Evaluator.MAX_FIRINGS);
            List<DutyClaim> claims = new ArrayList<>();
            List<DutyDecision> decisions = new ArrayList<>();
            List<LayerDecision> layers = new ArrayList<>();
            for (Object o : session.getObjects()) {
                if (o instanceof DutyClaim d && STAND_IN.equals(d.resource())) {
                    claims.add(d);
                } else if (o instanceof DutyDecision d && STAND_IN.equals(d.resource())) {
                    decisions.add(d);
                } else if (o instanceof LayerDecision d && STAND_IN.equals(d.resource())) {
                    layers.add(d);
                }
            }
            return new DutyMatrix(claims, decisions, layers, layerOf);
        } finally {
            session.dispose();
        }
    }
}
