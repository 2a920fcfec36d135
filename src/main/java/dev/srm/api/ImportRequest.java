package dev.srm.api;

import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Inputs to turn into scenario files ({@code srm import FILE... --to scenario -o DIR}).
 *
 * @param paths       plans, states, inventories, templates or scenarios, or directories of them
 * @param inputFormat their format; {@code auto} detects each one by content
 * @param groupBy     how an inventory of many accounts becomes scenarios
 * @param outDir      the directory the scenario files are written to (created when missing)
 */
public record ImportRequest(List<Path> paths, InputFormat inputFormat, GroupBy groupBy, Path outDir) {
    public ImportRequest {
        paths = List.copyOf(paths);
        inputFormat = inputFormat == null ? InputFormat.auto : inputFormat;
        groupBy = groupBy == null ? GroupBy.account : groupBy;
        Objects.requireNonNull(outDir, "outDir");
        if (paths.isEmpty()) {
            throw SrmException.usage("nothing to import: give at least one file or directory");
        }
    }

    /** These files, detected by content, grouped per account, written into {@code outDir}. */
    public static ImportRequest of(List<Path> paths, Path outDir) {
        return new ImportRequest(paths, InputFormat.auto, GroupBy.account, outDir);
    }
}
