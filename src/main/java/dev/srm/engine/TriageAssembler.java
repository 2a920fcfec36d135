package dev.srm.engine;

import dev.srm.facts.Classification;
import dev.srm.facts.ComponentBranch;
import dev.srm.facts.IncidentComponent;
import dev.srm.facts.ControlDef;
import dev.srm.facts.ControlStatus;
import dev.srm.facts.Distraction;
import dev.srm.facts.EvidenceSource;
import dev.srm.facts.FirstAction;
import dev.srm.facts.IncidentKind;
import dev.srm.facts.IncidentLayer;
import dev.srm.facts.IncidentOwner;
import dev.srm.facts.NoKind;
import dev.srm.facts.PreventiveControl;
import dev.srm.facts.Resource;
import dev.srm.facts.Route;
import dev.srm.facts.SourceState;
import dev.srm.facts.SourceStatus;
import dev.srm.model.IncidentSpec;
import dev.srm.model.Responsibility;
import dev.srm.model.Scenario;
import dev.srm.model.Triage;
import dev.srm.rules.IncidentCatalog;
import dev.srm.model.RuleInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the facts a triage session ends with into a {@link Triage}: picks the incident's
 * facts, orders and numbers the actions, and marks a CONFLICT where rules disagree. It adds no
 * conclusion of its own: where no rule concluded, it says so.
 */
final class TriageAssembler {
    /** Controls that need attention first in the list of preventive controls. */
    private static final List<String> STATUS_ORDER = List.of("MISSING", "UNKNOWN", "NOT_APPLICABLE", "MET");

    private final RulePack pack;
    private final Scenario scenario;
    private final IncidentSpec spec;
    private final List<String> warnings;

    TriageAssembler(RulePack pack, Scenario scenario, List<String> warnings) {
        this.pack = pack;
        this.scenario = scenario;
        this.spec = scenario.incident();
        this.warnings = warnings;
    }

    Triage assemble(Collection<?> objects) {
        String id = spec.id();
        List<IncidentKind> kinds = new ArrayList<>();
        List<NoKind> noKinds = new ArrayList<>();
        List<IncidentLayer> layers = new ArrayList<>();
        List<IncidentOwner> owners = new ArrayList<>();
        List<FirstAction> actions = new ArrayList<>();
        List<Distraction> distractions = new ArrayList<>();
        List<EvidenceSource> sources = new ArrayList<>();
        List<SourceStatus> statuses = new ArrayList<>();
        List<PreventiveControl> preventions = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<Classification> classifications = new ArrayList<>();
        List<IncidentComponent> components = new ArrayList<>();
        List<ComponentBranch> branches = new ArrayList<>();
        Map<String, Set<String>> controlStates = new TreeMap<>();
        Resource resource = null;
        for (Object o : objects) {
            if (o instanceof IncidentKind k && k.incident().equals(id)) {
                kinds.add(k);
            } else if (o instanceof NoKind n && n.incident().equals(id)) {
                noKinds.add(n);
            } else if (o instanceof IncidentLayer l && l.incident().equals(id)) {
                layers.add(l);
            } else if (o instanceof IncidentOwner w && w.incident().equals(id)) {
                owners.add(w);
            } else if (o instanceof FirstAction a && a.incident().equals(id)) {
                actions.add(a);
            } else if (o instanceof Distraction d && d.incident().equals(id)) {
                distractions.add(d);
            } else if (o instanceof EvidenceSource e && e.incident().equals(id)) {
                sources.add(e);
            } else if (o instanceof SourceStatus s && s.incident().equals(id)) {
                statuses.add(s);
            } else if (o instanceof PreventiveControl p && p.incident().equals(id)) {
                preventions.add(p);
            } else if (o instanceof IncidentComponent c && c.incident().equals(id)) {
                components.add(c);
            } else if (o instanceof ComponentBranch b && b.incident().equals(id)) {
                branches.add(b);
            } else if (o instanceof Route r && r.incident().equals(id)) {
                routes.add(r);
            } else if (o instanceof Classification c && c.resource().equals(spec.resource())) {
                classifications.add(c);
            } else if (o instanceof ControlStatus s) {
                controlStates.computeIfAbsent(key(s.resource(), s.control()), k -> new TreeSet<>()).add(s.state().name());
            } else if (o instanceof Resource r && r.id().equals(spec.resource())) {
                resource = r;
            }
        }
        Triage.Kind kind = kind(kinds, noKinds);
        String layer = layer(layers);
        Classification classification = classifications.size() == 1 ? classifications.get(0) : null;
        String model = classification != null ? classification.model().name() : classifications.isEmpty() ? null : "CONFLICT";
        Triage.ResourceRef ref = new Triage.ResourceRef(spec.resource(), resource == null ? null : resource.service(),
                resource == null ? null : resource.type(), classification == null ? null : classification.variant(),
                spec.syntheticResource(), origin(scenario, spec));
        Triage.IncidentRef incident = new Triage.IncidentRef(id, spec.summary(), spec.detectedBy(),
                spec.severity() == null ? null : spec.severity().name().toLowerCase(Locale.ROOT), spec.origin().label(),
                scenario.file(), scenario.id());
        OwnerAnswer owner = owner(owners, kind, layer, resource);
        return new Triage(incident, kind, ref, model, owner.party, layer, owner.reason, owner.rule, owner.basis,
                route(routes), actions(actions), avoid(distractions), evidence(sources, statuses),
                preventions(preventions, controlStates), warnings, component(components), branches(branches));
    }

