package dev.srm.report.triage;

/** The formats {@code srm triage} writes, by the name {@code --format} takes (and completes). */
public enum TriageFormat {
    text(new TextTriageRenderer()), markdown(new MarkdownTriageRenderer()), json(new JsonTriageRenderer());

    private final TriageRenderer renderer;

    TriageFormat(TriageRenderer renderer) {
        this.renderer = renderer;
    }

    public TriageRenderer renderer() {
        return renderer;
    }
}
