package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.Srm;
import dev.srm.report.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The {@code srm} command: a thin shell that parses arguments and hands off to one subcommand. */
@Command(name = "srm", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Evaluate AWS resources against the Shared Responsibility Model: who secures what, which controls "
                + "the customer must run, and what is wrong.",
        subcommands = {EvaluateCommand.class, TriageCommand.class, AuditCommand.class, RulesCommand.class,
                TestCommand.class, SchemaCommand.class, MatrixCommand.class, CompareCommand.class, CrmCommand.class,
                ServeCommand.class, ImportCommand.class, DiffCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Srm.Loader loader;

    private Main(Srm.Loader loader) {
        this.loader = loader;
    }

    /** The loader of rule packs of the run a command belongs to. */
    static Srm.Loader loader(CommandLine.Model.CommandSpec command) {
        return ((Main) command.root().userObject()).loader;
    }

    public static void main(String[] args) {
        UnfinishedRun.arm();
        StandardOutput out = StandardOutput.of(new FileOutputStream(FileDescriptor.out), stdoutCharset());
        int code = run(out, new PrintWriter(System.err, true), args);
        UnfinishedRun.disarm();
        System.exit(code);
    }

    /** The charset {@code System.out} writes in (Java 17 has no {@code PrintStream.charset()}): the JVM's for standard output, else the default. */
    private static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
        }
        return Charset.defaultCharset();
    }

    /** Runs srm with the given writers and returns the exit code; never calls System.exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Srm.Loader.plain(), out, err, args);
    }

    /**
     * Runs srm with a loader of rule packs (a caching one lets many runs in one process share a
     * compiled pack, as the test suite does) and returns the exit code.
     */
    public static int run(Srm.Loader loader, PrintWriter out, PrintWriter rawErr, String... args) {
        PrintWriter err = dev.srm.report.escape.TerminalWriter.of(rawErr); // every message line escaped, in one place
        CommandLine cl = new CommandLine(new Main(loader));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        describeExitCodes(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("srm: " + ex.getMessage());
                commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
                return ExitCode.USAGE.code();
            }
            if (ex instanceof dev.srm.model.RulesFailure rules) {
                commandLine.getErr().println("srm: " + rules.line());
                return ExitCode.INPUT.code();
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
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("srm: out of memory: the inputs need more than the " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB this Java may use; give fewer inputs at a time, or more memory (JAVA_TOOL_OPTIONS=-Xmx...)");
            code = ExitCode.INTERNAL.code();
        } catch (StackOverflowError e) {
            err.println("srm: an input is nested too deeply for srm to follow (stack overflow); flatten it");
            code = ExitCode.INTERNAL.code();
        }
        out.flush();
        if (out.checkError()) { // a PrintWriter never throws: a report cut off by a full disk or a closed pipe shows only here
            IOException why = out instanceof StandardOutput s ? s.failure() : null;
            err.println("srm: cannot write the report to standard output" + (why == null ? "" : ": " + AtomicFile.reason(why)));
            code = ExitCode.INTERNAL.code();
        }
        err.flush();
        return code;
    }

    /** Every command's help lists its exit codes from {@link ExitCode}'s one table. */
    private static void describeExitCodes(CommandLine cl) {
        String name = cl.getCommandName();
        ExitCode.Command command = switch (name) {
            case "evaluate" -> ExitCode.Command.EVALUATE;
            case "audit" -> ExitCode.Command.AUDIT;
            case "triage" -> ExitCode.Command.TRIAGE;
            case "test" -> ExitCode.Command.TEST;
            case "rules", "list", "show", "validate" -> ExitCode.Command.RULES;
            case "schema" -> ExitCode.Command.SCHEMA;
            case "matrix", "compare", "crm", "serve", "diff" -> ExitCode.Command.EXPLORE;
            case "import" -> ExitCode.Command.IMPORT;
            case "help" -> null;
            default -> ExitCode.Command.SRM;
        };
        if (command != null) {
            cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(command.table());
        }
        cl.getSubcommands().values().forEach(Main::describeExitCodes);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: evaluate, triage, audit, import, rules, test or schema");
    }
}
