package dev.srm.api;

import dev.srm.model.InputFormat;

import java.nio.file.Path;
import java.util.List;

/**
 * A portfolio to draw the customer responsibility matrix of: srm JSON results (an audit's
 * {@code audit.json}, or {@code srm evaluate --format json} output), or scenario files and
 * directories, which are evaluated first.
 *
 * @param frameworks framework ids of the pack, or a unique prefix ({@code nist-800-53}); none means all
 */
public record CrmRequest(List<Path> paths, List<String> frameworks, InputFormat inputFormat) {
    public CrmRequest {
        paths = List.copyOf(paths);
        frameworks = List.copyOf(frameworks);
        inputFormat = inputFormat == null ? InputFormat.auto : inputFormat;
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("nothing to read: give an audit.json or scenario files");
        }
    }

    public static CrmRequest of(Path... paths) {
        return new CrmRequest(List.of(paths), List.of(), InputFormat.auto);
    }
}
