package dev.srm.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for the parameters of CloudFormation templates, as {@code aws cloudformation deploy}
 * takes them: a parameters file (its formats: {@code ["Key=Value"]}, {@code [{"ParameterKey":
 * ..., "ParameterValue": ...}]}, {@code {"Parameters": {...}}}) and {@code Name=Value} pairs,
 * which win over the file. A parameter a template does not declare is a warning on that
 * template; {@code AWS::Region} and the other pseudo parameters may be given too.
 *
 * @param file       a parameters file, or null
 * @param parameters values by parameter name, in the order given
 */
public record TemplateInputs(Path file, Map<String, String> parameters) {
    /** No values: every parameter takes its Default. */
    public static final TemplateInputs NONE = new TemplateInputs(null, Map.of());

    public TemplateInputs {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        for (String name : parameters.keySet()) {
            if (name == null || name.isBlank()) {
                throw SrmException.usage("--parameter: a parameter name is empty; write Name=Value");
            }
        }
    }

    public boolean isEmpty() {
        return file == null && parameters.isEmpty();
    }
}
