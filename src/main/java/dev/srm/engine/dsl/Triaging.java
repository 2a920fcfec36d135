package dev.srm.engine.dsl;

import dev.srm.facts.AsffFinding;
import dev.srm.facts.Classification;
import dev.srm.facts.ComponentBranch;
import dev.srm.facts.ControlStatus;
import dev.srm.facts.Distraction;
import dev.srm.facts.EvidenceSource;
import dev.srm.facts.FirstAction;
import dev.srm.facts.IncidentComponent;
import dev.srm.facts.IncidentComponentDef;
import dev.srm.facts.IncidentLayerClaim;
import dev.srm.facts.KindSignal;
import dev.srm.facts.DutyDecision;
import dev.srm.facts.LayerDecision;
import dev.srm.facts.NoKind;
import dev.srm.facts.OwnerClaim;
import dev.srm.facts.Party;
import dev.srm.facts.PreventiveControl;
import dev.srm.facts.Route;
import dev.srm.facts.Setting;
import dev.srm.facts.SourceState;
import dev.srm.facts.SourceStatus;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Static helpers for the consequences of triage rules ({@code rules/triage/*.drl}), e.g.
 * {@code Triaging.act(drools, $i.id(), 10, "IAM", "Deactivate the key")}. Like {@link Srm} they
 * only insert facts, stamped with the firing rule's name; they decide nothing.
 */
public final class Triaging {
    /** The consequence's {@code drools}: a KnowledgeHelper (classic) or a DroolsImpl (executable model); both RuleContexts. */
    private static RuleContext ctx(Object drools) {
        return (RuleContext) drools;
    }

    /** Rank of a layer the input names. */
    public static final int GIVEN = 0;
    /** Rank of a claim a specific rule makes. */
    public static final int SPECIFIC = 1;
    /** Rank of a layer that only the kind's default gives. */
    public static final int KIND_DEFAULT = 2;

    private Triaging() {
    }

    private static String rule(Object drools) {
        return ctx(drools).getRule().getName();
    }

    /** Reads a kind from a finding; the lowest rank among an incident's signals wins (1 specific type, 2 category, 3 namespace). */
    public static void kind(Object drools, String incident, String kind, int rank, String reason) {
        ctx(drools).insertLogical(new KindSignal(incident, kind, rank, reason, rule(drools)));
    }

    /** Says why the input is no incident of a kind srm knows; it keeps the finding's readings from deciding a kind. */
    public static void noKind(Object drools, String incident, String reason) {
        ctx(drools).insertLogical(new NoKind(incident, reason, rule(drools)));
    }

    /** States the layer the input names for the incident. */
    public static void layerGiven(Object drools, String incident, String layer, String reason) {
        ctx(drools).insertLogical(new IncidentLayerClaim(incident, layer, GIVEN, reason, rule(drools)));
    }

    /** Claims the layer an incident sits on for a specific service, variant or finding; wins over the kind's default. */
    public static void layer(Object drools, String incident, String layer, String reason) {
        ctx(drools).insertLogical(new IncidentLayerClaim(incident, layer, SPECIFIC, reason, rule(drools)));
    }

    /** Claims the kind's default layer; any other claim wins over it. */
    public static void layerDefault(Object drools, String incident, String layer, String reason) {
        ctx(drools).insertLogical(new IncidentLayerClaim(incident, layer, KIND_DEFAULT, reason, rule(drools)));
    }

    /**
     * Who holds the duty of the component the incident sits in (rank 0: the input or the finding
     * said where the incident is, which no reading of the layer or the configuration can overrule).
     */
    public static void ownerFromComponent(Object drools, String incident, DutyDecision decision, String reason) {
        ctx(drools).insertLogical(new OwnerClaim(incident, decision.party(), 0, reason, rule(drools), decision.rule(),
                decision.duty() + " of " + decision.resource() + " is " + decision.party()));
    }

    /** The incident sits in several components whose duties different parties hold: both act (rank 0). */
    public static void ownerOfComponents(Object drools, String incident, String reason, String basis) {
        ctx(drools).insertLogical(new OwnerClaim(incident, Party.SHARED, 0, reason, rule(drools), null, basis));
    }

    /** States the component the incident sits in, read from the input or a finding. */
    public static void component(Object drools, String incident, String component, String reason) {
        ctx(drools).insertLogical(new IncidentComponent(incident, component, reason, rule(drools)));
    }

    /** One branch of "it depends on the component": the party that holds that component's duty on the resource. */
    public static void branch(Object drools, String incident, IncidentComponentDef def, DutyDecision decision) {
        ctx(drools).insertLogical(new ComponentBranch(incident, def.id(), def.title(), def.duty(), decision.party(), def.howToTell(),
                rule(drools), decision.rule()));
    }

    /**
     * Nothing names the component, but every component the resource has is patched by the same party
     * (rank 3, like a duty's: wins over the layer's party, which may mix in duties no component names).
     */
    public static void ownerFromBranches(Object drools, String incident, Party party, String reason) {
        ctx(drools).insertLogical(new OwnerClaim(incident, party, 3, reason, rule(drools), null,
                "every component branch of the incident is " + party));
    }

    /** The customer owns it because the scenario shows one of its controls on the incident's layer is missing (rank 1). */
    public static void ownerFromMissingControl(Object drools, String incident, ControlStatus missing, String reason) {
        ctx(drools).insertLogical(new OwnerClaim(incident, Party.CUSTOMER, 1, reason, rule(drools), missing.rule(), describe(missing)));
    }

    /** A service-, variant- or kind-specific owner claim (rank 2), resting on the fact {@code basis}. */
    public static void owner(Object drools, String incident, Party party, String reason, Object basis) {
        ctx(drools).insertLogical(new OwnerClaim(incident, party, 2, reason, rule(drools), ruleOf(basis), describe(basis)));
    }

    /** Who holds the duty the incident touches on the resource (rank 3: wins over the layer's party). */
    public static void ownerFromDuty(Object drools, String incident, DutyDecision decision, String reason) {
        ctx(drools).insertLogical(new OwnerClaim(incident, decision.party(), 3, reason, rule(drools), decision.rule(),
                decision.duty() + " of " + decision.resource() + " is " + decision.party()));
    }

    /** The owner of the incident's layer on the resource (rank 4: every other claim wins over it). */
    public static void ownerFromLayer(Object drools, String incident, LayerDecision decision, String reason) {
        ctx(drools).insertLogical(new OwnerClaim(incident, decision.party(), 4, reason, rule(drools), decision.rule(), describe(decision)));
    }

    /** A step of the response; lower steps come first, across rules. */
    public static void act(Object drools, String incident, int step, String feature, String text) {
        ctx(drools).insertLogical(new FirstAction(incident, step, text, feature, rule(drools)));
    }

    /** Something not worth time during this incident. */
    public static void avoid(Object drools, String incident, String text) {
        ctx(drools).insertLogical(new Distraction(incident, text, rule(drools)));
    }

    /** A source of evidence to pull; {@code control} on {@code subject} would have produced it (both may be null). */
    public static void evidence(Object drools, String incident, String source, String subject, String control, String why) {
        ctx(drools).insertLogical(new EvidenceSource(incident, source, subject, control, why, rule(drools)));
    }

    /** Whether an evidence source was recording, and what in the scenario shows it. */
    public static void sourceStatus(Object drools, String incident, String source, SourceState state, String detail) {
        ctx(drools).insertLogical(new SourceStatus(incident, source, state, detail, rule(drools)));
    }

    /** A control on {@code subject} that would have prevented the incident. */
    public static void prevent(Object drools, String incident, String subject, String control, String why) {
        ctx(drools).insertLogical(new PreventiveControl(incident, subject, control, why, rule(drools)));
    }

    /** The team the incident goes to (null when nothing names one). */
    public static void route(Object drools, String incident, String team, String reason) {
        ctx(drools).insertLogical(new Route(incident, team, reason, rule(drools)));
    }

    private static String ruleOf(Object fact) {
        if (fact instanceof LayerDecision d) {
            return d.rule();
        } else if (fact instanceof Classification c) {
            return c.rule();
        } else if (fact instanceof ControlStatus s) {
            return s.rule();
        }
        return null;
    }

    /** The fact as people read it, e.g. {@code layer guest-os-and-app-patching of web = CUSTOMER}. */
    static String describe(Object fact) {
        if (fact == null) {
            return null;
        } else if (fact instanceof LayerDecision d) {
            return "layer " + d.layer() + " of " + d.resource() + " = " + d.party();
        } else if (fact instanceof Classification c) {
            return c.resource() + " is " + c.service() + "/" + c.variant() + " (" + c.model() + ")";
        } else if (fact instanceof ControlStatus s) {
            return "control " + s.control() + " is " + s.state() + " on " + s.resource();
        } else if (fact instanceof Setting s) {
            return s.resource() + ": " + s.path() + " = " + s.value();
        } else if (fact instanceof AsffFinding f) {
            return "ASFF finding " + f.findingId();
        }
        return String.valueOf(fact);
    }
}
