package dev.srm.model;

/**
 * The rules fired their maximum number of times on one input without settling: a rule (most
 * likely one of a custom pack) keeps re-triggering itself. The input is not at fault; the rules are.
 */
public final class RulesLoopException extends RuntimeException {
    private final int firings;

    public RulesLoopException(int firings, String what) {
        super("the rules fired " + firings + " times on " + what + " without settling: a rule is looping", null, false, false);
        this.firings = firings;
    }

    public int firings() {
        return firings;
    }
}
