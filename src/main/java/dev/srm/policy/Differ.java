package dev.srm.policy;

import dev.srm.model.ReportDiff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares two JSON reports of srm ({@code srm diff OLD NEW}); scenarios and findings are matched by id and fingerprint, not by order. */
public final class Differ {
    private Differ() {
    }

    /** Reads both reports (each one problem when it is not an srm report) and compares them. */
    public static ReportDiff diff(Path oldReport, Path newReport) throws PolicyException {
        List<dev.srm.model.InputProblem> problems = new ArrayList<>();
        ReportFile before = null;
        ReportFile after = null;
        try {
            before = ReportFile.read(oldReport);
        } catch (PolicyException e) {
            problems.addAll(e.problems());
        }
        try {
            after = ReportFile.read(newReport);
        } catch (PolicyException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return diff(before, after);
    }

    static ReportDiff diff(ReportFile before, ReportFile after) {
        Map<String, ReportFile.ScenarioPart> old = byId(before);
        Map<String, ReportFile.ScenarioPart> now = byId(after);
        List<String> added = now.keySet().stream().filter(id -> !old.containsKey(id)).sorted().toList();
        // a scenario the new report does not hold, when it could not read an input, may be that input's (the same file,
        // or one moved): it is not removed and its findings are not fixed, as srm audit --baseline judges them
        boolean unread = !after.failedFiles().isEmpty();
        List<String> removed = unread ? List.of() : old.keySet().stream().filter(id -> !now.containsKey(id)).sorted().toList();
        Map<String, ReportFile.FindingPart> oldFindings = findings(before);
        Map<String, ReportFile.FindingPart> newFindings = findings(after);
        List<ReportDiff.FindingChange> appeared = new ArrayList<>();
        List<ReportDiff.FindingChange> fixed = new ArrayList<>();
        List<ReportDiff.FindingChange> undecided = new ArrayList<>();
        List<ReportDiff.WaiverChange> waivers = new ArrayList<>();
        newFindings.forEach((fp, f) -> {
            ReportFile.FindingPart was = oldFindings.get(fp);
            if (was == null) {
                appeared.add(change(f));
            }
            waiverChange(was, f).ifPresent(waivers::add);
        });
        oldFindings.forEach((fp, f) -> {
            if (!newFindings.containsKey(fp)) {
                // gone because the new report's control on that resource is UNKNOWN: srm could not tell, not fixed
                ReportFile.ScenarioPart n = now.get(f.scenario());
                boolean unknown = n == null ? unread : "UNKNOWN".equals(n.controls().get(f.resource() + " " + f.rule()));
                (unknown ? undecided : fixed).add(change(f));
            }
        });
        List<ReportDiff.Move> controls = new ArrayList<>();
        List<ReportDiff.Move> layers = new ArrayList<>();
        List<ReportDiff.Move> duties = new ArrayList<>();
        for (String id : new TreeSet<>(now.keySet())) {
            ReportFile.ScenarioPart o = old.get(id);
            if (o == null) {
                continue;
            }
            ReportFile.ScenarioPart n = now.get(id);
            moves(id, o.controls(), n.controls(), controls);
            moves(id, o.layers(), n.layers(), layers);
            moves(id, o.duties(), n.duties(), duties);
        }
        Comparator<ReportDiff.FindingChange> byPlace = Comparator.comparing(ReportDiff.FindingChange::scenario)
                .thenComparing(ReportDiff.FindingChange::resource).thenComparing(ReportDiff.FindingChange::rule);
        appeared.sort(byPlace);
        fixed.sort(byPlace);
        undecided.sort(byPlace);
        waivers.sort(Comparator.comparing(ReportDiff.WaiverChange::scenario).thenComparing(ReportDiff.WaiverChange::resource)
                .thenComparing(ReportDiff.WaiverChange::rule));
        return new ReportDiff(before.name(), after.name(), added, removed, after.failedFiles().stream().sorted().toList(), appeared,
                fixed, undecided, controls, layers, duties,
                waivers);
    }

    private static java.util.Optional<ReportDiff.WaiverChange> waiverChange(ReportFile.FindingPart was, ReportFile.FindingPart now) {
        boolean hadInForce = was != null && !was.waiver().isEmpty() && !"EXPIRED".equals(was.waiverState());
        boolean hasInForce = !now.waiver().isEmpty() && !"EXPIRED".equals(now.waiverState());
        boolean expiredNow = !now.waiver().isEmpty() && "EXPIRED".equals(now.waiverState());
        ReportDiff.WaiverChangeKind kind = null;
        String text = now.waiver();
        if (hasInForce && !hadInForce) {
            kind = ReportDiff.WaiverChangeKind.ADDED;
        } else if (hadInForce && expiredNow) {
            kind = ReportDiff.WaiverChangeKind.EXPIRED;
        } else if (hadInForce && now.waiver().isEmpty()) {
            kind = ReportDiff.WaiverChangeKind.REMOVED;
            text = was.waiver();
        }
        return kind == null ? java.util.Optional.empty()
                : java.util.Optional.of(new ReportDiff.WaiverChange(kind, now.scenario(), now.resource(), now.rule(), text));
    }

    private static void moves(String scenario, Map<String, String> before, Map<String, String> after, List<ReportDiff.Move> out) {
        for (String key : new TreeSet<>(after.keySet())) {
            String was = before.get(key);
            String is = after.get(key);
            if (was != null && !Objects.equals(was, is)) {
                int space = key.indexOf(' ');
                out.add(new ReportDiff.Move(scenario, key.substring(0, space), key.substring(space + 1).replace(' ', '/'), was, is));
            }
        }
    }

    private static ReportDiff.FindingChange change(ReportFile.FindingPart f) {
        return new ReportDiff.FindingChange(f.fingerprint(), f.scenario(), f.resource(), f.rule(), f.severity(), f.title());
    }

    private static Map<String, ReportFile.ScenarioPart> byId(ReportFile r) {
        Map<String, ReportFile.ScenarioPart> out = new LinkedHashMap<>();
        r.scenarios().forEach(s -> out.putIfAbsent(s.id(), s));
        return out;
    }

    private static Map<String, ReportFile.FindingPart> findings(ReportFile r) {
        Map<String, ReportFile.FindingPart> out = new LinkedHashMap<>();
        r.scenarios().forEach(s -> s.findings().forEach(f -> out.putIfAbsent(f.fingerprint(), f)));
        return out;
    }
}
