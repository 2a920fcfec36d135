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
    java.util.List<String> parameters = new java.util.ArrayList<>();

    @Option(names = "--parameters-file", paramLabel = "FILE",
            description = "Template parameter values in a format aws cloudformation deploy reads: [\"Key=Value\"],"
                    + " [{\"ParameterKey\": ..., \"ParameterValue\": ...}] or {\"Parameters\": {...}}. --parameter wins over it.")
    Path file;

    /** The parameters given, in order; one that is not NAME=VALUE, or a name given twice with two values, is a usage error. */
    TemplateInputs inputs() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : parameters) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw dev.srm.api.SrmException.usage("--parameter: '" + p + "' is not NAME=VALUE (for example Env=prod)");
            }
            String name = p.substring(0, eq);
            String value = p.substring(eq + 1);
            String before = values.put(name, value);
            if (before != null && !before.equals(value)) {
                throw dev.srm.api.SrmException.usage("--parameter: '" + name + "' is given twice ('" + before + "' and '" + value
                        + "'); give it once");
            }
        }
        return new TemplateInputs(file, values);
    }
}
