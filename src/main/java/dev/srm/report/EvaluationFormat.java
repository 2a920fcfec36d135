package dev.srm.report;

/** The formats of {@code srm evaluate}, by the name {@code --format} takes. */
public enum EvaluationFormat {
    text(new TextRenderer()), json(new JsonRenderer());

    private final EvaluationRenderer renderer;

    EvaluationFormat(EvaluationRenderer renderer) {
        this.renderer = renderer;
    }

    public EvaluationRenderer renderer() {
        return renderer;
    }
}
