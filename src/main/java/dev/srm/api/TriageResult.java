package dev.srm.api;

import dev.srm.model.Triage;

import java.util.List;

/** One answer per incident of the request (one per finding of an ASFF file). */
public record TriageResult(List<Triage> triages) {
    public TriageResult {
        triages = List.copyOf(triages);
    }

    /** OK: an answer was given, even when its owner is UNKNOWN or CONFLICT (the answer says why). */
    public ExitCode exitCode() {
        return ExitCode.OK;
    }
}
