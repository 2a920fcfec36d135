package dev.srm.engine;

import dev.srm.facts.Classification;
import dev.srm.facts.ControlApplies;
import dev.srm.facts.ControlDef;
import dev.srm.facts.ControlState;
import dev.srm.facts.ControlStatus;
import dev.srm.facts.CustomerShare;
import dev.srm.facts.DutyBaseline;
import dev.srm.facts.DutyDecision;
import dev.srm.facts.Party;
import dev.srm.facts.Evidence;
import dev.srm.facts.Finding;
import dev.srm.facts.LayerDecidedHere;
import dev.srm.facts.LayerDecision;
import dev.srm.facts.Notice;
import dev.srm.facts.Outcome;
import dev.srm.facts.Resource;
import dev.srm.model.ControlResult;
import dev.srm.model.Status;
import dev.srm.model.DutyResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.IntegrationResult;
import dev.srm.model.LayerResult;
import dev.srm.model.Layers;
import dev.srm.model.Origin;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.model.Scenario;
import dev.srm.model.RuleInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the facts a session ends with into an {@link Evaluation}: groups and sorts them, and
 * marks a CONFLICT where two rules concluded differently. It adds no conclusion of its own.
 */
final class ResultAssembler {
    private final RulePack pack;
    private final Scenario scenario;
    private final List<String> warnings;
    private final Tracer tracer;

    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, List<Classification>> classifications = new HashMap<>();
    private final Map<String, List<CustomerShare>> shares = new HashMap<>();
    private final Map<String, List<LayerDecision>> decisions = new HashMap<>();
    private final Map<String, List<DutyDecision>> duties = new HashMap<>();
    private final Map<String, Set<String>> layersOf = new HashMap<>();
    private final Map<String, List<ControlApplies>> applies = new TreeMap<>();
    private final Map<String, List<ControlStatus>> statuses = new HashMap<>();
    private final Map<String, List<Evidence>> evidence = new HashMap<>();
    private final Map<String, List<Notice>> notices = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<DutyBaseline> baselines = new ArrayList<>();
    private final Set<String> decidedHere = new java.util.HashSet<>(); // resource and layer the session decided (LayerDecidedHere)

    ResultAssembler(RulePack pack, Scenario scenario, List<String> warnings, Tracer tracer) {
        this.pack = pack;
        this.scenario = scenario;
        this.warnings = warnings;
        this.tracer = tracer;
    }

    private static String key(String a, String b) {
        return a + "\u0000" + b;
    }