    /** The component(s) the incident sits in, joined in id order; null when nothing names one. */
    private static Triage.Component component(List<IncidentComponent> components) {
        if (components.isEmpty()) {
            return null;
        }
        List<IncidentComponent> sorted = components.stream().sorted(Comparator.comparing(IncidentComponent::component)
                .thenComparing(IncidentComponent::rule)).toList();
        return new Triage.Component(sorted.stream().map(IncidentComponent::component).distinct().collect(Collectors.joining(", ")),
                sorted.stream().map(IncidentComponent::reason).distinct().collect(Collectors.joining("; ")),
                sorted.stream().map(IncidentComponent::rule).distinct().collect(Collectors.joining(" + ")));
    }

    /** The branches in the catalogue's order of components (by id when the order is not known). */
    private List<Triage.Branch> branches(List<ComponentBranch> branches) {
        List<String> order = pack.incidents().components().stream().map(c -> c.id()).toList();
        return branches.stream()
                .sorted(Comparator.comparing((ComponentBranch b) -> order.indexOf(b.component())).thenComparing(ComponentBranch::component))
                .map(b -> new Triage.Branch(b.component(), b.title(), b.duty(), Responsibility.valueOf(b.party().name()), b.howToTell(),
                        b.rule(), b.dutyRule()))
                .toList();
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }

    private Triage.Kind kind(List<IncidentKind> kinds, List<NoKind> noKinds) {
        Set<String> ids = kinds.stream().map(IncidentKind::kind).collect(Collectors.toCollection(TreeSet::new));
        String rules = kinds.stream().map(IncidentKind::rule).sorted().distinct().collect(Collectors.joining(" + "));
        if (ids.isEmpty()) {
            if (!noKinds.isEmpty()) { // a rule said why the input is no incident (of a kind srm knows)
                List<NoKind> sorted = noKinds.stream().sorted(Comparator.comparing(NoKind::rule).thenComparing(NoKind::reason)).toList();
                return new Triage.Kind(null, null, sorted.stream().map(NoKind::reason).distinct().collect(Collectors.joining("; "))
                        + "; to triage it anyway, name a kind with --kind (known kinds: " + pack.incidents().kindIds() + ")",
                        sorted.stream().map(NoKind::rule).distinct().collect(Collectors.joining(" + ")));
            }
            return new Triage.Kind(null, null, "no rule read an incident kind from the input; name one with --kind (known kinds: "
                    + pack.incidents().kindIds() + ")", "");
        }
        if (ids.size() > 1) {
            return new Triage.Kind("CONFLICT", null, "rules disagree on the kind: " + kinds.stream()
                    .map(k -> k.rule() + " says " + k.kind()).sorted().distinct().collect(Collectors.joining("; ")), rules);
        }
        String kindId = ids.iterator().next();
        String title = pack.incidents().kind(kindId).map(IncidentCatalog.Kind::title).orElse(null);
        String reason = kinds.stream().map(IncidentKind::reason).sorted().distinct().collect(Collectors.joining("; "));
        return new Triage.Kind(kindId, title, reason, rules);
    }

