package dev.srm.engine;

import dev.srm.facts.Resource;
import dev.srm.model.ControlResult;
import dev.srm.model.DutyResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import dev.srm.model.UndecidedResources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One answer from the worlds of a scenario with resources whose existence the input does not
 * decide: the world in which they all exist (the evaluation as it is: every finding), the world in
 * which none of them does, and, where they exist under several conditions, the world of each
 * condition (only its resources among the undecided exist). A control is compared with every
 * world its resource exists in: one of a resource that always exists (or of the account) with all
 * of them, one of an undecided resource with its condition's world (a bucket under one condition
 * whose TLS policy is under another). A control a world answers differently is UNKNOWN under
 * {@value #RULE}, its reason giving both answers and the resources it hangs on; its findings go
 * with it. A layer or duty whose owner differs without them is kept and said in a notice. What
 * every world answers alike stands.
 */
final class UndecidedWorlds {
    /** The rule whose name an answer the worlds disagree on carries (rules/core/resolution.drl). */
    static final String RULE = "resource-condition-undecided";
    /** How many of the undecided resources a reason names when the evidence names none of them. */
    private static final int NAMED = 3;

    private UndecidedWorlds() {
    }

    /** Another world: the condition whose resources alone exist among the undecided (null: none of them), and its evaluation. */
    record World(String condition, Evaluation evaluation) {
    }

    static Evaluation merge(Evaluation with, List<World> worlds, dev.srm.model.Scenario scenario) {
        UndecidedResources undecided = scenario.undecided();
        Map<String, dev.srm.model.ResourceSpec> specs = new java.util.HashMap<>();
        scenario.resources().forEach(r -> specs.putIfAbsent(r.id(), r));
        List<Map<String, ResourceResult>> others = new ArrayList<>();
        for (World w : worlds) {
            Map<String, ResourceResult> m = new java.util.HashMap<>();
            w.evaluation().resources().forEach(r -> m.putIfAbsent(r.id(), r));
            others.add(m);
        }
        Set<String> changed = new HashSet<>();
        List<ResourceResult> resources = new ArrayList<>();
        for (ResourceResult r : with.resources()) {
            String condition = undecided.conditions().get(r.id());
            boolean isUndecided = undecided.reasons().containsKey(r.id());
            List<Compared> compared = new ArrayList<>();
            for (int i = 0; i < worlds.size(); i++) {
                ResourceResult b = others.get(i).get(r.id());
                java.util.function.Predicate<String> absent = absent(undecided, worlds.get(i).condition());
                // a resource that always exists is compared with every world; an undecided one with its condition's; neither
                // with a world that lacks a resource it names outside Fn::If (CloudFormation would not deploy it there)
                if (b != null && (!isUndecided || condition != null && condition.equals(worlds.get(i).condition()))
                        && !namesAbsent(specs.get(r.id()), undecided, absent)) {
                    compared.add(new Compared(worlds.get(i), b.controls(), absent));
                }
            }
            if (compared.isEmpty()) {
                resources.add(r);
                continue;
            }
            // the resources it hangs on, found once, when a control needs them
            java.util.concurrent.atomic.AtomicReference<List<String>> memo = new java.util.concurrent.atomic.AtomicReference<>();
            List<ControlResult> controls = controls(r.id(), r.controls(), compared, undecided,
                    () -> memo.updateAndGet(m -> m != null ? m : related(specs, undecided, r.id())), changed);
            List<String> notices = new ArrayList<>(r.notices());
            ResourceResult none = worlds.get(0).condition() == null ? others.get(0).get(r.id()) : null;
            if (none != null && !isUndecided) {
                notices.addAll(owners(r, none, undecided));
            }
            resources.add(new ResourceResult(r.id(), r.service(), r.type(), r.variant(), r.serviceModel(), r.customerShare(), r.rule(),
                    r.reason(), r.layers(), controls, notices.stream().sorted().toList(), r.line(), r.origin()));
        }
        List<Compared> accountWorlds = worlds.stream()
                .map(w -> new Compared(w, w.evaluation().accountControls(), absent(undecided, w.condition()))).toList();
        List<ControlResult> account = controls(Resource.ACCOUNT, with.accountControls(), accountWorlds, undecided, List::of, changed);
        List<FindingResult> findings = with.findings().stream()
                .filter(f -> !changed.contains(key(f.resource(), f.rule())))
                .toList();
        return new Evaluation(with.scenario(), resources, account, findings, with.integrations(), with.warnings());
    }

    /** A world a resource's controls are compared with, and which undecided resources do not exist in it. */
    private record Compared(World world, List<ControlResult> controls, java.util.function.Predicate<String> absent) {
    }

    /** Whether the resource names, by a reference the input resolved, an undecided resource the world lacks. */
    private static boolean namesAbsent(dev.srm.model.ResourceSpec spec, UndecidedResources undecided,
                                       java.util.function.Predicate<String> absent) {
        return spec != null && spec.settings().stream().anyMatch(x -> x.value() != null && !x.value().equals(spec.id())
                && undecided.reasons().containsKey(x.value()) && absent.test(x.value()));
    }

    /** The undecided resources absent from the world of {@code condition} (null: all of them). */
    private static java.util.function.Predicate<String> absent(UndecidedResources undecided, String condition) {
        return id -> condition == null || !condition.equals(undecided.conditions().get(id));
    }

    private static String key(String resource, String control) {
        return resource + "\u0000" + control;
    }

    /** The controls of one resource: each as the world with every resource answers it, unless another world differs. */
    private static List<ControlResult> controls(String resource, List<ControlResult> with, List<Compared> worlds,
                                                UndecidedResources undecided, java.util.function.Supplier<List<String>> related,
                                                Set<String> changed) {
        List<Map<String, ControlResult>> others = new ArrayList<>();
        for (Compared w : worlds) {
            Map<String, ControlResult> m = new LinkedHashMap<>();
            w.controls().forEach(c -> m.put(c.id(), c));
            others.add(m);
        }
        Set<String> inWith = new HashSet<>();
        List<ControlResult> out = new ArrayList<>();
        for (ControlResult a : with) {
            inWith.add(a.id());
            ControlResult merged = a;
            // undecided with every resource: it stays so, under its own rule and reason
            for (int i = 0; i < worlds.size() && a.status() != Status.UNKNOWN; i++) {
                ControlResult b = others.get(i).get(a.id());
                if (b == null || b.status() != a.status()) {
                    changed.add(key(resource, a.id()));
                    merged = undecided(a, a, b, undecided, related.get(), worlds.get(i).absent());
                    break;
                }
            }
            out.add(merged);
        }
        Set<String> added = new HashSet<>();
        for (int i = 0; i < worlds.size(); i++) {
            for (ControlResult b : others.get(i).values()) { // a control that applies only in a world without some of them
                if (inWith.contains(b.id()) || !added.add(b.id()) || b.status() == Status.UNKNOWN || b.status() == Status.NOT_APPLICABLE) {
                    continue; // undecided or not applicable there too: nothing the world with them would contradict
                }
                changed.add(key(resource, b.id()));
                out.add(undecided(b, null, b, undecided, related.get(), worlds.get(i).absent()));
            }
        }
        return out.stream().sorted(java.util.Comparator.comparing(ControlResult::id)).toList();
    }

    private static ControlResult undecided(ControlResult def, ControlResult with, ControlResult without, UndecidedResources undecided,
                                           List<String> related, java.util.function.Predicate<String> absent) {
        List<String> evidence = new ArrayList<>();
        List<String> names = named(with, without, undecided, related.stream().filter(absent).toList(), absent);
        String them = String.join(", ", names);
        String exist = names.size() == 1 ? "exists" : "exist";
        if (with != null) {
            with.evidence().forEach(e -> evidence.add(e + " [if " + them + " " + exist + "]"));
        }
        if (without != null) {
            without.evidence().forEach(e -> evidence.add(e + " [if not]"));
        }
        String reason = answer(with) + " if " + them + " " + exist + ", " + answer(without) + " if not: "
                + names.stream().filter(undecided.reasons()::containsKey)
                .map(n -> n + " " + undecided.reasons().get(n)).collect(Collectors.joining("; "));
        List<String> explanation = new ArrayList<>();
        if (!(with == null ? def.explanation() : with.explanation()).isEmpty() || without != null && !without.explanation().isEmpty()) {
            explanation.add("← rule " + RULE + ": " + reason);
            if (with != null) {
                with.explanation().forEach(l -> explanation.add("  [if " + them + " " + exist + "] " + l));
            }
            if (without != null) {
                without.explanation().forEach(l -> explanation.add("  [if not] " + l));
            }
        }
        return new ControlResult(def.id(), def.title(), def.layer(), Status.UNKNOWN, def.severity(), def.owner(), def.integrations(),
                evidence, reason, RULE, def.source(), def.securityHub(), def.configRules(), def.frameworks(), explanation);
    }

    private static String answer(ControlResult c) {
        return c == null ? "does not apply" : c.status().name() + " (" + c.rule() + ")";
    }

    /**
     * The undecided resources an answer names in its evidence or reason (a bucket policy's id);
     * else those that name the resource or that its notes name (a standalone ingress rule); else
     * the first few of them, in input order.
     */
    private static List<String> named(ControlResult with, ControlResult without, UndecidedResources undecided, List<String> related,
                                      java.util.function.Predicate<String> absent) {
        String text = String.join("\n", text(with), text(without));
        List<String> out = undecided.reasons().keySet().stream().filter(absent).filter(id -> mentions(text, id)).toList();
        if (!out.isEmpty()) {
            return out;
        }
        if (!related.isEmpty()) {
            return related;
        }
        List<String> all = new ArrayList<>(undecided.reasons().keySet().stream().filter(absent).toList());
        if (all.size() <= NAMED) {
            return all;
        }
        List<String> first = new ArrayList<>(all.subList(0, NAMED));
        first.add("and " + (all.size() - NAMED) + " more resources that exist only under undecided conditions");
        return first;
    }

    /** Whether the text names the id as a word of its own (not inside a longer id or an ARN). */
    static boolean mentions(String text, String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
            char before = at == 0 ? ' ' : text.charAt(at - 1);
            int end = at + id.length();
            char after = end >= text.length() ? ' ' : text.charAt(end);
            if (!(Character.isLetterOrDigit(before) || before == '_' || before == ':' || before == '.' || before == '-')
                    && !(Character.isLetterOrDigit(after) || after == '_' || after == '-')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The undecided resources that name the resource in a setting (a bucket policy's Bucket, a
     * backup selection's resources) or that the resource's notes name (a standalone rule merged
     * into a security group), in input order.
     */
    private static List<String> related(Map<String, dev.srm.model.ResourceSpec> specs, UndecidedResources undecided, String resource) {
        dev.srm.model.ResourceSpec spec = specs.get(resource);
        String notes = spec == null ? "" : String.join("\n", spec.notes());
        List<String> out = new ArrayList<>();
        for (String id : undecided.reasons().keySet()) {
            dev.srm.model.ResourceSpec u = specs.get(id);
            if (mentions(notes, id) || u != null && u.settings().stream()
                    .anyMatch(s -> s.value() != null && (s.value().equals(resource) || mentions(s.value(), resource)))) {
                out.add(id);
            }
        }
        return out;
    }

    private static String text(ControlResult c) {
        return c == null ? "" : String.join("\n", c.evidence()) + "\n" + c.reason();
    }

    /** Notices for the layers and duties whose owner the two worlds answer differently. */
    private static List<String> owners(ResourceResult with, ResourceResult without, UndecidedResources undecided) {
        List<String> out = new ArrayList<>();
        String all = String.join(", ", undecided.reasons().keySet());
        for (LayerResult a : with.layers()) {
            LayerResult b = without.layer(a.layer());
            if (b == null) {
                continue;
            }
            if (a.party() != b.party()) {
                out.add("who runs layer " + a.layer() + " depends on resources that exist only under conditions srm cannot decide ("
                        + all + "): " + a.party() + " if they exist, " + b.party() + " if not [" + RULE + "]");
            }
            for (DutyResult d : a.duties()) {
                DutyResult e = b.duties().stream().filter(x -> x.duty().equals(d.duty())).findFirst().orElse(null);
                if (e != null && e.party() != d.party()) {
                    out.add("who holds duty " + d.duty() + " depends on resources that exist only under conditions srm cannot decide ("
                            + all + "): " + d.party() + " if they exist, " + e.party() + " if not [" + RULE + "]");
                }
            }
        }
        return out;
    }
}
