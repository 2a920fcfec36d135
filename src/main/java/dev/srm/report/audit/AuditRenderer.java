package dev.srm.report.audit;

import dev.srm.model.Evaluation;

import java.io.Closeable;
import java.io.IOException;

/**
 * One report of an audit, written while the batch runs. The run calls {@link #scenario} once
 * per evaluated scenario, sorted by scenario id then file, and {@link #finish} once with the
 * roll-ups of the whole batch and the inputs that failed. A renderer keeps no more than
 * aggregates in memory; a format that prints roll-ups before the scenarios spools the
 * scenario part (see {@link Spool}).
 */
public interface AuditRenderer extends Closeable {
    void scenario(Evaluation evaluation) throws IOException;

    /** Writes the rest of the report; the writer is flushed, not closed. */
    void finish(Portfolio portfolio) throws IOException;

    /** Releases what the renderer holds (a spool file); the run calls it whether or not it finished. */
    @Override
    default void close() throws IOException {
    }
}
