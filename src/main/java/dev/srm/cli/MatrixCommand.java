package dev.srm.cli;

import dev.srm.api.MatrixRequest;
import dev.srm.api.Naming;
import dev.srm.api.SrmException;
import dev.srm.model.matrix.Matrix;
import dev.srm.report.matrix.MatrixFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code srm matrix}: who secures each layer of a service, computed by the rules on a synthetic resource. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The responsibility matrix of services: layer -> party (and the duties inside it), with reasons, AWS sources, "
                + "the customer controls that apply with their Security Hub ids, and the integrations that help.",
                "Each row is what the rules conclude for a synthetic scenario of one resource of that service (and --config settings)."})
final class MatrixCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the matrix to FILE instead of stdout.")
    Path output;

    @Mixin
    RulesOptions rules;

    @Override
    public Integer call() throws Exception {
        Output.checkFile("-o", output, java.util.List.of());
        Cli cli = Cli.of(spec);
        Matrix m;
        try {
            m = rules.load().matrix(new MatrixRequest(subjects, config), Naming.FLAGS);
        } catch (SrmException e) {
            return cli.report(e);
        }
        return cli.write(m.warnings(), output, w -> format.render(m, w));
    }
}
