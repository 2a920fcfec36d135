package dev.srm.cli;

import dev.srm.model.InputFormat;
import picocli.CommandLine.Option;

/** Which format the input files are in; by default each is detected by its content. */
final class InputOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "The inputs' format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: detected by content).")
    InputFormat format;
}
