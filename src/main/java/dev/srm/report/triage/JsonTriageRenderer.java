package dev.srm.report.triage;

import dev.srm.model.Triage;
import dev.srm.report.Json;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * JSON for machines and ticket automation. One incident gives its object ({@code owner},
 * {@code layer}, {@code reason}, {@code rule}, {@code actions[]}, {@code evidence[]},
 * {@code route}, {@code preventiveControls[]}, ...; see {@link TriageJson}); several (an ASFF
 * file with several findings) give {@code {"triages": [...]}}. Key order is fixed.
 */
public final class JsonTriageRenderer implements TriageRenderer {
    /** Several triages, in input order. */
    private record Batch(List<TriageJson> triages) {
    }

    @Override
    public void render(List<Triage> triages, Writer out) throws IOException {
        if (triages.size() == 1) {
            Json.write(TriageJson.of(triages.get(0)), out);
            return;
        }
        Json.write(new Batch(triages.stream().map(TriageJson::of).toList()), out);
    }
}
