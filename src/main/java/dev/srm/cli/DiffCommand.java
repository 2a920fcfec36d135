package dev.srm.cli;

import dev.srm.api.DiffRequest;
import dev.srm.api.ExitCode;
import dev.srm.api.SrmException;
import dev.srm.model.ReportDiff;
import dev.srm.report.diff.DiffFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code srm diff OLD NEW}: what changed between two JSON reports of srm. */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what changed between two JSON reports of srm (audit.json, --write-baseline, evaluate --format json):",
                "findings new and fixed, controls whose status moved, layers and duties whose party changed, waivers added, expired"
                        + " or removed."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier report.")
    Path oldReport;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later report.")
    Path newReport;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; markdown for a pull-request comment).")
    DiffFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        Cli cli = Cli.of(spec);
        ReportDiff diff;
        try {
            diff = dev.srm.api.Srm.diff(new DiffRequest(oldReport, newReport));
        } catch (SrmException e) {
            return cli.report(e);
        }
        Output.to(output, cli.out(), w -> format.render(diff, w));
        return ExitCode.OK.code();
    }
}
