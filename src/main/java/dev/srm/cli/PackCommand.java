package dev.srm.cli;

import dev.srm.api.SrmException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A command that answers through the facade: it gets its writers and the pack loader in a {@link Cli}, and a
 * problem the facade reports ({@link SrmException}: unreadable inputs, a pack that does not compile, a looping
 * rule) becomes its {@code srm:} lines and exit code here, the same way for every command.
 */
abstract class PackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The command's work; returns its exit code. */
    abstract int run(Cli cli) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Cli cli = Cli.of(spec);
        try {
            return run(cli);
        } catch (SrmException e) {
            return cli.report(e);
        }
    }
}
