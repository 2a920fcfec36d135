package dev.srm.model;

import java.time.Duration;

/**
 * The rules did not settle on one input: they fired their maximum number of times, or they ran
 * past the time limit ({@code --timeout}), most likely because a rule of a custom pack keeps
 * re-triggering itself or loops inside its own action. The input is not at fault; the rules are.
 */
public final class RulesLoopException extends RulesFailure {
    private final int firings;
    private final boolean stopped;

    private RulesLoopException(String message, int firings, String file, boolean stopped) {
        super(message, file);
        this.firings = firings;
        this.stopped = stopped;
    }

    public RulesLoopException(int firings, String what) {
        this(firings, what, null, null);
    }

    /**
     * The rules fired {@code firings} times on {@code what} (e.g. {@code scenario 'shop'}) without
     * settling; {@code file} (may be null) is the input it came from, {@code rule} (may be null) the
     * last rule that fired.
     */
    public RulesLoopException(int firings, String what, String file, String rule) {
        this("the rules fired " + firings + " times on " + what + " without settling: a rule is looping"
                + (rule == null ? "" : " (the last to fire: '" + rule + "')"), firings, file, true);
    }

    /**
     * The rules did not finish on {@code what} within {@code limit}. {@code rule} (may be null) is
     * the rule that was firing when the limit was reached; {@code stopped} says whether its
     * session could be stopped (a rule's action that never returns cannot be).
     */
    public static RulesLoopException timeout(Duration limit, String what, String file, String rule, boolean stopped) {
        String running = rule == null ? "" : " (rule '" + rule + "' was firing)";
        return new RulesLoopException(what + " did not finish within " + format(limit) + ": a rule may be looping" + running
                + (stopped ? "" : "; its evaluation could not be stopped and keeps a thread busy until srm exits"),
                0, file, stopped);
    }

    /** How often the rules fired before they were stopped (0 when the time limit stopped them). */
    public int firings() {
        return firings;
    }

    /** Whether the evaluation was stopped; false when its thread could not be (it is left running). */
    public boolean stopped() {
        return stopped;
    }

    @Override
    String advice() {
        return "check the rules given with --rules or --extra-rules";
    }

    /** A duration as {@code --timeout} takes it: {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 10m}, {@code 2h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms < 1000 ? ms + "ms" : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
