package dev.srm.input.cloudformation;

import dev.srm.facts.Setting;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * srm's SAM expansion against SAM's own: the inputs of AWS SAM's translator tests, expanded by
 * srm, give the resources SAM's expected outputs hold, with the same settings once both are read
 * by srm (src/test/resources/sam-translator, Apache-2.0, see its README). The documented
 * differences are normalised away: the hashes SAM puts in the logical ids of deployments,
 * versions and layers, the OpenAPI bodies it generates, the source ARNs of invoke permissions,
 * and the location of code that is a local path.
 */
class SamExpansionTest {
    private static final Path DIR = Path.of("src/test/resources/sam-translator");
    private static final Pattern HASH = Pattern.compile("(Deployment|Version|Layer[A-Za-z]*)[0-9a-f]{10}(?=Stage\\b|\\b)");

    /** A template; SAM's test inputs leave out the transform SAM's tests apply anyway, so it is added when missing. */
    private static Scenario read(Path file) throws Exception {
        String text = Files.readString(file);
        if (file.toString().endsWith(".yaml") && !text.contains("Transform:")) {
            text = "Transform: AWS::Serverless-2016-10-31\n" + text;
        }
        return new CloudFormationReader().read(file.toString(), text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
    }

    /** Every resource's settings, as id -> path = value, without what srm leaves out on purpose. */
    private static Map<String, Map<String, String>> resources(Scenario s) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (ResourceSpec r : s.resources()) {
            Map<String, String> settings = new TreeMap<>();
            for (Setting x : r.settings()) {
                String p = x.path();
                if (p.startsWith("Body") || p.startsWith("SourceArn") || p.startsWith("Description") || p.contains("[Key=")
                        || p.startsWith("StageName") && "AWS::ApiGateway::Deployment".equals(r.type())
                        || p.startsWith("DefinitionString") || p.startsWith("Name") && r.type().startsWith("AWS::ApiGateway")) {
                    continue;
                }
                settings.put(p, x.value() == null ? null : HASH.matcher(x.value()).replaceAll("$1"));
            }
            // the order of managed policies means nothing to IAM (and SAM's own outputs differ in it)
            String managed = settings.keySet().stream().filter(k -> k.startsWith("ManagedPolicyArns[")).map(settings::get).sorted()
                    .collect(java.util.stream.Collectors.joining(", "));
            settings.keySet().removeIf(k -> k.startsWith("ManagedPolicyArns["));
            if (!managed.isEmpty()) {
                settings.put("ManagedPolicyArns", managed);
            }
            out.put(HASH.matcher(r.id()).replaceAll("$1") + " " + r.type(), settings);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic_function", "function_with_tracing", "function_with_dlq", "function_with_policy_templates",
            "implicit_api", "implicit_http_api", "explicit_http_api_minimum", "http_api_explicit_stage", "globals_for_simpletable",
            "simple_table_with_table_name", "basic_layer", "sns_sqs", "state_machine_with_definition_S3_string",
            "globals_for_function", "function_with_event_source_mapping", "function_with_sns_event_source_all_parameters", "s3",
            "function_with_conditional_policy_template", "function_with_event_dest_s3_bucket",
            "function_with_conditional_iam_role_if",
            "implicit_api_with_many_conditions", "implicit_and_explicit_api_with_conditions"})
    void srm_expands_sam_as_sam_does(String name) throws Exception {
        Map<String, Map<String, String>> srm = resources(read(DIR.resolve("input/" + name + ".yaml")));
        Map<String, Map<String, String>> sam = resources(read(DIR.resolve("output/" + name + ".json")));
        assertThat(srm.keySet()).as("the resources SAM creates").isEqualTo(sam.keySet());
        assertThat(srm).isEqualTo(sam);
    }
}
