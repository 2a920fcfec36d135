package dev.srm.api;

import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.audit.AuditCatalog;
import dev.srm.report.audit.AuditFormat;
import dev.srm.report.audit.AuditRenderer;
import dev.srm.report.audit.PortfolioBuilder;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The portfolio roll-ups of an audit, built where the evaluations are made: what {@code srm
 * audit} computes after evaluating a batch, for a job that evaluates it in pieces (a Spark task
 * per partition). Add evaluations, ship the piece as {@linkplain #toBytes bytes}, read it back
 * with {@link Srm#rollup(byte[])} on one machine and {@linkplain #merge merge} the pieces: the
 * result is the one {@code srm audit} gives for the same scenarios, however they were split and
 * in whatever order they came. Counts only: its size does not grow with the number of scenarios.
 * Not thread-safe.
 */
public final class Rollup {
    private final AuditCatalog catalog;
    private final PortfolioBuilder builder;

    Rollup(AuditCatalog catalog, PortfolioBuilder builder) {
        this.catalog = catalog;
        this.builder = builder;
    }

    /** Adds one evaluated scenario. */
    public Rollup add(Evaluation evaluation) {
        builder.add(evaluation);
        return this;
    }

    /** Adds another piece made with the same rule pack, over other scenarios. */
    public Rollup merge(Rollup other) {
        builder.merge(other.builder);
        return this;
    }

    /** This piece as bytes, for {@link Srm#rollup(byte[])} in a process with the same srm and pack. */
    public byte[] toBytes() {
        return builder.toBytes();
    }

    /** The roll-ups with the inputs that failed, as {@code srm audit} returns them (with its exit code); no report files. */
    public AuditResult result(List<InputProblem> failures) {
        return new AuditResult(builder.build(failures), List.of());
    }

    /**
     * Writes {@code srm audit}'s JSON report without the evaluations (they are elsewhere, in a
     * distributed job's tables): {@code {"evaluations": [], "portfolio": {...}, "errors": [...]}},
     * the keys documented in docs/audit.md. {@code out} is flushed, not closed.
     */
    public void writeJson(List<InputProblem> failures, Writer out) throws IOException {
        try (AuditRenderer json = AuditFormat.json.open(out, catalog)) {
            json.finish(builder.build(failures));
        }
    }
}
