package dev.srm.cli;

import dev.srm.api.CompareRequest;
import dev.srm.api.Naming;
import dev.srm.report.matrix.CompareFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code srm compare}: what moves between two designs, layer by layer and duty by duty. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What moves between two designs: layers and duties that go from the customer to AWS or back, "
                + "customer controls that appear or disappear, integrations gained or lost.",
                "FROM and TO are services or variants (EC2, ECS:fargate) or scenario files (their resources folded into one design)."})
final class CompareCommand extends PackCommand {
    @Parameters(index = "0", paramLabel = "FROM", description = "A service, a variant or a scenario file.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A service, a variant or a scenario file.")
    String to;

    @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A setting of both sides' synthetic resources (repeatable).")
    List<String> config = new ArrayList<>();

    @Option(names = "--from-config", paramLabel = "KEY=VALUE", description = "A setting of the FROM side only (repeatable).")
    List<String> fromConfig = new ArrayList<>();

    @Option(names = "--to-config", paramLabel = "KEY=VALUE",
            description = "A setting of the TO side only (repeatable), e.g. srm compare ECS ECS --to-config LaunchType=FARGATE.")
    List<String> toConfig = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CompareFormat format;

    @Mixin
    ReadingReport io;

    @Override
    int run(Cli cli) throws IOException {
        return cli.report(io.output, Output.pathsOf(from, to), () -> io.reading.load(cli)
                .compare(CompareRequest.of(from, to).config(config).fromConfig(fromConfig).toConfig(toConfig).allowFiles(true)
                        .inputFormat(io.reading.input.format), Naming.FLAGS), format);
    }
}
