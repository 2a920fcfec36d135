package dev.srm.cli;

import dev.srm.api.TemplateInputs;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Values for the parameters of CloudFormation templates, as {@code aws cloudformation deploy} takes them. */
final class TemplateOptions {
    @Option(names = "--parameter", paramLabel = "NAME=VALUE",
            description = "A value for a template parameter, overriding its Default (repeatable). AWS::Region and the other"
                    + " pseudo parameters may be given too.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--parameters-file", paramLabel = "FILE",
            description = "Template parameter values in a format aws cloudformation deploy reads: [\"Key=Value\"],"
                    + " [{\"ParameterKey\": ..., \"ParameterValue\": ...}] or {\"Parameters\": {...}}. --parameter wins over it.")
    Path file;

    TemplateInputs inputs() {
        return new TemplateInputs(file, parameters);
    }
}
