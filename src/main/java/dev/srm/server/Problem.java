package dev.srm.server;

import dev.srm.api.ExitCode;
import dev.srm.api.SrmException;

import java.util.List;
import java.util.Objects;

/**
 * An error answer as RFC 9457 problem details ({@code application/problem+json}): {@code detail}
 * is the first of the one-line messages the command line prints (without its {@code srm: }
 * prefix), {@code errors} all of them, {@code exitCode} what the command line would have exited with.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, List<String> errors, Integer exitCode) {
    static final String CONTENT_TYPE = "application/problem+json";

    Problem {
        Objects.requireNonNull(title, "title");
        errors = List.copyOf(errors);
    }

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem("urn:srm:problem:" + kind, title, status, detail, List.of(detail), null);
    }

    /** The answer to an error the facade reported: 400 for usage, 422 for unusable input, 500 otherwise. */
    static Problem of(SrmException e, boolean malformed) {
        List<String> lines = e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems();
        return switch (e.exitCode()) {
            case USAGE -> new Problem("urn:srm:problem:bad-request", "Bad request", 400, lines.get(0), lines, ExitCode.USAGE.code());
            case INPUT -> malformed
                    ? new Problem("urn:srm:problem:malformed-body", "The body is not well-formed JSON or YAML", 400, lines.get(0), lines,
                    ExitCode.INPUT.code())
                    : new Problem("urn:srm:problem:invalid-input", "The input cannot be used", 422, lines.get(0), lines,
                    ExitCode.INPUT.code());
            default -> new Problem("urn:srm:problem:internal", "Internal error", 500, lines.get(0), lines, e.exitCode().code());
        };
    }
}
