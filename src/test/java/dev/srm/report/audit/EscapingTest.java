package dev.srm.report.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF locations are URI references, whatever the file names hold (the escapers have their own test, EscapersTest). */
class EscapingTest {

    @Test
    void sarif_uris_are_uri_references() {
        assertThat(SarifAuditRenderer.artifact("scenarios/a b/x.yaml").path("uri").asText()).isEqualTo("scenarios/a%20b/x.yaml");
        assertThat(SarifAuditRenderer.artifact("./x.yaml").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(SarifAuditRenderer.artifact("./x.yaml").path("uri").asText()).isEqualTo("x.yaml");
        assertThat(SarifAuditRenderer.artifact("/srv/é.yaml").path("uri").asText()).isEqualTo("file:///srv/%C3%A9.yaml");
        assertThat(SarifAuditRenderer.artifact("/srv/x.yaml").has("uriBaseId")).isFalse();
        assertThat(SarifAuditRenderer.artifact("C:\\data\\x.yaml").path("uri").asText()).isEqualTo("file:///C:/data/x.yaml");
        assertThat(SarifAuditRenderer.artifact("<stdin>:3")).isNull();
    }
}
