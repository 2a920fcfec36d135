package dev.srm.model;

/**
 * A rule threw while srm evaluated one input: its action ({@code then}) or one of its conditions
 * failed with an exception (a {@code substring} past the end, a null where the rule expected a
 * value). The input is not at fault; the rule is: one of the rules given with {@code --rules} or
 * {@code --extra-rules}, or, when the rule is one of srm's bundled rules, srm itself.
 */
public final class RuleActionException extends RulesFailure {
    private final String rule;
    private final boolean bundled;

    /**
     * Rule {@code rule} (may be null when Drools does not say which) threw {@code cause} on
     * {@code what} (e.g. {@code scenario 'shop'}) from {@code file} (may be null); {@code bundled}
     * says whether the rule is one of srm's own.
     */
    public RuleActionException(String rule, boolean bundled, String what, String file, Throwable cause) {
        super((rule == null ? "a rule" : "rule '" + rule + "'") + " failed on " + what + ": " + describe(cause), file);
        this.rule = rule;
        this.bundled = bundled;
    }

    /** The rule that threw, or null when it is not known. */
    public String rule() {
        return rule;
    }

    @Override
    String advice() {
        return bundled ? "the rule is one of srm's own: a bug in srm, please report it"
                : "check the rules given with --rules or --extra-rules";
    }

    /** The exception as one line: its class and the first line of its message. */
    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
