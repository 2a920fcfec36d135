package dev.srm.cli;

import dev.srm.api.ExitCode;
import dev.srm.api.Srm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code srm schema}: prints the JSON Schema every scenario is validated against. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the scenario format (the same file the validator uses).")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--waivers", description = "Print the schema of the waivers file instead (docs/waivers.schema.json).")
    boolean waivers;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        cli.out().print(waivers ? Srm.waiversSchema() : Srm.scenarioSchema());
        cli.out().flush();
        return ExitCode.OK.code();
    }
}
