package dev.srm.report.escape;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The HTML pages' templates (src/main/jte, compiled with the build into dev.srm.report): every
 * page renders through {@link #render}, so every value a template shows goes through
 * {@link Html#text} and none goes where that escaping is not enough (see {@link HtmlOutput}).
 */
public final class HtmlTemplates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlTemplates.class.getClassLoader(), "dev.srm.report");

    private HtmlTemplates() {
    }

    /** Renders {@code template} (a path under src/main/jte, e.g. {@code audit/page.jte}) with {@code model} to {@code target}. */
    public static void render(String template, Object model, Writer target) throws IOException {
        try {
            ENGINE.render(template, model, new HtmlOutput(target));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (TemplateException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    /** A text resource beside {@code owner} in the jar (a page's style sheet). */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
