package dev.srm.cli;

import dev.srm.api.EvaluateRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.api.Srm;
import dev.srm.api.SrmException;
import dev.srm.model.Evaluation;
import dev.srm.model.InputProblem;
import dev.srm.report.EvaluationFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code srm evaluate}: who owns each layer of each resource, which controls apply, what is wrong. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate scenario files against the Shared Responsibility Model rules.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Scenario files or CloudFormation/SAM templates, CDK cloud assemblies (cdk.out), or directories"
                    + " searched for *.yaml, *.yml and *.json in sorted order.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    EvaluationFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high", converter = SeverityThreshold.class,
            description = "Exit 4 when a finding is at or above SEVERITY: critical, high, medium, low, info, or none (default: ${DEFAULT-VALUE}).")
    SeverityThreshold.Value failOn;

    @Option(names = "--explain", description = "Show, for every conclusion, the chain of rules that fired and the facts they matched.")
    boolean explain;

    @Mixin
    InputOptions input;

    @Mixin
    TemplateOptions templates;

    @Mixin
    RulesOptions rules;

    @Mixin
    PolicyFlags policy;

    @Override
    public Integer call() throws Exception {
        Cli cli = Cli.of(spec);
        EvaluateResult result;
        dev.srm.api.PolicyOptions options = policy.options();
        try {
            Srm srm = rules.load();
            result = srm.evaluate(EvaluateRequest.of(paths).inputFormat(input.format).explain(explain).templates(templates.inputs())
                    .groupBy(input.groupBy).policy(options));
        } catch (SrmException e) {
            return cli.report(e);
        }
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
        if (!(single && result.evaluations().isEmpty())) {
            Output.to(output, cli.out(), w -> format.renderer().render(result.evaluations(), result.problems(), single, w));
        }
        cli.err().flush();
        return result.exitCode(failOn.severity(), policy.failOnNew()).code();
    }
}
