package dev.srm.model;

/**
 * The rules, not the input, failed on one input: they did not settle ({@link RulesLoopException})
 * or one of them threw ({@link RuleActionException}). A batch reports the input with this line and
 * goes on with the next one; a command of one input exits with INPUT.
 */
public abstract sealed class RulesFailure extends RuntimeException permits RulesLoopException, RuleActionException {
    private final String file;

    RulesFailure(String message, String file) {
        super(message, null, false, false);
        this.file = file;
    }

    /** The input the rules failed on, as the user named it; null when it is not known. */
    public String file() {
        return file;
    }

    /** What the user should look at: the rules given with --rules or --extra-rules, or srm's own. */
    abstract String advice();

    /** The one line a batch reports for the input, naming the rules as the cause; null when the input's file is not known. */
    public InputProblem problem() {
        return file == null ? null : new InputProblem(file, "", detail());
    }

    /** The line a command of one input prints: the problem, or the message when the file is not known. */
    public String line() {
        return file == null ? detail() : problem().toString();
    }

    /** What failed and what to check, without the file (a server's answer to the request that sent it). */
    public String detail() {
        return getMessage() + "; " + advice();
    }
}
