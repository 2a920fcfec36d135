package dev.srm.cli;

import dev.srm.api.TestResult;
import dev.srm.model.InputProblem;
import dev.srm.model.TestResults;
import dev.srm.report.test.TestFormat;
import dev.srm.report.test.TextTestRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code srm test}: runs scenarios that carry an {@code expect} block and reports each expectation that failed. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the expectations of scenario files (their expect blocks) against the rules.")
final class TestCommand extends PackCommand {
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Scenario files or directories (default: scenarios).")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text or junit (default: ${DEFAULT-VALUE}).")
    TestFormat format;

    @Mixin
    OutputFile output;

    @Option(names = "--coverage", description = "Report which rules fired at least once across the run and which never did.")
    boolean coverage;

    @Option(names = "--coverage-min", paramLabel = "PERCENT",
            description = "Fail (exit 5) when rule coverage is below PERCENT; implies --coverage.")
    Double coverageMin;

    @Mixin
    RunOptions rules;

    @Override
    int run(Cli cli) throws IOException {
        List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("scenarios")) : paths;
        output.check(inputs);
        TestResult result = rules.load(cli).test(inputs, coverageMin);
        TestResults r = result.results();
        for (InputProblem p : r.problems()) {
            cli.err().println("srm: " + p);
        }
        boolean withCoverage = coverage || coverageMin != null;
        output.write(cli.out(), w -> format.renderer().render(r, withCoverage, w));
        if (output.toFile() || format == TestFormat.junit) {
            if (withCoverage) {
                cli.err().println(TextTestRenderer.coverageLine(r));
            }
            cli.err().println(TextTestRenderer.countLine(r));
        }
        if (result.coverageTooLow()) {
            cli.err().printf(Locale.ROOT, "srm: rule coverage %.1f%% is below --coverage-min %.1f%%%n", r.coveragePercent(), coverageMin);
        }
        cli.err().flush();
        return result.exitCode().code();
    }
}
