package dev.srm.report.test;

import dev.srm.model.TestResults;

import java.io.IOException;
import java.io.Writer;

/** Writes the results of {@code srm test} in one format. */
public interface TestRenderer {
    /** {@code coverage}: include which rules fired and which never did. */
    void render(TestResults results, boolean coverage, Writer out) throws IOException;
}
