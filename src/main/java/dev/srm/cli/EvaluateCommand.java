package dev.srm.cli;

import dev.srm.api.EvaluateRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.api.ExitCode;
import dev.srm.report.EvaluationFormat;
import dev.srm.report.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code srm evaluate}: who owns each layer of each resource, which controls apply, what is wrong. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate scenario files against the Shared Responsibility Model rules.")
final class EvaluateCommand extends PackCommand {
    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Scenario files or CloudFormation/SAM templates, CDK cloud assemblies (cdk.out), or directories"
                    + " searched for *.yaml, *.yml, *.json and *.template in sorted order.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EvaluationFormat format;

    @Mixin
    OutputFile output;

    @Option(names = {"-q", "--quiet", "--summary"}, description = "Print only the totals and the reason for the exit code, not the report.")
    boolean summary;

    @Option(names = "--explain", description = "Show, for every conclusion, the chain of rules that fired and the facts they matched.")
    boolean explain;

    @Mixin
    EvaluationOptions options;

    @Override
    int run(Cli cli) throws IOException {
        output.check(options.inputs(paths));
        PolicyFlags policy = options.policy;
        EvaluateRequest request = EvaluateRequest.of(paths).inputFormat(options.input.format).explain(explain)
                .templates(options.templates.inputs()).groupBy(options.input.groupBy).policy(policy.options());
        EvaluateResult result = options.rules.load(cli).evaluate(request);
        for (InputProblem p : result.problems()) {
            cli.err().println("srm: " + p);
        }
        for (Evaluation e : result.evaluations()) {
            e.warnings().forEach(w -> cli.err().println("warning: " + w));
        }
        if (result.policy() != null) {
            result.policy().warnings().forEach(w -> cli.err().println("warning: " + w));
        }
        boolean single = paths.size() == 1 && Files.isRegularFile(paths.get(0));
        ExitCode code = result.exitCode(policy.failOn(), policy.failOnNew());
        if (summary) {
            output.write(cli.out(), w -> {
                java.io.PrintWriter pw = new java.io.PrintWriter(w);
                TextRenderer.totals(result.evaluations(), result.problems(), pw);
                pw.print(reason(code, result) + "\n");
                pw.flush();
            });
        } else if (!(single && result.evaluations().isEmpty())) {
            output.write(cli.out(), w -> {
                format.renderer().render(result.evaluations(), result.problems(), single, w);
                if (format == EvaluationFormat.text) {
                    w.write(reason(code, result) + "\n");
                    w.flush();
                }
            });
        }
        cli.err().flush();
        return code.code();
    }

    /** Why the run ends with its exit code, in a sentence (the last line of a text report). */
    private String reason(ExitCode code, EvaluateResult result) {
        dev.srm.facts.Severity failOn = options.policy.failOn();
        String threshold = failOn == null ? "none" : failOn.name().toLowerCase(java.util.Locale.ROOT);
        return "Exit " + code.code() + ": " + switch (code) {
            case INPUT -> result.problems().size() + (result.problems().size() == 1 ? " input" : " inputs")
                    + " could not be read or validated (see above)";
            case FINDINGS -> "a finding at or above --fail-on " + threshold;
            case OK -> failOn == null ? "--fail-on none, and every input was read"
                    : "no finding at or above --fail-on " + threshold + ", and every input was read";
            default -> code.meaning();
        } + ".";
    }
}
