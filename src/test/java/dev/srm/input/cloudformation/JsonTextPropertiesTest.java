package dev.srm.input.cloudformation;

import dev.srm.model.Evaluation;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property of CloudFormation type Json may be written as JSON text (a policy built with
 * Fn::Sub, an EMR security configuration pasted whole); CloudFormation deploys the document the
 * text holds, and srm judges that document.
 */
class JsonTextPropertiesTest {
    private static final Evaluation E = Packs.evaluateTemplate(Path.of("src/test/resources/templates-json-strings/policies-as-json-text.yaml"));

    @Test
    void a_bucket_policy_written_as_json_text_is_read_as_the_policy_it_is() {
        // the text was one opaque string: the bucket policy had no statements, so a bucket everyone may read met S3.2 (CRITICAL)
        assertThat(control(E, "DownloadsBucket", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MISSING);
        assertThat(control(E, "ReportsBucket", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MET);
        assertThat(control(E, "ReportsBucket", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MET);
    }

    @Test
    void an_emr_security_configuration_written_as_json_text_is_judged_on_its_settings() {
        // both were MISSING with "EnableAtRestEncryption = true is not in the configuration"
        assertThat(control(E, "EmrEncryption", "emr-security-config-at-rest").status()).isEqualTo(Status.MET);
        assertThat(control(E, "EmrEncryption", "emr-security-config-in-transit").status()).isEqualTo(Status.MET);
        assertThat(control(E, "EmrNoTransit", "emr-security-config-at-rest").status()).isEqualTo(Status.MET);
        assertThat(control(E, "EmrNoTransit", "emr-security-config-in-transit").status()).isEqualTo(Status.MISSING);
    }
}