    private static String layer(List<IncidentLayer> layers) {
        Set<String> ids = layers.stream().map(IncidentLayer::layer).collect(Collectors.toCollection(TreeSet::new));
        return ids.isEmpty() ? null : ids.size() == 1 ? ids.iterator().next() : "CONFLICT";
    }

    private record OwnerAnswer(Responsibility party, String reason, String rule, Triage.Basis basis) {
    }

    /** Where the incident's resource was read from: null for one the input named only by its service. */
    private static dev.srm.model.Origin origin(Scenario scenario, dev.srm.model.IncidentSpec spec) {
        if (spec.syntheticResource()) {
            return null;
        }
        dev.srm.model.ResourceSpec r = scenario.resource(spec.resource());
        return r == null ? null : r.origin().inFile(scenario.file());
    }

    private OwnerAnswer owner(List<IncidentOwner> owners, Triage.Kind kind, String layer, Resource resource) {
        if (owners.isEmpty()) {
            String why;
            if (kind.id() == null) {
                why = "no kind, so no layer and no owner: " + kind.reason();
            } else if (layer == null) {
                why = "no rule placed the incident on a layer";
            } else if (resource == null || !resource.known()) {
                why = "the service of " + spec.resource() + " is not in the catalogue, so no rule decided who owns its " + layer + " layer";
            } else {
                why = "no rule decided who owns the " + layer + " layer of " + spec.resource();
            }
            return new OwnerAnswer(Responsibility.UNKNOWN, why, "", null);
        }
        List<IncidentOwner> sorted = owners.stream().sorted(Comparator.comparing(IncidentOwner::rule)
                .thenComparing(o -> o.basisRule() == null ? "" : o.basisRule())).toList();
        Set<String> parties = sorted.stream().map(o -> o.party().name()).collect(Collectors.toCollection(TreeSet::new));
        String rules = sorted.stream().map(IncidentOwner::rule).distinct().collect(Collectors.joining(" + "));
        if (parties.size() > 1) {
            return new OwnerAnswer(Responsibility.CONFLICT, "rules disagree on the owner: " + sorted.stream()
                    .map(o -> o.rule() + " says " + o.party()).distinct().collect(Collectors.joining("; ")), rules, null);
        }
        IncidentOwner first = sorted.get(0);
        String reason = sorted.stream().map(IncidentOwner::reason).distinct().collect(Collectors.joining(" "));
        Triage.Basis basis = first.basisFact() == null ? null : new Triage.Basis(first.basisRule(), first.basisFact());
        return new OwnerAnswer(Responsibility.valueOf(first.party().name()), reason, rules, basis);
    }

    private static Triage.RouteRef route(List<Route> routes) {
        if (routes.isEmpty()) {
            return new Triage.RouteRef(null, "no routing rule concluded", "");
        }
        List<Route> sorted = routes.stream().sorted(Comparator.comparing(Route::rule)
                .thenComparing(r -> r.team() == null ? "" : r.team())).toList();
        Set<String> teams = sorted.stream().map(r -> r.team() == null ? "" : r.team()).collect(Collectors.toCollection(TreeSet::new));
        Route first = sorted.get(0);
        if (teams.size() > 1) {
            return new Triage.RouteRef(String.join(", ", teams), "several rules name a team: " + sorted.stream()
                    .map(r -> r.rule() + " says " + r.team()).collect(Collectors.joining("; ")),
                    sorted.stream().map(Route::rule).distinct().collect(Collectors.joining(" + ")));
        }
        return new Triage.RouteRef(first.team(), first.reason(), first.rule());
    }

