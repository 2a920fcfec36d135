package dev.srm.report.diff;

import dev.srm.model.ReportDiff;
import dev.srm.report.Json;
import dev.srm.report.ReportFormat;
import dev.srm.report.escape.Markdown;
import dev.srm.report.escape.Terminal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The formats {@code srm diff} writes: {@code text} for a person, {@code markdown} for a pull-request comment, {@code json}. */
public enum DiffFormat implements ReportFormat<ReportDiff> {
    text, markdown, json;

    /** Writes the difference; every echoed string is escaped for the format. */
    @Override
    public void render(ReportDiff d, Writer out) throws IOException {
        switch (this) {
            case json -> Json.write(d, out);
            case text -> out.write(lines(d, Terminal::text, Terminal::text, "", "  "));
            case markdown -> out.write(lines(d, Markdown::text, Markdown::code, "## ", "- "));
        }
        out.flush();
    }

    private static String lines(ReportDiff d, Function<String, String> text, Function<String, String> code, String heading,
                                String item) {
        StringBuilder sb = new StringBuilder();
        String title = heading.isEmpty() ? "srm diff" : "# srm diff";
        sb.append(title).append(": ").append(text.apply(d.oldReport())).append(" -> ").append(text.apply(d.newReport())).append('\n');
        if (d.empty()) {
            sb.append("\nNo change.\n");
            return sb.toString();
        }
        section(sb, heading, "Scenarios added", d.scenariosAdded(), s -> item + code.apply(s));
        section(sb, heading, "Scenarios removed", d.scenariosRemoved(), s -> item + code.apply(s));
        section(sb, heading, "Inputs the new report could not read (their scenarios are not called removed, nor their findings fixed)",
                d.inputsNotRead(), s -> item + code.apply(s));
        Function<ReportDiff.FindingChange, String> finding = f -> item + f.severity().name().toLowerCase(Locale.ROOT) + " "
                + text.apply(f.title()) + " on " + code.apply(f.scenario() + "/" + f.resource()) + " [" + code.apply(f.rule()) + "]";
        section(sb, heading, "New findings", d.newFindings(), finding);
        section(sb, heading, "Fixed findings", d.fixedFindings(), finding);
        section(sb, heading, "Undecided findings (their control is UNKNOWN now, or their input was not read: not fixed)",
                d.undecidedFindings(), finding);
        Function<ReportDiff.Move, String> move = m -> item + code.apply(m.scenario() + "/" + m.resource()) + " "
                + code.apply(m.subject()) + ": " + text.apply(m.from()) + " -> " + text.apply(m.to());
        section(sb, heading, "Controls whose status moved", d.controls(), move);
        section(sb, heading, "Layers whose party changed", d.layers(), move);
        section(sb, heading, "Duties whose party changed", d.duties(), move);
        section(sb, heading, "Waivers", d.waivers(), w -> item + w.kind() + " " + code.apply(w.scenario() + "/" + w.resource()) + " ["
                + code.apply(w.rule()) + "]: " + text.apply(w.waiver()));
        return sb.toString();
    }

    private static <T> void section(StringBuilder sb, String heading, String name, List<T> items, Function<T, String> line) {
        if (items.isEmpty()) {
            return;
        }
        sb.append('\n').append(heading).append(name).append(" (").append(items.size()).append(")").append(heading.isEmpty() ? ":" : "")
                .append("\n");
        if (!heading.isEmpty()) {
            sb.append('\n');
        }
        items.forEach(i -> sb.append(line.apply(i)).append('\n'));
    }
}
