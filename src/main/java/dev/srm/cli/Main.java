package dev.srm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code srm} command: a thin shell that parses arguments and hands off to one subcommand. */
@Command(name = "srm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Evaluate AWS resources against the Shared Responsibility Model: who secures what, which controls "
                + "the customer must run, and what is wrong.",
        subcommands = {EvaluateCommand.class, TriageCommand.class, AuditCommand.class, RulesCommand.class,
                TestCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, false), new PrintWriter(System.err, true), args));
    }

    /** Runs srm with the given writers and returns the exit code; never calls System.exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ExitCode.describeIn(cl.getCommandSpec().usageMessage(), true);
        ExitCode.describeIn(cl.getSubcommands().get("evaluate").getCommandSpec().usageMessage(), false);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("srm: " + ex.getMessage());
                commandLine.getErr().println("Try 'srm " + commandLine.getCommandName() + " --help' for usage.");
                return ExitCode.USAGE.code();
            }
            commandLine.getErr().println("srm: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse("")));
            if (System.getenv("SRM_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL.code();
        });
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("srm: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE.code();
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: evaluate, triage, audit, rules, test or schema");
    }
}
