package dev.srm.api;

import java.util.List;

/**
 * Why srm could not do what it was asked: a usage problem (a bad or missing request value) or an
 * input problem (a file, or the rules, could not be read or validated), with one line per
 * problem ({@code file:line:column: pointer: what was expected}). Its exit code says which.
 */
public final class SrmException extends RuntimeException {
    private final ExitCode exitCode;
    private final List<String> problems;

    private SrmException(ExitCode exitCode, List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.exitCode = exitCode;
        this.problems = List.copyOf(problems);
    }

    /** A request value that is wrong or missing. */
    public static SrmException usage(String problem) {
        return new SrmException(ExitCode.USAGE, List.of(problem));
    }

    /** Inputs or rules that cannot be read or validated, one line each. */
    public static SrmException input(List<String> problems) {
        return new SrmException(ExitCode.INPUT, problems);
    }

    /** A report or output that could not be written. */
    public static SrmException output(String problem) {
        return new SrmException(ExitCode.INTERNAL, List.of(problem));
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** One line per problem, without a prefix. */
    public List<String> problems() {
        return problems;
    }
}
