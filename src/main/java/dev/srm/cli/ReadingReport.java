package dev.srm.cli;

import picocli.CommandLine.Mixin;

/** The options of a command that reads inputs with the pack and writes one report: {@code -o}, then how inputs are read. */
final class ReadingReport {
    @Mixin
    OutputFile output;

    @Mixin
    ReadingOptions reading;
}
