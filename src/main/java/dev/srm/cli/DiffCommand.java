package dev.srm.cli;

import dev.srm.api.DiffRequest;
import dev.srm.api.Srm;
import dev.srm.report.diff.DiffFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code srm diff OLD NEW}: what changed between two JSON reports of srm. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what changed between two JSON reports of srm (audit.json, --write-baseline, evaluate --format json):",
                "findings new and fixed, controls whose status moved, layers and duties whose party changed, waivers added, expired"
                        + " or removed."})
final class DiffCommand extends PackCommand {
    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier report.")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later report.")
    Path newReport;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; markdown for a pull-request comment).")
    DiffFormat format;

    @Mixin
    OutputFile output;

    @Override
    int run(Cli cli) throws IOException {
        return cli.report(output, List.of(oldReport, newReport), () -> Srm.diff(new DiffRequest(oldReport, newReport)), format);
    }
}
