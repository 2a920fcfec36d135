package dev.srm.report.triage;

import dev.srm.model.Triage;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes the answers of {@code srm triage} in one format. */
public interface TriageRenderer {
    /** The format's name as {@code --format} takes it. */
    String name();

    /** Writes the triages in input order (one for a scenario or flags, one per finding of an ASFF file). */
    void render(List<Triage> triages, Writer out) throws IOException;
}
