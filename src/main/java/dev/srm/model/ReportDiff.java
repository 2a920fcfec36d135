package dev.srm.model;

import dev.srm.facts.Severity;

import java.util.List;

/**
 * What changed between two srm reports: scenarios added and removed, findings new and fixed
 * (matched by fingerprint), findings gone only because the new report could not decide them
 * ({@code undecidedFindings}: their control is UNKNOWN there, or their input is among the new report's
 * {@code inputsNotRead}; not fixed), controls whose status moved, layers and duties whose party changed
 * (after a migration from EC2 to Fargate, say), and waivers added, expired or removed.
 * Every list is sorted by scenario, resource, then subject.
 */
public record ReportDiff(String oldReport, String newReport, List<String> scenariosAdded, List<String> scenariosRemoved,
                         List<String> inputsNotRead,
                         List<FindingChange> newFindings, List<FindingChange> fixedFindings,
                         List<FindingChange> undecidedFindings, List<Move> controls,
                         List<Move> layers, List<Move> duties, List<WaiverChange> waivers) implements HasWarnings {
    public ReportDiff {
        scenariosAdded = List.copyOf(scenariosAdded);
        scenariosRemoved = List.copyOf(scenariosRemoved);
        inputsNotRead = List.copyOf(inputsNotRead);
        newFindings = List.copyOf(newFindings);
        fixedFindings = List.copyOf(fixedFindings);
        undecidedFindings = List.copyOf(undecidedFindings);
        controls = List.copyOf(controls);
        layers = List.copyOf(layers);
        duties = List.copyOf(duties);
        waivers = List.copyOf(waivers);
    }

    /** A difference of two reports that were read whole has nothing to warn about (an unreadable report is an error). */
    @Override
    public List<String> warnings() {
        return List.of();
    }

    /** Whether nothing changed. */
    public boolean empty() {
        return scenariosAdded.isEmpty() && scenariosRemoved.isEmpty() && inputsNotRead.isEmpty() && newFindings.isEmpty() && fixedFindings.isEmpty()
                && undecidedFindings.isEmpty()                && controls.isEmpty() && layers.isEmpty() && duties.isEmpty() && waivers.isEmpty();
    }

    /** A finding that appeared or went away. */
    public record FindingChange(String fingerprint, String scenario, String resource, String rule, Severity severity, String title) {
    }

    /** A control status, layer party or duty party that moved on one resource ({@code subject}: the control, layer or layer/duty). */
    public record Move(String scenario, String resource, String subject, String from, String to) {
    }

    /** How a finding's waiver changed. */
    public enum WaiverChangeKind {
        ADDED, EXPIRED, REMOVED
    }

    /** A finding whose waiver was added, expired or removed, with the waiver (the old one when removed). */
    public record WaiverChange(WaiverChangeKind kind, String scenario, String resource, String rule, String waiver) {
    }
}
