package dev.srm.cli;

import dev.srm.api.MatrixRequest;
import dev.srm.api.Naming;
import dev.srm.report.matrix.MatrixFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code srm matrix}: who secures each layer of a service, computed by the rules on a synthetic resource. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The responsibility matrix of services: layer -> party (and the duties inside it), with reasons, AWS sources, "
                + "the customer controls that apply with their Security Hub ids, and the integrations that help.",
                "Each row is what the rules conclude for a synthetic scenario of one resource of that service (and --config settings)."})
final class MatrixCommand extends PackCommand {
    @Parameters(paramLabel = "SERVICE[:VARIANT]", arity = "0..*",
            description = "Services (EC2, Lambda, ...), variants (ECS:fargate; SERVICE:* for every variant its CloudFormation types "
                    + "reach) or CloudFormation types (default: every catalogued service).")
    List<String> subjects = new ArrayList<>();

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "A setting of every subject's resource (repeatable), e.g. --config PackageType=Image; A.B=v for nested properties.")
    List<String> config = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    MatrixFormat format;

    @Mixin
    OutputFile output;

    @Mixin
    RulesOptions rules;

    @Override
    int run(Cli cli) throws IOException {
        return cli.report(output, List.of(), () -> rules.load(cli).matrix(new MatrixRequest(subjects, config), Naming.FLAGS), format);
    }
}
