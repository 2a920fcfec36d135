package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mapping entry's {@code when}: through the bundled AWS Config mapping of an S3 bucket's ACL,
 * whose group grants become the canned ACL that grants the same. A condition on a path that
 * selects several values (every grant to AllUsers) holds when any of them is listed.
 */
class ConditionsTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode accessControl(String grants) throws Exception {
        JsonNode item = json.readTree("""
                {"configuration": {"name": "acme-assets"}, "supplementaryConfiguration": {"AccessControlList":
                  {"grantList": [{"grantee": {"id": "7f3e0a8c", "displayName": null}, "permission": "FullControl"}%s],
                   "owner": {"id": "7f3e0a8c"}}}}
                """.formatted(grants));
        Mapping m = MappingSet.bundled("config").forResource("AWS::S3::Bucket", item).orElseThrow();
        return new Projector().project(m, item, Projector.Resolver.NONE).configuration().get("AccessControl");
    }

    @Test
    void a_condition_holds_when_any_value_its_path_selects_is_listed() throws Exception {
        // the first grant to AllUsers is READ_ACP, which makes nothing public; the second is READ
        assertThat(accessControl(", {\"grantee\": \"AllUsers\", \"permission\": \"ReadAcp\"}, {\"grantee\": \"AllUsers\", \"permission\": \"Read\"}")
                .asText()).isEqualTo("PublicRead");
        assertThat(accessControl(", {\"grantee\": \"AllUsers\", \"permission\": \"Read\"}, {\"grantee\": \"AllUsers\", \"permission\": \"Write\"}")
                .asText()).isEqualTo("PublicReadWrite");
        // FullControl to every AWS account is public write as well as read: no canned ACL says "authenticated read-write",
        // so the one that fails both S3.2 and S3.3 stands for it
        assertThat(accessControl(", {\"grantee\": \"AuthenticatedUsers\", \"permission\": \"FullControl\"}").asText())
                .isEqualTo("PublicReadWrite");
        assertThat(accessControl(", {\"grantee\": \"AuthenticatedUsers\", \"permission\": \"Read\"}").asText())
                .isEqualTo("AuthenticatedRead");
    }

    @Test
    void a_path_that_selects_nothing_is_absent() throws Exception {
        // no grant to either group: not public, whatever else the ACL grants
        assertThat(accessControl(", {\"grantee\": \"LogDelivery\", \"permission\": \"Write\"}").asText()).isEqualTo("Private");
        assertThat(accessControl(", {\"grantee\": \"AllUsers\", \"permission\": \"ReadAcp\"}")).isNull();
    }
}
