package dev.srm.cli;

/**
 * Turns an exit srm did not choose into a failure: a rule that calls {@code System.exit(0)}
 * (rules are code) would otherwise end the process with a green 0 and an empty report. While
 * armed, a shutdown hook prints one line and halts with exit code 1; {@link Main#main} disarms
 * it once the command has returned its own code.
 */
final class UnfinishedRun {
    private static volatile boolean armed;

    private UnfinishedRun() {
    }

    /** From now until {@link #disarm}, an exit is a failure (only {@link Main#main} arms it: tests never do). */
    static void arm() {
        armed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(UnfinishedRun::onShutdown, "srm-unfinished-run"));
    }

    /** The command has its own answer (or, like {@code srm serve}, stops on a signal by design). */
    static void disarm() {
        armed = false;
    }

    private static void onShutdown() {
        if (!armed) {
            return;
        }
        System.out.flush();
        System.err.println("srm: the run ended before it completed (a rule called System.exit, or srm was stopped);"
                + " its output is incomplete and the exit code is 1");
        System.err.flush();
        Runtime.getRuntime().halt(1);
    }
}
