package dev.srm.policy;

import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.FindingStatus;
import dev.srm.model.Novelty;
import dev.srm.model.PolicySummary;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Responsibility;
import dev.srm.model.Scenario;
import dev.srm.model.WaiverNote;
import dev.srm.model.WaiverState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The step after the evaluation: gives every finding its fingerprint, applies the waivers in
 * force on {@code asOf} (the first in force that covers a finding waives it; an expired one is
 * still shown on it, and it counts again), and marks findings NEW or UNCHANGED against a
 * baseline. Only findings the customer must act on are waived: a waiver never hides what AWS or
 * both parties must do. Layers, duties and controls are never touched. Thread-safe: a run applies
 * it on many threads, then asks for the {@link #summary}.
 */
public final class FindingPolicy {
    private final List<Waiver> waivers;
    private final LocalDate asOf;
    private final int warnDays;
    private final Baseline baseline;
    private final AtomicIntegerArray uses;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /** Fingerprints of the controls this run could not decide (UNKNOWN): a baseline finding among them is not FIXED. */
    private final Set<String> undecidedControls = ConcurrentHashMap.newKeySet();
    private final Set<String> evaluatedScenarios = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, Waiver> ownWaivers = new ConcurrentHashMap<>();
    private final Map<String, Integer> ownUses = new ConcurrentHashMap<>();

    /**
     * @param waivers  the waivers, in the order they apply
     * @param asOf     the day waivers are judged on
     * @param warnDays a waiver ending within this many days is EXPIRING (a warning)
     * @param baseline an earlier report, or null
     */
    public FindingPolicy(List<Waiver> waivers, LocalDate asOf, int warnDays, Baseline baseline) {
        this.waivers = List.copyOf(waivers);
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        if (warnDays < 0) {
            throw new IllegalArgumentException("warnDays must not be negative, not " + warnDays);
        }
        this.warnDays = warnDays;
        this.baseline = baseline;
        this.uses = new AtomicIntegerArray(this.waivers.size());
    }

    /** No waivers, no baseline: fingerprints only. */
    public static FindingPolicy none(LocalDate asOf) {
        return new FindingPolicy(List.of(), asOf, 0, null);
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The evaluation of {@code scenario} with its findings fingerprinted, waived and marked. */
    public Evaluation apply(Scenario scenario, Evaluation evaluation) {
        evaluatedScenarios.add(evaluation.scenario().id());
        if (baseline != null) {
            for (dev.srm.model.ResourceResult r : evaluation.resources()) {
                noteUndecided(evaluation.scenario().id(), r.id(), r.controls());
            }
            noteUndecided(evaluation.scenario().id(), dev.srm.facts.Resource.ACCOUNT, evaluation.accountControls());
        }
        if (scenario != null) { // every waiver written on a resource is reported, used or not
            for (ResourceSpec spec : scenario.resources()) {
                for (dev.srm.model.ResourceWaiver rw : spec.waivers()) {
                    ownWaivers.putIfAbsent(rw.origin() + "\u0000" + rw.control(), new Waiver(Glob.of(rw.control()),
                            new Glob(scenario.id()), new Glob(spec.id()), Map.of(), rw.reason(), rw.owner(), rw.expires(), rw.ticket(),
                            rw.origin()));
                }
            }
        }
        // looked up by id once per scenario: a large account has tens of thousands of findings on as many resources
        Map<String, ResourceSpec> specs = new HashMap<>();
        if (scenario != null) {
            for (ResourceSpec spec : scenario.resources()) {
                specs.putIfAbsent(spec.id(), spec);
            }
        }
        List<FindingResult> out = new ArrayList<>();
        for (FindingResult f : evaluation.findings()) {
            out.add(apply(specs.get(f.resource()), evaluation.scenario().id(), f));
        }
        return evaluation.withFindings(out);
    }

    private void noteUndecided(String scenarioId, String resource, List<dev.srm.model.ControlResult> controls) {
        for (dev.srm.model.ControlResult c : controls) {
            if (c.status() == dev.srm.model.Status.UNKNOWN) {
                undecidedControls.add(Fingerprint.of(scenarioId, resource, c.id()));
            }
        }
    }

    private FindingResult apply(ResourceSpec spec, String scenarioId, FindingResult f) {
        String fingerprint = Fingerprint.of(scenarioId, f.resource(), f.rule());
        Map<String, String> tags = spec == null ? Map.of() : spec.tags();
        // the resource's own waivers first, then the file's
        List<Waiver> candidates = new ArrayList<>();
        if (spec != null) {
            for (dev.srm.model.ResourceWaiver rw : spec.waivers()) {
                Waiver w = new Waiver(Glob.of(rw.control()), new Glob(scenarioId), new Glob(spec.id()), Map.of(), rw.reason(), rw.owner(),
                        rw.expires(), rw.ticket(), rw.origin());
                candidates.add(w);
            }
        }
        candidates.addAll(waivers);
        int chosen = -1;
        for (int i = 0; i < candidates.size(); i++) {
            Waiver w = candidates.get(i);
            if (!w.covers(scenarioId, f.resource(), f.rule(), tags)) {
                continue;
            }
            if (f.owner() != Responsibility.CUSTOMER) {
                refused.add(w.origin() + ": matches " + f.rule() + " on " + f.resource() + " in " + scenarioId + ", which "
                        + (f.owner() == null ? "no party" : f.owner().name()) + " must act on; a waiver covers only what the"
                        + " customer alone must do, so the finding stays open");
                continue;
            }
            int own = candidates.size() - waivers.size();
            if (i >= own) {
                uses.incrementAndGet(i - own);
            } else {
                ownUses.merge(w.origin() + "\u0000" + w.control().text(), 1, Integer::sum);
            }
            if (chosen < 0 || !candidates.get(chosen).stateOn(asOf, warnDays).inForce() && w.stateOn(asOf, warnDays).inForce()) {
                chosen = i;
            }
        }
        FindingResult result;
        if (chosen < 0) {
            result = f.withPolicy(fingerprint, FindingStatus.OPEN, null);
        } else {
            WaiverNote note = candidates.get(chosen).note(asOf, warnDays);
            result = f.withPolicy(fingerprint, note.state().inForce() ? FindingStatus.WAIVED : FindingStatus.OPEN, note);
        }
        if (baseline != null) {
            seen.add(fingerprint);
            result = result.withNovelty(!baseline.has(fingerprint) ? Novelty.NEW
                    : baseline.waived(fingerprint) && result.counts() ? Novelty.REOPENED : Novelty.UNCHANGED);
        }
        return result;
    }

    /**
     * What the run did with waivers and the baseline. {@code failedFiles} are inputs that could not be
     * read this time: their baseline findings are not called FIXED (nothing is known about them).
     */
    public PolicySummary summary(Set<String> failedFiles) {
        List<PolicySummary.WaiverUse> used = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Waiver> all = new ArrayList<>(new java.util.TreeMap<>(ownWaivers).values()); // written on resources, by place
        all.addAll(waivers);
        int own = all.size() - waivers.size();
        for (int i = 0; i < all.size(); i++) {
            Waiver w = all.get(i);
            WaiverNote note = w.note(asOf, warnDays);
            int n = i < own ? ownUses.getOrDefault(w.origin() + "\u0000" + w.control().text(), 0) : uses.get(i - own);
            used.add(new PolicySummary.WaiverUse(w.control().text(), w.scenario().text(), w.resource().text(), note, n));
            String what = w.origin() + ": waiver of " + w.control() + " (owner " + w.owner() + ")";
            if (note.state() == WaiverState.EXPIRED) {
                warnings.add(what + " expired on " + w.expires() + "; its findings count again: renew it with a new date or fix them");
            } else if (note.state() == WaiverState.EXPIRING) {
                warnings.add(what + " expires on " + w.expires() + ", within " + warnDays + " days of " + asOf);
            }
            if (n == 0) {
                warnings.add(what + " is unused: it matches no finding of this run");
            }
        }
        refused.stream().sorted().forEach(warnings::add);
        List<PolicySummary.BaselineFinding> fixed = new ArrayList<>();
        List<PolicySummary.BaselineFinding> undecided = new ArrayList<>();
        if (baseline != null) {
            for (PolicySummary.BaselineFinding f : baseline.findings()) {
                // a scenario not evaluated this time is gone only if every input was read: with an input that failed, its
                // findings may be that input's (the same file, or the same scenario moved to another path or directory)
                boolean unknown = !evaluatedScenarios.contains(f.scenario())
                        && (!failedFiles.isEmpty() || failedFiles.contains(baseline.fileOf(f.fingerprint())));
                if (!seen.contains(f.fingerprint()) && !unknown) {
                    // gone because the control is UNKNOWN this time (a parameter, an undecidable condition): not fixed
                    (undecidedControls.contains(f.fingerprint()) ? undecided : fixed).add(f);
                }
            }
            Comparator<PolicySummary.BaselineFinding> byPlace = Comparator.comparing(PolicySummary.BaselineFinding::scenario)
                    .thenComparing(PolicySummary.BaselineFinding::resource).thenComparing(PolicySummary.BaselineFinding::rule);
            fixed.sort(byPlace);
            undecided.sort(byPlace);
        }
        return new PolicySummary(asOf, used, baseline != null, fixed, undecided, warnings);
    }
}
