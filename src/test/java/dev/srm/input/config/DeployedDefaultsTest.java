package dev.srm.input.config;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A default that AWS gives new resources is no evidence about a deployed one: AWS Config describes
 * buckets made before S3 turned Block Public Access on for new buckets (April 2023), and holds no
 * key policy for a KMS key at all. Such controls are UNKNOWN on Config items, never MET; the same
 * resources in a template, which creates them, still take the default.
 */
class DeployedDefaultsTest {
    /** A bucket made in 2019 with a public-read ACL and no bucket-level Block Public Access, and a key: as a snapshot holds them. */
    private static final String SNAPSHOT = """
            {"fileVersion": "1.0", "configSnapshotId": "5c1e3f2a-8d7b-4e0c-9a6f-2b3c4d5e6f70", "configurationItems": [
              {"relatedEvents": [], "relationships": [],
               "configuration": {"name": "acme-public-assets", "owner": {"displayName": null, "id": "7f3e0a8c"}, "creationDate": "2019-05-14T10:21:33.000Z"},
               "supplementaryConfiguration": {
                 "AccessControlList": "{\\"grantSet\\":null,\\"grantList\\":[{\\"grantee\\":\\"AllUsers\\",\\"permission\\":\\"Read\\"}],\\"owner\\":{\\"displayName\\":null,\\"id\\":\\"7f3e0a8c\\"},\\"isRequesterCharged\\":false}",
                 "BucketVersioningConfiguration": {"status": "Off", "isMfaDeleteEnabled": null},
                 "IsRequesterPaysEnabled": false},
               "tags": {}, "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-03-01T08:00:00.000Z",
               "configurationStateId": 1772352000000, "awsAccountId": "111122223333", "configurationItemStatus": "OK",
               "resourceType": "AWS::S3::Bucket", "resourceId": "acme-public-assets", "resourceName": "acme-public-assets",
               "ARN": "arn:aws:s3:::acme-public-assets", "awsRegion": "us-east-1", "availabilityZone": "Regional",
               "configurationStateMd5Hash": "", "resourceCreationTime": "2019-05-14T10:21:33.000Z"},
              {"relatedEvents": [], "relationships": [],
               "configuration": {"aWSAccountId": "111122223333", "keyId": "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
                 "arn": "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "creationDate": "2021-02-03T12:00:00.000Z",
                 "enabled": true, "description": "orders data key", "keyUsage": "ENCRYPT_DECRYPT", "keyState": "Enabled", "origin": "AWS_KMS",
                 "keyManager": "CUSTOMER", "customerMasterKeySpec": "SYMMETRIC_DEFAULT", "keySpec": "SYMMETRIC_DEFAULT",
                 "encryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "multiRegion": false},
               "supplementaryConfiguration": {"KeyRotationStatus": "true"},
               "tags": {}, "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-03-01T08:00:00.000Z",
               "configurationStateId": 1772352000000, "awsAccountId": "111122223333", "configurationItemStatus": "OK",
               "resourceType": "AWS::KMS::Key", "resourceId": "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "resourceName": null,
               "ARN": "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d", "awsRegion": "us-east-1",
               "availabilityZone": "Not Applicable", "configurationStateMd5Hash": "", "resourceCreationTime": "2021-02-03T12:00:00.000Z"}
            ]}
            """;

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              PublicAssets:
                Type: AWS::S3::Bucket
              OrdersKey:
                Type: AWS::KMS::Key
                Properties: {Description: orders data key, EnableKeyRotation: true}
            """;

    private static Evaluation evaluate(String name, String text, InputFormat format) {
        List<Evaluation> e = Packs.srm().evaluate(name, text.getBytes(StandardCharsets.UTF_8), format, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    @Test
    void a_deployed_bucket_without_a_recorded_block_is_not_taken_for_a_new_bucket() {
        Evaluation config = evaluate("snapshot.json", SNAPSHOT, InputFormat.config);
        ControlResult block = control(config, "arn:aws:s3:::acme-public-assets", "s3-block-public-access");
        assertThat(block.status()).as("%s", block.evidence()).isNotEqualTo(Status.MET);
        assertThat(block.evidence()).noneSatisfy(ev -> assertThat(ev).contains("since April 2023"));
        // what Config does record is read: versioning "Off" (never enabled) is not enabled
        assertThat(control(config, "arn:aws:s3:::acme-public-assets", "s3-versioning").status()).isEqualTo(Status.MISSING);

        Evaluation template = evaluate("assets.yaml", TEMPLATE, InputFormat.cloudformation);
        assertThat(control(template, "PublicAssets", "s3-block-public-access").status()).isEqualTo(Status.MET);
    }

    @Test
    void a_key_whose_policy_the_input_does_not_hold_is_not_judged_on_the_default_policy() {
        Evaluation config = evaluate("snapshot.json", SNAPSHOT, InputFormat.config);
        ControlResult notPublic = control(config, "arn:aws:kms:us-east-1:111122223333:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
                "kms-key-not-public");
        assertThat(notPublic.status()).as("%s", notPublic.evidence()).isEqualTo(Status.UNKNOWN);

        Evaluation template = evaluate("key.yaml", TEMPLATE, InputFormat.cloudformation);
        assertThat(control(template, "OrdersKey", "kms-key-not-public").status()).isEqualTo(Status.MET);
    }
}
