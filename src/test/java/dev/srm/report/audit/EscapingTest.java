package dev.srm.report.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SARIF locations are URI references, whatever the file names hold (the escapers have their own test, EscapersTest). */
class EscapingTest {

    @Test
    void sarif_uris_are_uri_references() {
        assertThat(SarifAuditRenderer.artifact("scenarios/a b/x.yaml").uri()).isEqualTo("scenarios/a%20b/x.yaml");
        assertThat(SarifAuditRenderer.artifact("./x.yaml").uriBaseId()).isEqualTo("%SRCROOT%");
        assertThat(SarifAuditRenderer.artifact("./x.yaml").uri()).isEqualTo("x.yaml");
        assertThat(SarifAuditRenderer.artifact("/srv/é.yaml").uri()).isEqualTo("file:///srv/%C3%A9.yaml");
        assertThat(SarifAuditRenderer.artifact("/srv/x.yaml").uriBaseId()).isNull();
        assertThat(SarifAuditRenderer.artifact("C:\\data\\x.yaml").uri()).isEqualTo("file:///C:/data/x.yaml");
        assertThat(SarifAuditRenderer.artifact("<stdin>:3")).isNull();
    }
}
