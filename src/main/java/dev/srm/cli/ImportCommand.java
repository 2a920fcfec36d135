package dev.srm.cli;

import dev.srm.api.ImportRequest;
import dev.srm.api.ImportResult;
import dev.srm.model.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** {@code srm import}: the scenarios srm derives from plans, states and inventories, written as scenario files. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the scenarios srm derives from Terraform plans and states, AWS Config inventories and other inputs "
                + "as scenario files, to read, edit, keep and test (srm test), or to attach to a bug report.")
final class ImportCommand extends PackCommand {
    /** What an import writes. */
    enum Target {
        scenario
    }

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Inputs, or directories searched for them.")
    List<Path> paths;

    @Option(names = "--to", paramLabel = "KIND", defaultValue = "scenario",
            description = "What to write: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Target to;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "The directory the scenario files go to.")
    Path output;

    @Mixin
    ReadingOptions reading;

    @Override
    int run(Cli cli) {
        Output.checkDirectory("-o", output, paths);
        ImportResult result = reading.load(cli).importScenarios(new ImportRequest(paths, reading.input.format, reading.input.groupBy, output));
        for (InputProblem p : result.problems()) {
            cli.err().println("srm: " + p);
        }
        result.warnings().forEach(w -> cli.err().println("warning: " + w));
        result.written().forEach(p -> cli.out().println(p));
        cli.err().println("srm: wrote " + result.written().size() + " scenario file" + (result.written().size() == 1 ? "" : "s")
                + " to " + output);
        cli.out().flush();
        cli.err().flush();
        return result.exitCode().code();
    }
}