    private static <T> void add(Map<String, List<T>> map, String key, T value) {
        map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /**
     * The kinds of fact an evaluation is assembled from (every other fact of a session is a
     * step towards them): the facts {@link Evaluator} keeps from the parts of a large scenario.
     * {@link #assemble} reads no other kind, so a kind added there without being added here is
     * never read, in any test.
     */
    private static final Set<Class<?>> READS = Set.of(Resource.class, Classification.class, CustomerShare.class,
            LayerDecision.class, DutyDecision.class, LayerDecidedHere.class, DutyBaseline.class, ControlApplies.class,
            ControlStatus.class, Evidence.class, Notice.class, Finding.class);

    /** The fact is one that {@link #assemble} reads. */
    static boolean reads(Object fact) {
        return READS.contains(fact.getClass());
    }

    Evaluation assemble(Collection<?> objects) {
        for (Object o : objects) {
            if (!reads(o)) {
                continue;
            }
            if (o instanceof Resource r) {
                resources.add(r);
            } else if (o instanceof Classification c) {
                add(classifications, c.resource(), c);
            } else if (o instanceof CustomerShare s) {
                add(shares, s.resource(), s);
            } else if (o instanceof LayerDecision d) {
                add(decisions, key(d.resource(), d.layer()), d);
                layersOf.computeIfAbsent(d.resource(), k -> new TreeSet<>()).add(d.layer());
            } else if (o instanceof DutyDecision d) {
                add(duties, key(d.resource(), d.layer()), d);
            } else if (o instanceof LayerDecidedHere h) {
                decidedHere.add(key(h.resource(), h.layer()));
            } else if (o instanceof DutyBaseline b) {
                baselines.add(b);
            } else if (o instanceof ControlApplies a) {
                add(applies, a.resource(), a);
            } else if (o instanceof ControlStatus s) {
                add(statuses, key(s.resource(), s.control()), s);
            } else if (o instanceof Evidence e) {
                add(evidence, key(e.resource(), e.control()), e);
            } else if (o instanceof Notice n) {
                add(notices, n.resource(), n);
            } else if (o instanceof Finding f) {
                findings.add(f);
            }
        }
        for (DutyBaseline b : baselines) {
            takeBaseline(b);
        }
        Map<String, Resource> byId = resources.stream().collect(Collectors.toMap(Resource::id, Function.identity()));
        List<ResourceResult> resourceResults = new ArrayList<>();
        for (var spec : scenario.resources()) {
            resourceResults.add(resource(byId.get(spec.id()), spec.line(), spec.origin().inFile(scenario.file())));
        }
        List<ControlResult> account = controls(Resource.ACCOUNT);
        List<FindingResult> findingResults = findings.stream()
                .map(this::finding)
                .distinct()
                .sorted(Comparator.comparing(FindingResult::severity).thenComparing(FindingResult::resource)
                        .thenComparing(FindingResult::rule).thenComparing(FindingResult::owner))
                .toList();
        return new Evaluation(new Evaluation.ScenarioRef(scenario.id(), scenario.title(), scenario.file()),
                resourceResults, account, findingResults, integrations(), warnings);
    }

    /**
     * The duty rows' decisions on the duties of a resource's layers that the session did not
     * decide itself (rules/core/resolution.drl says which: LayerDecidedHere; the layer
     * decisions are in the session either way).
     */
    private void takeBaseline(DutyBaseline b) {
        for (String layer : b.matrix().decidedLayers()) {
            String key = key(b.resource(), layer);
            if (!decidedHere.contains(key)) {
                duties.computeIfAbsent(key, k -> new ArrayList<>()).addAll(b.decisionsIn(layer)); // all of this resource and layer
            }
        }
    }

    private ResourceResult resource(Resource r, int line, Origin origin) {
        List<Classification> cs = classifications.getOrDefault(r.id(), List.of());
        String model = null;
        String variant = null;
        String rule = null;
        String reason = null;
        String service = r.service();
        if (cs.size() == 1) {
            Classification c = cs.get(0);
            service = c.service(); // configuration may decide the service (an aurora engine on an RDS type)
            model = c.model().name();
            variant = c.variant();
            rule = c.rule();
            reason = c.reason();
        } else if (cs.size() > 1) {
            model = "CONFLICT";
            rule = cs.stream().map(Classification::rule).sorted().collect(Collectors.joining(" + "));
            reason = "rules disagree on what this resource is: " + cs.stream()
                    .map(c -> c.rule() + " says " + c.variant() + "/" + c.model()).sorted().collect(Collectors.joining("; "));
        } else if (r.known()) {
            reason = "no classification rule matched this " + r.service() + " resource";
        } else {
            reason = "the service is not in the catalogue";
        }
        List<CustomerShare> ss = shares.getOrDefault(r.id(), List.of());
        String share = ss.stream().map(s -> s.level().name()).distinct().count() == 1 ? ss.get(0).level().name()
                : ss.isEmpty() ? null : "CONFLICT";

        List<String> layerIds = new ArrayList<>(Layers.ALL);
        layersOf.getOrDefault(r.id(), Set.of()).stream().filter(l -> !Layers.isKnown(l)).forEach(layerIds::add);
        List<LayerResult> layers = new ArrayList<>();
        for (String layer : layerIds) {
            layers.add(layer(r.id(), layer));
        }
        List<String> notes = notices.getOrDefault(r.id(), List.of()).stream()
                .map(n -> n.message() + " [" + n.rule() + "]").sorted().toList();
        return new ResourceResult(r.id(), service, r.type(), variant, model, share, rule, reason, layers,
                controls(r.id()), notes, line, origin);
    }

    private LayerResult layer(String resource, String layer) {
        List<LayerDecision> ds = decisions.getOrDefault(key(resource, layer), List.of());
        List<DutyResult> dutyResults = duties(resource, layer);
        List<DutyResult> conflicting = dutyResults.stream().filter(d -> d.party() == Responsibility.CONFLICT).toList();
        if (!ds.isEmpty() && !conflicting.isEmpty()) {
            return new LayerResult(layer, Responsibility.CONFLICT, conflicting.stream().map(DutyResult::rule).collect(Collectors.joining(" + ")),
                    "rules disagree on a duty of this layer: " + conflicting.stream().map(d -> d.duty() + " (" + d.reason() + ")")
                            .collect(Collectors.joining("; ")), dutyResults, explain(ds));
        }
        Agreement<Party> a = Agreement.of(ds, LayerDecision::party, LayerDecision::rule, LayerDecision::reason);
        if (a.none()) {
            return new LayerResult(layer, Responsibility.UNKNOWN, "", "no rule decided this layer", dutyResults, List.of());
        }
        if (a.conflict()) {
            return new LayerResult(layer, Responsibility.CONFLICT, a.rule(), a.disagreement(), dutyResults, explain(ds));
        }
        return new LayerResult(layer, Responsibility.valueOf(a.value().name()), a.rule(), a.reason(), dutyResults, explain(ds));
    }

    /** The layer's duties in catalogue order; a duty two rules decided differently is a CONFLICT naming both. */
    private List<DutyResult> duties(String resource, String layer) {
        List<DutyDecision> ds = duties.getOrDefault(key(resource, layer), List.of());
        if (ds.isEmpty()) {
            return List.of();
        }
        Map<String, List<DutyDecision>> byDuty = new TreeMap<>();
        for (DutyDecision d : ds) {
            add(byDuty, d.duty(), d);
        }
        List<DutyResult> out = new ArrayList<>();
        for (var def : pack.duties().duties().values()) {
            List<DutyDecision> one = byDuty.get(def.id());
            if (one == null) {
                continue;
            }
            Agreement<Party> a = Agreement.of(one, DutyDecision::party, DutyDecision::rule, DutyDecision::reason);
            RuleInfo info = pack.rule(a.rules().get(0));
            out.add(a.conflict()
                    ? new DutyResult(def.id(), def.title(), Responsibility.CONFLICT, a.rule(), a.disagreement(), null, explain(one))
                    : new DutyResult(def.id(), def.title(), Responsibility.valueOf(a.value().name()), a.rule(), a.reason(),
                    ownSource(one, a.rules().get(0), info), explain(one)));
        }
        return out;
    }

    /** The AWS page of a duty decision: its claim's own (a lifecycle entry's), else its rule's {@code @source}. */
    private static String ownSource(List<DutyDecision> decisions, String rule, RuleInfo info) {
        for (DutyDecision d : decisions) {
            if (d.source() != null && d.rule().equals(rule)) {
                return d.source();
            }
        }
        return info == null ? null : info.source();
    }

    private List<String> explain(List<?> facts) {
        if (tracer == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        // in the facts' own order (records: every field), not the order the session gave them
        for (Object f : facts.stream().sorted(Comparator.comparing(String::valueOf)).toList()) {
            lines.addAll(tracer.explain(f));
        }
        return lines;
    }

    private List<ControlResult> controls(String resource) {
        Map<String, List<ControlApplies>> byControl = new TreeMap<>();
        for (ControlApplies a : applies.getOrDefault(resource, List.of())) {
            add(byControl, a.control(), a);
        }
        List<ControlResult> out = new ArrayList<>();
        for (var e : byControl.entrySet()) {
            String id = e.getKey();
            ControlDef def = pack.controls().get(id);
            RulePack.References refs = pack.references(id);
            List<ControlStatus> ss = statuses.getOrDefault(key(resource, id), List.of());
            Agreement<ControlState> a = Agreement.of(ss, ControlStatus::state, ControlStatus::rule, ControlStatus::reason);
            Status status = a.conflict() ? Status.CONFLICT : a.none() ? Status.UNKNOWN : Status.valueOf(a.value().name());
            String reason = a.conflict() ? a.disagreement() : a.none() ? "no status rule concluded" : a.reasons().get(0);
            String rule = a.rule();
            List<String> ev = evidence.getOrDefault(key(resource, id), List.of()).stream()
                    .map(x -> x.outcome() + ": " + x.detail() + (x.path() != null && x.outcome() == Outcome.MET ? " (" + x.path() + ")" : ""))
                    .sorted().distinct().toList();
            if (ev.isEmpty() && (status == Status.MISSING || status == Status.UNKNOWN) && rule != null && rule.startsWith("control-unevidenced")) {
                ev = absentMeans(id);
            }
            List<Object> traced = new ArrayList<>(ss);
            out.add(new ControlResult(id, def == null ? id : def.title(), def == null ? "" : def.layer(), status,
                    def == null ? null : def.severity().name(), def == null ? null : Responsibility.valueOf(def.owner().name()),
                    def == null ? List.of() : def.integrations(), ev,
                    reason, rule, refs.source(), refs.securityHub(), refs.configRules(), refs.frameworks(), explain(traced)));
        }
        return out;
    }

    /**
     * What a control decided for want of any evidence rests on: the meaning its author declared for
     * an absent setting ({@code @absentMeans}), so that such an answer is explained in the
     * control's words, not left bare ("the inventory is complete and the configuration does not
     * show it" with no evidence at all). Empty for a control that declares none.
     */
    private List<String> absentMeans(String control) {
        RuleInfo info = pack.rule(control);
        String means = info == null ? null : info.meta("absentMeans");
        return means == null || means.isBlank() ? List.of() : List.of(Outcome.ABSENT + ": " + means + " (what the control says an absent setting means)");
    }

    private FindingResult finding(Finding f) {
        RuleInfo info = pack.rule(f.rule());
        ControlDef def = f.control() == null ? null : pack.controls().get(f.control());
        List<String> integrations = def != null ? def.integrations() : info == null ? List.of() : info.integrations();
        return new FindingResult(f.rule() + ":" + f.resource(), f.rule(), f.severity(), f.resource(), f.layer(), party(f.owner()),
                party(f.layerParty()), f.title(), f.remediation(), integrations, info == null ? null : info.source(),
                info == null ? List.of() : info.securityHub(), explain(List.of(f)));
    }

    /** A party named by a rule (AWS, CUSTOMER, SHARED), UNKNOWN for any other word, or null. */
    private static Responsibility party(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Responsibility.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Responsibility.UNKNOWN;
        }
    }

    private List<IntegrationResult> integrations() {
        Map<String, Set<String>> controlsBy = new TreeMap<>();
        Map<String, Set<String>> resourcesBy = new TreeMap<>();
        for (var e : applies.entrySet()) {
            for (ControlApplies a : e.getValue()) {
                ControlDef def = pack.controls().get(a.control());
                if (def == null) {
                    continue;
                }
                for (String name : def.integrations()) {
                    controlsBy.computeIfAbsent(name, k -> new TreeSet<>()).add(a.control());
                    resourcesBy.computeIfAbsent(name, k -> new TreeSet<>()).add(a.resource());
                }
            }
        }
        Map<String, IntegrationResult> out = new LinkedHashMap<>();
        for (String name : controlsBy.keySet()) {
            String why = pack.catalog().integration(name).map(i -> i.why()).orElse("");
            out.put(name, new IntegrationResult(name, why, List.copyOf(controlsBy.get(name)), List.copyOf(resourcesBy.get(name))));
        }
        return List.copyOf(out.values());
    }
}
