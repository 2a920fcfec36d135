package dev.srm.engine;

import dev.srm.facts.Classification;
import dev.srm.facts.ControlApplies;
import dev.srm.facts.ControlDef;
import dev.srm.facts.ControlStatus;
import dev.srm.facts.CustomerShare;
import dev.srm.facts.DutyKey;
import dev.srm.facts.Evidence;
import dev.srm.facts.Finding;
import dev.srm.facts.LayerClaim;
import dev.srm.facts.LayerDecision;
import dev.srm.facts.NotApplicable;
import dev.srm.facts.Requirement;
import dev.srm.facts.Resource;
import dev.srm.facts.ScenarioContext;
import dev.srm.facts.Setting;
import dev.srm.facts.SeverityOverride;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.rule.Match;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Records, only when --explain asks for it, which rule inserted each fact and which facts
 * that rule's match held, so a conclusion can be traced back to the input settings.
 */
final class Tracer extends DefaultRuleRuntimeEventListener {
    private record Cause(String rule, List<Object> matched) {
    }

    private final Map<Object, Cause> causes = new IdentityHashMap<>();
    private Match current;

    AgendaEventListener agendaListener() {
        return new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = event.getMatch();
            }
        };
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null && current != null) {
            List<Object> matched = new ArrayList<>();
            for (Object o : current.getObjects()) {
                if (o != null) {
                    matched.add(o);
                }
            }
            causes.put(event.getObject(), new Cause(event.getRule().getName(), matched));
        }
    }

    /** The chain behind a fact, one line per rule, deepest causes last. */
    List<String> explain(Object fact) {
        List<String> lines = new ArrayList<>();
        walk(fact, 0, lines, Collections.newSetFromMap(new IdentityHashMap<>()));
        return lines;
    }

    private void walk(Object fact, int depth, List<String> lines, Set<Object> seen) {
        Cause cause = causes.get(fact);
        if (cause == null || !seen.add(fact) || depth > 12) {
            return;
        }
        if (fact instanceof DutyKey) { // the rows' view of a classification: the chain goes on from the classification
            for (Object m : cause.matched()) {
                if (m instanceof Classification) {
                    walk(m, depth, lines, seen);
                }
            }
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Object m : cause.matched()) {
            if (!(m instanceof ControlDef) && !(m instanceof ScenarioContext)) {
                parts.add(describe(m));
            }
        }
        lines.add("  ".repeat(depth) + "← rule " + cause.rule() + (parts.isEmpty() ? "" : " matched " + String.join("; ", parts)));
        for (Object m : cause.matched()) {
            walk(m, depth + 1, lines, seen);
        }
    }

    static String describe(Object o) {
        if (o instanceof Setting s) {
            return s.path() + " = " + s.value() + " on " + s.resource();
        } else if (o instanceof Resource r) {
            return "resource " + r.id() + (r.service() == null ? "" : " (service " + r.service() + ")");
        } else if (o instanceof Classification c) {
            return c.resource() + " is " + c.service() + "/" + c.variant() + " (" + c.model() + ")";
        } else if (o instanceof DutyKey k) {
            return k.resource() + " is " + k.service() + "/" + k.variant() + " (" + k.model() + ")";
        } else if (o instanceof LayerClaim c) {
            return (c.level() == LayerClaim.MODEL ? "model " : c.level() == LayerClaim.VARIANT ? "variant " : "service ") + "claim " + c.layer() + " = " + c.party() + " on " + c.resource();
        } else if (o instanceof LayerDecision d) {
            return d.layer() + " = " + d.party() + " on " + d.resource();
        } else if (o instanceof ControlApplies a) {
            return "control " + a.control() + " applies to " + a.resource();
        } else if (o instanceof Requirement q) {
            return "requirement " + q.describe() + " for " + q.control();
        } else if (o instanceof Evidence e) {
            return "evidence " + e.outcome() + " for " + e.control() + (e.path() == null ? "" : " from " + e.path() + " = " + e.actual());
        } else if (o instanceof ControlStatus s) {
            return "control " + s.control() + " " + s.state() + " on " + s.resource();
        } else if (o instanceof NotApplicable n) {
            return "control " + n.control() + " not applicable on " + n.resource();
        } else if (o instanceof SeverityOverride s) {
            return "severity of " + s.control() + " set to " + s.severity();
        } else if (o instanceof CustomerShare s) {
            return "customer share " + s.level() + " on " + s.resource();
        } else if (o instanceof Finding f) {
            return "finding " + f.rule() + " " + f.severity() + " on " + f.resource();
        }
        return String.valueOf(o);
    }
}
