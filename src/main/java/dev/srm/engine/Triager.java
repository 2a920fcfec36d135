package dev.srm.engine;

import dev.srm.facts.DutiesInFull;
import dev.srm.facts.Incident;
import dev.srm.facts.IncidentComponentDef;
import dev.srm.facts.IncidentKindDef;
import dev.srm.facts.RoutingPolicy;
import dev.srm.facts.SecurityHubControl;
import dev.srm.model.IncidentSpec;
import dev.srm.model.Scenario;
import dev.srm.model.Triage;
import dev.srm.rules.IncidentCatalog;
import dev.srm.model.RuleInfo;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Triages the incident of a scenario against a compiled {@link RulePack}: the scenario's facts
 * (the same ones {@code evaluate} uses, so the same classification, layer and control rules
 * fire) plus the incident, the incident taxonomy, the Security Hub ids of the pack's controls
 * and the routing policy. The rules under {@code triage/} decide; Java only assembles.
 * Thread-safe: each call uses its own session.
 */
public final class Triager {
    private final RulePack pack;
    private final Evaluator evaluator;

    public Triager(RulePack pack) {
        this(new Evaluator(pack));
    }

    /** A triager whose sessions run within the evaluator's time limit. */
    public Triager(Evaluator evaluator) {
        this.pack = evaluator.pack();
        this.evaluator = evaluator;
    }

    public RulePack pack() {
        return pack;
    }

    /**
     * A triage judges the input with every resource under an undecidable condition deployed (the
     * scenario's own world): say so, naming the incident's resource when it is one of them.
     */
    static java.util.Optional<String> undecidedWarning(Scenario scenario, String resource) {
        dev.srm.model.UndecidedResources undecided = scenario.undecided();
        if (undecided == null) {
            return java.util.Optional.empty();
        }
        String reason = undecided.reasons().get(resource);
        if (reason != null) {
            int others = undecided.reasons().size() - 1;
            return java.util.Optional.of(resource + " " + reason + "; the triage assumes it is deployed"
                    + (others == 0 ? "" : ", with the " + others + (others == 1 ? " other resource" : " other resources")
                    + " under such conditions"));
        }
        return java.util.Optional.of(undecided.reasons().size() + " resources of the input exist only under conditions it does not"
                + " decide (" + String.join(", ", new java.util.TreeSet<>(undecided.conditions().values())) + "); the triage judges the"
                + " controls that would have prevented it with all of them deployed ('srm evaluate' shows which answers depend on them)");
    }

    /** Triages the scenario's incident; the incident must name one of the scenario's resources (the run resolves it). */
    public Triage triage(Scenario scenario) {
        IncidentSpec spec = Objects.requireNonNull(scenario.incident(), "the scenario has no incident");
        Objects.requireNonNull(spec.resource(), "the incident names no resource");
        if (scenario.resource(spec.resource()) == null) {
            throw new IllegalArgumentException("the incident names resource '" + spec.resource() + "', which the scenario does not contain");
        }
        List<String> warnings = new ArrayList<>(scenario.warnings());
        undecidedWarning(scenario, spec.resource()).ifPresent(warnings::add);
        List<Object> facts = evaluator.facts(scenario, warnings, spec.origin() != IncidentSpec.Origin.ASFF);
        facts.addAll(pack.controls().values()); // triage rules read any control's definition, applied or not
        facts.add(new DutiesInFull()); // and any duty's and layer's decision
        for (IncidentCatalog.Kind k : pack.incidents().kinds()) {
            facts.add(new IncidentKindDef(k.id(), k.title(), k.layer(), k.description(), k.duty(), k.componentDecides()));
        }
        for (IncidentCatalog.Component c : pack.incidents().components()) {
            facts.add(new IncidentComponentDef(c.id(), c.title(), c.duty(), c.howToTell()));
        }
        for (RuleInfo r : pack.rules().values()) {
            if ("control".equals(r.kind())) {
                for (String id : r.securityHub()) {
                    facts.add(new SecurityHubControl(id, r.id()));
                }
            }
        }
        facts.add(new RoutingPolicy(scenario.ownerTagKey(), scenario.owner()));
        facts.add(new Incident(spec.id(), spec.resource(), spec.kind(), spec.layer(), spec.summary(), spec.detectedBy(),
                spec.severity(), spec.component()));
        if (spec.finding() != null) {
            facts.add(spec.finding());
        }
        String what = "incident '" + spec.id() + "'";
        return evaluator.limited(what, scenario.file(), watch -> {
            KieSession session = watch.open(pack);
            try {
                facts.forEach(session::insert);
                int fired = session.fireAllRules(Evaluator.MAX_FIRINGS);
                if (fired >= Evaluator.MAX_FIRINGS) {
                    throw new dev.srm.model.RulesLoopException(Evaluator.MAX_FIRINGS, what, scenario.file(), watch.rule());
                }
                return new TriageAssembler(pack, scenario, warnings).assemble(session.getObjects());
            } finally {
                session.dispose();
            }
        });
    }
}
