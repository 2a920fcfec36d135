package dev.srm.input.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.input.Format;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for template parameters, as {@code aws cloudformation deploy --parameter-overrides}
 * takes them: from the command line ({@code Name=Value}) and from a parameters file in one of
 * the formats {@code deploy} reads. A pseudo parameter ({@code AWS::Region}, ...) may be given
 * too, to replace srm's placeholder.
 *
 * @param values  the value of each parameter, in the order given
 * @param sources where each value came from, for messages ({@code --parameter} or the file)
 */
public record TemplateParameters(Map<String, String> values, Map<String, String> sources) {
    /** No parameter given: every parameter takes its Default. */
    public static final TemplateParameters NONE = new TemplateParameters(Map.of(), Map.of());

    public TemplateParameters {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** Values given as {@code --parameter Name=Value}. */
    public static TemplateParameters of(Map<String, String> values) {
        Map<String, String> sources = new LinkedHashMap<>();
        values.keySet().forEach(k -> sources.put(k, "--parameter " + k));
        return new TemplateParameters(values, sources);
    }

    /** These values, overridden by {@code later}'s (the command line wins over a file). */
    public TemplateParameters plus(TemplateParameters later) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, String> s = new LinkedHashMap<>(sources);
        v.putAll(later.values);
        s.putAll(later.sources);
        return new TemplateParameters(v, s);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Reads a parameters file in a format {@code aws cloudformation deploy --parameter-overrides
     * file://...} accepts: {@code ["Key=Value", ...]}, {@code [{"ParameterKey": ...,
     * "ParameterValue": ...}, ...]} (the create-stack format) or {@code {"Parameters": {"Key":
     * "Value"}}} (the CodePipeline template configuration format). YAML is accepted for the same shapes.
     */
    public static TemplateParameters read(Path file) throws InputException {
        String name = file.toString();
        byte[] bytes = InputFiles.bytes(file);
        InputFiles.checkUtf8(name, bytes);
        Format format = formatOf(bytes);
        ObjectMapper mapper = format == Format.JSON
                ? new ObjectMapper(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                : new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        JsonNode root = dev.srm.input.YamlTree.single(name, mapper, bytes, format);
        Map<String, String> values = new LinkedHashMap<>();
        String expected = "; expected [\"Key=Value\", ...], [{\"ParameterKey\": \"Key\", \"ParameterValue\": \"Value\"}, ...]"
                + " or {\"Parameters\": {\"Key\": \"Value\"}} as aws cloudformation deploy reads them";
        if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode item = root.get(i);
                String key;
                String value;
                if (item.isTextual() && item.asText().contains("=")) {
                    String s = item.asText();
                    key = s.substring(0, s.indexOf('=')).trim();
                    value = s.substring(s.indexOf('=') + 1);
                } else if (item.isObject() && item.path("ParameterKey").isValueNode()) {
                    if (item.path("UsePreviousValue").asBoolean(false)) {
                        continue; // the deployed stack's value: unknown here, so the template's Default applies
                    }
                    key = item.path("ParameterKey").asText();
                    value = item.path("ParameterValue").asText();
                } else {
                    throw InputFiles.problem(name, "", "/" + i + ": " + describe(item) + expected);
                }
                String before = values.put(key, value);
                if (before != null && !before.equals(value)) { // which one would the deployment take? none is guessed
                    throw InputFiles.problem(name, "", "/" + i + ": parameter " + key + " is given twice ('" + before + "' and '"
                            + value + "'); give it once");
                }
            }
        } else if (root != null && root.isObject() && root.path("Parameters").isObject()) {
            root.path("Parameters").fields().forEachRemaining(e -> values.put(e.getKey(),
                    e.getValue().isArray() ? join(e.getValue()) : e.getValue().asText()));
        } else {
            throw InputFiles.problem(name, "", "not a parameters file: " + describe(root) + expected);
        }
        Map<String, String> sources = new LinkedHashMap<>();
        values.keySet().forEach(k -> sources.put(k, name));
        return new TemplateParameters(values, sources);
    }

    /** JSON for an object or a list (both shapes are JSON when written by the AWS CLI), else YAML. */
    private static Format formatOf(byte[] bytes) {
        return TemplateParser.formatOf(bytes) == Format.JSON || bytes.length > 0 && firstChar(bytes) == '[' ? Format.JSON : Format.YAML;
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();

    /**
     * The shape of a CloudFormation parameters file in a form {@code --parameters-file} reads, told from the
     * document's start, or null when it is none (or what decides it lies beyond {@code head}): create-stack's
     * {@code [{"ParameterKey": ..., "ParameterValue": ...}]}, deploy's {@code ["Key=Value"]}, or CodePipeline's
     * template configuration {@code {"Parameters": {"Key": "Value"}}} (beside {@code Tags} and {@code StackPolicy}
     * only, each parameter a value or a list of values, not a template's declaration). Stricter than {@link #read},
     * which is given a file as parameters: this one tells a parameters file met as an input from a scenario.
     */
    public static String shapeOf(byte[] head) {
        try (JsonParser p = (formatOf(head) == Format.JSON ? JSON : YAML).createParser(head)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                JsonToken item = p.nextToken();
                if (item == JsonToken.VALUE_STRING && p.getText().matches("[A-Za-z0-9]+=[\\s\\S]*")) {
                    return "aws cloudformation deploy's [\"Key=Value\", ...]";
                }
                if (item == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        if ("ParameterKey".equals(p.currentName())) {
                            return "create-stack's [{\"ParameterKey\": ..., \"ParameterValue\": ...}]";
                        }
                        p.nextToken();
                        p.skipChildren();
                    }
                }
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                return null;
            }
            boolean parameters = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                if ("Parameters".equals(key)) {
                    if (value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        JsonToken v = p.nextToken();
                        if (v == JsonToken.START_OBJECT) {
                            return null; // a template's declaration ({"Type": "String"}), not a value
                        }
                        p.skipChildren();
                    }
                    parameters = true;
                } else if ("Tags".equals(key) || "StackPolicy".equals(key)) {
                    p.skipChildren();
                } else {
                    return null;
                }
            }
            return parameters && p.currentToken() == JsonToken.END_OBJECT
                    ? "CodePipeline's template configuration, {\"Parameters\": {\"Key\": \"Value\"}}" : null;
        } catch (IOException | RuntimeException e) {
            return null; // not JSON or YAML, or what decides it lies beyond the head
        }
    }


    private static byte firstChar(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b;
            }
        }
        return 0;
    }

    private static String join(JsonNode list) {
        StringBuilder sb = new StringBuilder();
        list.forEach(n -> sb.append(sb.length() == 0 ? "" : ",").append(n.asText()));
        return sb.toString();
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "empty";
        }
        return n.isObject() ? "a map without Parameters" : n.isArray() ? "a list" : "'" + n.asText() + "'";
    }
}
