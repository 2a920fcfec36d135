package dev.srm.api;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario files, or directories searched for them, to evaluate.
 *
 * @param explain every conclusion carries the chain of rules behind it
 */
public record EvaluateRequest(List<Path> paths, boolean explain) {
    public EvaluateRequest {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: give at least one file or directory");
        }
    }

    public static EvaluateRequest of(Path... paths) {
        return new EvaluateRequest(Arrays.asList(paths), false);
    }

    public static EvaluateRequest of(List<Path> paths) {
        return new EvaluateRequest(paths, false);
    }

    public EvaluateRequest explain(boolean on) {
        return new EvaluateRequest(paths, on);
    }
}
