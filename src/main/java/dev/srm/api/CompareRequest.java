package dev.srm.api;

import dev.srm.model.InputFormat;

import java.util.List;
import java.util.Objects;

/**
 * Two designs to compare. Each side is a subject as {@link MatrixRequest} takes it (one service or
 * variant) or, when {@code files} is true, a scenario file (or template) whose resources are folded
 * into one row. A server sets {@code files} false: a request must never make srm read a path.
 *
 * @param config     settings of both sides' synthetic resources
 * @param fromConfig settings of the FROM side only
 * @param toConfig   settings of the TO side only
 */
public record CompareRequest(String from, String to, List<String> config, List<String> fromConfig, List<String> toConfig,
                             boolean files, InputFormat inputFormat) {
    public CompareRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        config = List.copyOf(config);
        fromConfig = List.copyOf(fromConfig);
        toConfig = List.copyOf(toConfig);
        inputFormat = inputFormat == null ? InputFormat.auto : inputFormat;
    }

    /**
     * Two subjects (services or variants), no files, no settings; the steps below add them:
     * {@code CompareRequest.of("EC2", "Lambda").config(List.of("Runtime=python3.12"))}.
     */
    public static CompareRequest of(String from, String to) {
        return new CompareRequest(from, to, List.of(), List.of(), List.of(), false, InputFormat.auto);
    }

    /** This request, reading a side from a file when it names one. */
    public CompareRequest allowFiles(boolean on) {
        return new CompareRequest(from, to, config, fromConfig, toConfig, on, inputFormat);
    }

    /** This request with settings ({@code KEY=VALUE}) for both sides' synthetic resources. */
    public CompareRequest config(List<String> settings) {
        return new CompareRequest(from, to, settings, fromConfig, toConfig, files, inputFormat);
    }

    /** This request with settings for the FROM side only. */
    public CompareRequest fromConfig(List<String> settings) {
        return new CompareRequest(from, to, config, settings, toConfig, files, inputFormat);
    }

    /** This request with settings for the TO side only. */
    public CompareRequest toConfig(List<String> settings) {
        return new CompareRequest(from, to, config, fromConfig, settings, files, inputFormat);
    }

    /** This request reading its files as {@code format} ({@code auto}: detected by content). */
    public CompareRequest inputFormat(InputFormat format) {
        return new CompareRequest(from, to, config, fromConfig, toConfig, files, format);
    }
}
