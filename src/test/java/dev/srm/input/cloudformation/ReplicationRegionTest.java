package dev.srm.input.cloudformation;

import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3.7 asks for cross-Region replication. A stack deploys to one Region, so a bucket that
 * replicates only to a bucket of the same template (by Fn::GetAtt, or by an ARN of its
 * BucketName) has Same-Region Replication: it was MET on any enabled rule with a destination.
 */
class ReplicationRegionTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-s3/replication.yaml");

    @Test
    void replication_to_a_bucket_of_the_same_stack_is_not_cross_region() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        assertThat(t.status("ThumbnailsBucket", "s3-bucket-cross-region-replication")).isEqualTo(Status.MISSING);
        assertThat(t.resource("ThumbnailsBucket").control("s3-bucket-cross-region-replication").evidence())
                .anyMatch(e -> e.contains("copies to ThumbnailsCopyBucket, a bucket of the same stack"));
        assertThat(t.status("PreviewsBucket", "s3-bucket-cross-region-replication")).as("named by the ARN of its BucketName")
                .isEqualTo(Status.MISSING);
    }

    @Test
    void replication_to_a_bucket_outside_the_stack_stays_met() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        assertThat(t.status("OriginalsBucket", "s3-bucket-cross-region-replication")).isEqualTo(Status.MET);
        // arn:aws:s3:::backup names a bucket by its global name, not the stack's bucket whose logical id is backup
        assertThat(t.status("AuditLogsBucket", "s3-bucket-cross-region-replication")).isEqualTo(Status.MET);
        assertThat(t.status("ThumbnailsCopyBucket", "s3-bucket-cross-region-replication")).isEqualTo(Status.MISSING);
    }
}
