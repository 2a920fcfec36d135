package dev.srm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SARIF report validates against the official SARIF 2.1.0 schema (committed under
 * src/test/resources/sarif). The validator never touches the network: the schema's own URI
 * maps to the committed file, the draft-04 meta-schema is the validator's built-in one, and
 * a loader that fails the test answers any other URI.
 */
class SarifSchemaTest {
    static final String SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String LOCAL = "classpath:sarif/sarif-schema-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> fetched = new ArrayList<>();
    private static JsonSchema schema;

    /** Loads classpath resources only; records (and refuses) anything else. */
    private static final SchemaLoader LOCAL_ONLY = (AbsoluteIri iri) -> {
        String s = iri.toString();
        if (s.startsWith("classpath:")) {
            String resource = s.substring("classpath:".length());
            return (InputStreamSource) () -> {
                InputStream in = SarifSchemaTest.class.getClassLoader().getResourceAsStream(resource);
                if (in == null) {
                    throw new java.io.FileNotFoundException(resource);
                }
                return in;
            };
        }
        fetched.add(s);
        throw new IllegalStateException("the SARIF schema test must not fetch " + s);
    };

    @BeforeAll
    static void loadSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                .schemaMappers(m -> m.mapPrefix(SARIF_SCHEMA_URI, LOCAL))
                .schemaLoaders(l -> l.values(list -> {
                    list.clear();
                    list.add(LOCAL_ONLY);
                })));
        schema = factory.getSchema(SchemaLocation.of(SARIF_SCHEMA_URI));
        schema.initializeValidators();
    }

    private static Set<ValidationMessage> validate(JsonNode sarif) {
        return schema.validate(sarif);
    }

    @Test
    void the_audit_sarif_report_is_valid_sarif_2_1_0() throws Exception {
        JsonNode sarif = JSON.readTree(AuditCorpus.corpus().reports().get(AuditFormat.sarif));
        assertThat(validate(sarif)).isEmpty();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("$schema").asText()).isEqualTo(SARIF_SCHEMA_URI);
        assertThat(fetched).isEmpty();
    }

    @Test
    void waived_findings_are_valid_sarif_suppressions_with_fingerprints() throws Exception {
        // the golden report of scenarios/waivers (dev.srm.policy.WaiverReportsTest writes and checks it)
        JsonNode sarif = JSON.readTree(java.nio.file.Path.of("src/test/resources/golden/waivers/audit/audit.sarif").toFile());
        assertThat(validate(sarif)).isEmpty();
        JsonNode results = sarif.path("runs").path(0).path("results");
        assertThat(results.findValues("suppressions")).hasSize(2)
                .allSatisfy(s -> assertThat(s.path(0).path("kind").asText()).isEqualTo("external"));
        assertThat(results.findValues("srmFingerprint/v1")).hasSize(results.size());
        ObjectNode baseline = (ObjectNode) results.path(0);
        baseline.put("baselineState", "new");
        assertThat(validate(sarif)).isEmpty();
        baseline.put("baselineState", "fresh");
        assertThat(validate(sarif)).as("baselineState is one of SARIF's four values").isNotEmpty();
    }

    @Test
    void one_result_per_finding_with_rule_metadata_and_the_resource_line() throws Exception {
        JsonNode run = JSON.readTree(AuditCorpus.corpus().reports().get(AuditFormat.sarif)).path("runs").path(0);
        JsonNode json = JSON.readTree(AuditCorpus.corpus().reports().get(AuditFormat.json));
        assertThat(run.path("results").size()).isEqualTo(json.path("portfolio").path("totals").path("findings").asInt()).isEqualTo(64);

        JsonNode rules = run.path("tool").path("driver").path("rules");
        JsonNode rule = null;
        for (JsonNode r : rules) {
            if ("s3-block-public-access".equals(r.path("id").asText())) {
                rule = r;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        assertThat(rule.path("helpUri").asText()).startsWith("https://docs.aws.amazon.com/AmazonS3/");
        assertThat(rule.path("help").path("text").asText()).contains("Block Public Access").contains(rule.path("helpUri").asText());

        JsonNode result = null;
        for (JsonNode r : run.path("results")) {
            if ("s3-block-public-access".equals(r.path("ruleId").asText())
                    && "s3-script".equals(r.path("properties").path("scenario").asText())) {
                result = r;
            }
        }
        assertThat(result).isNotNull();
        assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo("s3-block-public-access");
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("src/test/resources/audit-corpus/data/s3-script.yaml");
        assertThat(physical.path("region").path("startLine").asInt()).as("the line of '- id: public-bucket'").isEqualTo(7);
        assertThat(result.path("level").asText()).isEqualTo("error");

        JsonNode invocation = run.path("invocations").path(0);
        assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
        assertThat(invocation.path("toolExecutionNotifications").size()).isEqualTo(4);
    }

    @Test
    void the_schema_is_enforced_not_just_loaded() throws Exception {
        ObjectNode broken = (ObjectNode) JSON.readTree(AuditCorpus.corpus().reports().get(AuditFormat.sarif));
        broken.put("version", "2.0.0");
        ((ObjectNode) broken.path("runs").path(0).path("results").path(0)).put("level", "fatal");
        assertThat(validate(broken)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(fetched).isEmpty();
    }
}
