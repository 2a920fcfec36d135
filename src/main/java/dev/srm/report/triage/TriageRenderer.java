package dev.srm.report.triage;

import dev.srm.model.Triage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** Writes the answers of {@code srm triage} in one format. */
public interface TriageRenderer {
    /** Writes the triages in input order (one for a scenario or flags, one per finding of an ASFF file). */
    void render(List<Triage> triages, Writer out) throws IOException;

    /** Writes one triage of a text format. */
    interface Section {
        void write(Triage t, PrintWriter out);
    }

    /** The text formats' {@link #render}: each triage in input order, the separator between two, the writer flushed. */
    static void each(List<Triage> triages, Writer w, String separator, Section section) {
        PrintWriter out = new PrintWriter(w);
        for (int i = 0; i < triages.size(); i++) {
            out.print(i == 0 ? "" : separator);
            section.write(triages.get(i), out);
        }
        out.flush();
    }
}
