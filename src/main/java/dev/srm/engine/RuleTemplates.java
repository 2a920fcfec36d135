package dev.srm.engine;

import org.drools.template.ObjectDataCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Compiles rows of a pack's data tables into DRL with Drools rule templates (the {@code .drt}
 * files beside this class): the one mechanism by which tables (the duties matrix, the tagging
 * controls) become named rules.
 */
final class RuleTemplates {
    private RuleTemplates() {
    }

    /** The DRL of a template filled with rows (each a map from the template's header names to values). */
    static String compile(String template, List<Map<String, Object>> rows) {
        try (InputStream in = RuleTemplates.class.getResourceAsStream(template)) {
            if (in == null) {
                throw new IllegalStateException("srm's rule template is missing from the jar (" + template + ")");
            }
            return new ObjectDataCompiler().compile(rows, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value inside a DRL string literal. */
    static String drl(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }
}
