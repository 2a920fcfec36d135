package dev.srm.cli;

import dev.srm.engine.RulePack;
import dev.srm.model.InputProblem;
import dev.srm.run.ScenarioTestRun;
import dev.srm.input.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code srm test}: runs scenarios that carry an {@code expect} block and reports each expectation that failed. */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the expectations of scenario files (their expect blocks) against the rules.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                " 0:every expectation held (and coverage is at least --coverage-min)",
                " 2:usage error",
                " 3:an input (scenario file or rules) could not be read or validated",
                " 5:an expectation failed, or coverage is below --coverage-min"})
final class TestCommand implements Callable<Integer> {
    /** Output formats of srm test. */
    enum Format { text, junit }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Scenario files or directories (default: scenarios).")
    List<Path> paths;

    @Option(names = "--format", defaultValue = "text", description = "text or junit (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--coverage", description = "Report which rules fired at least once across the run and which never did.")
    boolean coverage;

    @Option(names = "--coverage-min", paramLabel = "PERCENT",
            description = "Fail (exit 5) when rule coverage is below PERCENT; implies --coverage.")
    Double coverageMin;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() throws Exception {
        Cli cli = Cli.of(spec);
        if (coverageMin != null && (coverageMin < 0 || coverageMin > 100)) {
            throw new UsageException("--coverage-min takes a percentage from 0 to 100, got " + coverageMin);
        }
        RulePack pack = rules.loadOrReport(cli.err());
        if (pack == null) {
            return ExitCode.INPUT.code();
        }
        List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("scenarios")) : paths;
        ScenarioTestRun.Result result = new ScenarioTestRun(pack, new ScenarioReader()).run(inputs);
        for (InputProblem p : result.problems()) {
            cli.err().println("srm: " + p);
        }
        boolean withCoverage = coverage || coverageMin != null;
        Output.to(output, cli.out(), w -> {
            if (format == Format.junit) {
                TestReport.junit(result, w);
            } else {
                TestReport.text(result, withCoverage, w);
            }
        });
        if (output != null || format == Format.junit) {
            TestReport.summary(result, withCoverage, cli.err());
        }
        cli.err().flush();
        if (!result.problems().isEmpty()) {
            return ExitCode.INPUT.code();
        }
        if (result.checksFailed() > 0) {
            return ExitCode.EXPECTATIONS.code();
        }
        if (coverageMin != null && result.coveragePercent() + 1e-9 < coverageMin) {
            cli.err().printf("srm: rule coverage %.1f%% is below --coverage-min %.1f%%%n", result.coveragePercent(), coverageMin);
            return ExitCode.EXPECTATIONS.code();
        }
        return ExitCode.OK.code();
    }
}
