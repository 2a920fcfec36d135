package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which configuration paths a source resource states, its value or its absence, through the
 * bundled Terraform mapping of an S3 bucket (provider 3.x attributes, as a plan or state holds them).
 */
class StatedPathsTest {
    private static final MappingSet TERRAFORM = MappingSet.bundled("terraform");
    private final ObjectMapper json = new ObjectMapper();

    private Set<String> stated(String values) throws Exception {
        JsonNode source = json.readTree(values);
        Mapping m = TERRAFORM.forResource("aws_s3_bucket", source).orElseThrow();
        return new Projector().project(m, source, Projector.Resolver.NONE).stated();
    }

    @Test
    void a_null_attribute_is_stated_a_missing_one_is_not() throws Exception {
        assertThat(stated("{\"bucket\": \"logs\", \"acl\": null}")).contains("BucketName", "AccessControl")
                .doesNotContain("ObjectLockEnabled");
    }

    @Test
    void an_empty_block_states_everything_beneath_the_path_it_fills() throws Exception {
        assertThat(stated("{\"logging\": [], \"replication_configuration\": []}"))
                .contains("LoggingConfiguration.DestinationBucketName", "LoggingConfiguration.LogFilePrefix",
                        "ReplicationConfiguration.Role", "ReplicationConfiguration.Rules");
    }

    @Test
    void a_list_of_blocks_states_what_every_element_states_and_not_the_list_itself() throws Exception {
        Set<String> s = stated("{\"lifecycle_rule\": [{\"id\": \"expire\", \"enabled\": true}, {\"id\": \"archive\"}]}");
        assertThat(s).contains("LifecycleConfiguration.Rules[*].Id")
                .doesNotContain("LifecycleConfiguration.Rules", "LifecycleConfiguration.Rules[*].Status");
    }

    @Test
    void entries_that_build_one_list_state_what_each_of_them_states() throws Exception {
        // AWS Config's stage: one list from the recorded method settings and, when there is no "*/*" entry, a constant
        // default element (logging OFF); the constant states everything of its element, the recorded ones what they hold
        String stage = "{\"configuration\": {\"stageName\": \"prod\", \"cacheClusterEnabled\": false, \"methodSettings\": "
                + "{\"orders/POST\": {\"loggingLevel\": \"INFO\", \"cachingEnabled\": false, \"cacheDataEncrypted\": false}}}}";
        JsonNode item = json.readTree(stage);
        Mapping m = MappingSet.bundled("config").forResource("AWS::ApiGateway::Stage", item).orElseThrow();
        Projector.Projection p = new Projector().project(m, item, Projector.Resolver.NONE);
        assertThat(p.configuration().at("/MethodSettings").size()).isEqualTo(2);
        assertThat(p.stated()).contains("CacheClusterEnabled", "MethodSettings[*].CachingEnabled", "MethodSettings[*].LoggingLevel")
                .doesNotContain("MethodSettings", "MethodSettings[*].MetricsEnabled");
    }

    @Test
    void a_value_known_only_after_apply_states_nothing() throws Exception {
        assertThat(stated("{\"logging\": \"" + Unknown.MARKER + "\", \"acl\": \"" + Unknown.UNSET_MARKER + "\"}"))
                .noneMatch(p -> p.startsWith("LoggingConfiguration") || p.equals("AccessControl"));
        assertThat(stated("{\"lifecycle_rule\": [{\"id\": \"" + Unknown.MARKER + "\", \"enabled\": true}]}"))
                .contains("LifecycleConfiguration.Rules[*].Status").doesNotContain("LifecycleConfiguration.Rules[*].Id");
    }
}
