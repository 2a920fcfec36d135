package dev.srm.report;

import java.io.IOException;
import java.io.Writer;

/**
 * A format a command's one result can be written in (the enums of {@code compare}, {@code crm}, {@code matrix},
 * {@code diff}), so that every such command checks, computes and writes the same way.
 *
 * @param <T> the result the format writes
 */
public interface ReportFormat<T> {
    /** Writes the result; the writer is flushed, not closed. */
    void render(T result, Writer out) throws IOException;
}
