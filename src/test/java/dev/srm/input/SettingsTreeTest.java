package dev.srm.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.facts.Setting;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings back into configuration (srm import's files, srm matrix's --config): the tree
 * flattening gives is the tree srm writes back, types and all.
 */
class SettingsTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Setting> flatten(JsonNode configuration) {
        List<Setting> out = new ArrayList<>();
        Settings.flatten("r", "", "", configuration, out);
        return out;
    }

    @Test
    void a_load_balancer_with_key_value_attributes_and_listeners_comes_back_as_it_was() throws Exception {
        JsonNode alb = JSON.readTree("""
                {"Type": "application", "Scheme": "internet-facing", "IpAddressType": "ipv4",
                 "Subnets": ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"],
                 "SecurityGroups": [],
                 "LoadBalancerAttributes": [
                   {"Key": "deletion_protection.enabled", "Value": "true"},
                   {"Key": "access_logs.s3.enabled", "Value": "true"},
                   {"Key": "idle_timeout.timeout_seconds", "Value": "60"}],
                 "Tags": [{"Key": "environment", "Value": "production"}],
                 "MinimumCapacity": {}, "Weight": 0.5, "Port": 443, "Enabled": false}""");
        List<Setting> settings = flatten(alb);
        assertThat(settings).extracting(Setting::path).contains("LoadBalancerAttributes[Key=deletion_protection.enabled].Value");
        // a setting is text: the attribute strings "true" and "60" come back typed by their text (CloudFormation reads both alike)
        JsonNode typed = JSON.readTree(alb.toString().replace("\"Value\":\"true\"", "\"Value\":true").replace("\"Value\":\"60\"", "\"Value\":60"));
        assertThat(Settings.tree(settings).toString()).as("selector paths are the same leaves again, written once")
                .isEqualTo(typed.toString());
    }

    @Test
    void values_keep_their_type_only_when_their_text_is_exactly_theirs() {
        assertThat(Settings.value("443").isNumber()).isTrue();
        assertThat(Settings.value("true").isBoolean()).isTrue();
        assertThat(Settings.value("7.10").isTextual()).as("an engine version, not the number 7.1").isTrue();
        assertThat(Settings.value("0123").isTextual()).as("an account-like id keeps its zero").isTrue();
        assertThat(Settings.value("123456789012345678901").isTextual()).as("beyond a long: an id").isTrue();
        assertThat(Settings.value(null).isNull()).isTrue();
    }

    @Test
    void paths_make_the_objects_and_lists_on_the_way_and_a_clash_writes_nothing() {
        ObjectNode root = JSON.createObjectNode();
        assertThat(Settings.put(root, "NetworkInterfaces[1].AssociatePublicIpAddress", "true")).isTrue();
        assertThat(Settings.put(root, "NetworkInterfaces", "none")).as("a value where a list is").isFalse();
        assertThat(Settings.put(root, "NetworkInterfaces.DeviceIndex", "0")).as("a property of a list").isFalse();
        assertThat(Settings.put(root, "NetworkInterfaces[1].AssociatePublicIpAddress.Value", "x")).as("parts of a value").isFalse();
        assertThat(Settings.put(root, "NetworkInterfaces[1].AssociatePublicIpAddress", "false")).as("the same path again").isTrue();
        assertThat(Settings.put(root, "NetworkInterfaces[1].AssociatePublicIpAddress", "true")).isTrue();
        assertThat(Settings.put(root, "Rules[" + (Settings.MAX_GAP + 1) + "]", "x")).as("far past a new list's end").isFalse();
        assertThat(Settings.put(root, "NetworkInterfaces[" + (2 + Settings.MAX_GAP + 1) + "]", "x")).as("far past its end").isFalse();
        assertThat(Settings.put(root, "Tags[Key=owner].Value", "x")).as("a selector is not a path").isFalse();
        assertThat(Settings.put(root, "A..B", "x")).isFalse();
        assertThat(Settings.put(root, "Rules[99999999999]", "x")).as("an index no list has").isFalse();
        assertThat(root.toString()).isEqualTo("{\"NetworkInterfaces\":[null,{\"AssociatePublicIpAddress\":true}]}");
    }
}