    private static List<Triage.Action> actions(List<FirstAction> actions) {
        Map<String, FirstAction> byText = new LinkedHashMap<>();
        actions.stream().sorted(Comparator.comparingInt(FirstAction::step).thenComparing(FirstAction::text)
                        .thenComparing(FirstAction::rule))
                .forEach(a -> byText.putIfAbsent(a.text(), a));
        List<Triage.Action> out = new ArrayList<>();
        int n = 1;
        for (FirstAction a : byText.values()) {
            out.add(new Triage.Action(n++, a.text(), a.feature(), a.rule()));
        }
        return out;
    }

    private static List<Triage.Avoid> avoid(List<Distraction> distractions) {
        Map<String, Distraction> byText = new LinkedHashMap<>();
        distractions.stream().sorted(Comparator.comparing(Distraction::rule).thenComparing(Distraction::text))
                .forEach(d -> byText.putIfAbsent(d.text(), d));
        return byText.values().stream().map(d -> new Triage.Avoid(d.text(), d.rule())).toList();
    }

    private static List<Triage.EvidenceItem> evidence(List<EvidenceSource> sources, List<SourceStatus> statuses) {
        Map<String, List<SourceStatus>> bySource = statuses.stream().collect(Collectors.groupingBy(SourceStatus::source));
        Map<String, EvidenceSource> firstBySource = new TreeMap<>();
        sources.stream().sorted(Comparator.comparing(EvidenceSource::rule).thenComparing(e -> e.subject() == null ? "" : e.subject()))
                .forEach(e -> firstBySource.putIfAbsent(e.source(), e));
        List<Triage.EvidenceItem> out = new ArrayList<>();
        for (EvidenceSource e : firstBySource.values()) {
            List<SourceStatus> ss = bySource.getOrDefault(e.source(), List.of()).stream()
                    .sorted(Comparator.comparing(SourceStatus::rule).thenComparing(SourceStatus::detail)).toList();
            Set<SourceState> states = ss.stream().map(SourceStatus::state).collect(Collectors.toCollection(TreeSet::new));
            String status;
            String detail;
            if (states.isEmpty()) {
                status = SourceState.UNKNOWN.name();
                detail = "the scenario does not show whether it was recording";
            } else if (states.size() == 1) {
                status = states.iterator().next().name();
                detail = ss.stream().map(SourceStatus::detail).distinct().collect(Collectors.joining("; "));
            } else {
                status = "CONFLICT";
                detail = "rules disagree: " + ss.stream().map(s -> s.rule() + " says " + s.state()).distinct()
                        .collect(Collectors.joining("; "));
            }
            String warning = SourceState.OFF.name().equals(status)
                    ? e.source() + " was off (" + detail + "): expect no record of the incident there" : null;
            out.add(new Triage.EvidenceItem(e.source(), status, detail, e.subject(), e.control(), e.why(), e.rule(), warning));
        }
        return out;
    }

    private List<Triage.Prevention> preventions(List<PreventiveControl> preventions, Map<String, Set<String>> controlStates) {
        Map<String, PreventiveControl> unique = new LinkedHashMap<>();
        preventions.stream().sorted(Comparator.comparing(PreventiveControl::rule))
                .forEach(p -> unique.putIfAbsent(key(p.subject(), p.control()), p));
        Function<PreventiveControl, String> status = p -> {
            Set<String> states = controlStates.getOrDefault(key(p.subject(), p.control()), Set.of());
            return states.isEmpty() ? "UNKNOWN" : states.size() == 1 ? states.iterator().next() : "CONFLICT";
        };
        List<Triage.Prevention> out = new ArrayList<>();
        for (PreventiveControl p : unique.values()) {
            ControlDef def = pack.controls().get(p.control());
            RuleInfo info = pack.rule(p.control());
            out.add(new Triage.Prevention(p.control(), def == null ? p.control() : def.title(), p.subject(), status.apply(p),
                    def == null ? null : def.layer(), info == null ? List.of() : info.securityHub(), p.why(), p.rule()));
        }
        out.sort(Comparator.comparing((Triage.Prevention p) -> order(p.status())).thenComparing(Triage.Prevention::control)
                .thenComparing(Triage.Prevention::subject));
        return out;
    }

    private static int order(String status) {
        int i = STATUS_ORDER.indexOf(status);
        return i < 0 ? STATUS_ORDER.size() : i;
    }
}
