package dev.srm.cli;

import dev.srm.api.CrmRequest;
import dev.srm.api.Naming;
import dev.srm.report.matrix.CrmFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code srm crm}: the customer responsibility matrix of a portfolio, per framework requirement. */
@Command(name = "crm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The customer responsibility matrix of a portfolio: for each framework requirement the pack maps "
                + "(rules/frameworks/), whether it is inherited from AWS, shared or the customer's for the services in use, "
                + "the srm controls and layers behind that answer, and their status (MET, MISSING, UNKNOWN).",
                "Input: an audit.json (srm audit --format json), srm evaluate --format json output, or scenario files and directories."})
final class CrmCommand extends PackCommand {
    @Parameters(paramLabel = "AUDIT.json|PATH", arity = "1..*", description = "srm JSON results, or scenario files and directories.")
    List<Path> paths;

    @Option(names = "--framework", paramLabel = "ID",
            description = "A framework of the pack (repeatable; an id or a unique prefix: nist-800-53, cis-aws, pci-dss; default: all).")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CrmFormat format;

    @Mixin
    ReadingReport io;

    @Override
    int run(Cli cli) throws IOException {
        return cli.report(io.output, paths, () -> io.reading.load(cli).crm(new CrmRequest(paths, frameworks, io.reading.input.format),
                Naming.FLAGS), format);
    }
}
