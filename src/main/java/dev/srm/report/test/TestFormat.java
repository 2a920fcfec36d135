package dev.srm.report.test;

/** The formats of {@code srm test}, by the name {@code --format} takes. */
public enum TestFormat {
    text(new TextTestRenderer()), junit(new JunitTestRenderer());

    private final TestRenderer renderer;

    TestFormat(TestRenderer renderer) {
        this.renderer = renderer;
    }

    public TestRenderer renderer() {
        return renderer;
    }
}
