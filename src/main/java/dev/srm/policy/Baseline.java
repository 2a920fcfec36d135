package dev.srm.policy;

import dev.srm.model.PolicySummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The findings of an earlier report (by fingerprint), against which a run marks its findings NEW or UNCHANGED. */
public final class Baseline {
    private final Map<String, PolicySummary.BaselineFinding> findings = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();
    private final List<PolicySummary.BaselineFinding> ordered = new ArrayList<>();
    private final java.util.Set<String> waived = new java.util.HashSet<>();

    private Baseline(ReportFile report) {
        for (ReportFile.ScenarioPart s : report.scenarios()) {
            for (ReportFile.FindingPart f : s.findings()) {
                PolicySummary.BaselineFinding item = new PolicySummary.BaselineFinding(f.fingerprint(), f.scenario(), f.resource(), f.rule(),
                        f.severity(), f.title());
                if ("WAIVED".equals(f.status())) {
                    waived.add(f.fingerprint());
                }
                if (findings.putIfAbsent(f.fingerprint(), item) == null) {
                    ordered.add(item);
                    files.put(f.fingerprint(), s.file());
                }
            }
        }
    }

    /** Reads an earlier JSON report of srm; a file that is not one, or of another format version, is one problem. */
    public static Baseline read(Path file) throws PolicyException {
        return new Baseline(ReportFile.read(file));
    }

    public boolean has(String fingerprint) {
        return findings.containsKey(fingerprint);
    }

    /** Whether the baseline showed the finding under a waiver in force. */
    public boolean waived(String fingerprint) {
        return waived.contains(fingerprint);
    }

    /** The scenario file the finding came from in the baseline. */
    String fileOf(String fingerprint) {
        return files.getOrDefault(fingerprint, "");
    }

    /** Every finding of the baseline, in its order. */
    public List<PolicySummary.BaselineFinding> findings() {
        return List.copyOf(ordered);
    }

    public int size() {
        return ordered.size();
    }
}
