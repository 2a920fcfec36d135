package dev.srm.run;

import dev.srm.model.InputProblem;

/**
 * Why a triage could not run: the flags are wrong or missing (a usage problem), or an input
 * file cannot be used (an input problem, with the file and the place in it).
 */
public final class TriageException extends Exception {
    /** What kind of mistake stopped the triage. */
    public enum Cause {
        /** Missing, empty or conflicting flags; an unknown value given on the command line. */
        USAGE,
        /** A file that cannot be read or does not hold what it should. */
        INPUT
    }

    private final Cause cause;

    private TriageException(Cause cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    public static TriageException usage(String message) {
        return new TriageException(Cause.USAGE, message);
    }

    public static TriageException input(InputProblem problem) {
        return new TriageException(Cause.INPUT, problem.toString());
    }

    public Cause why() {
        return cause;
    }
}
