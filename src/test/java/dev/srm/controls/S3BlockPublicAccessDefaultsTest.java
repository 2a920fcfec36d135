package dev.srm.controls;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3.2 and S3.3 (and CloudTrail.6, which carries them for a trail's bucket) read a bucket's policy and ACL through its
 * Block Public Access: the Config rules are compliant when Block Public Access restricts public policies and public
 * ACLs. A bucket a template creates without PublicAccessBlockConfiguration gets all four settings on (the S3 default
 * since April 2023), which S3.8 already accepted; S3.2 and S3.3 judged the same bucket as if the settings were off.
 * A deployed bucket (an AWS Config item) may predate the default and is judged as before. And S3 rejects a public
 * policy or a public canned ACL on a bucket that blocks them, so the template cannot be deployed: a notice says so.
 */
class S3BlockPublicAccessDefaultsTest {
    /** A static website: index and error documents, and a policy that lets anyone read its objects. */
    private static String website(String publicAccessBlock) {
        return """
                AWSTemplateFormatVersion: "2010-09-09"
                Description: Static website hosted on Amazon S3
                Resources:
                  WebsiteBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub "www-example-${AWS::AccountId}"
                      WebsiteConfiguration:
                        IndexDocument: index.html
                        ErrorDocument: error.html
                """ + publicAccessBlock + """
                  WebsiteBucketPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref WebsiteBucket
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Sid: PublicReadForGetBucketObjects
                            Effect: Allow
                            Principal: "*"
                            Action: s3:GetObject
                            Resource: !Sub "arn:aws:s3:::${WebsiteBucket}/*"
                Outputs:
                  WebsiteURL:
                    Value: !GetAtt WebsiteBucket.WebsiteURL
                """;
    }

    private static final String ALL_FALSE = """
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: false
                    BlockPublicPolicy: false
                    IgnorePublicAcls: false
                    RestrictPublicBuckets: false
            """;

    private static final String ALL_TRUE = """
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """;

    /** A trail and the bucket it delivers to, which a canned ACL makes readable by everyone; CloudTrail's own policy. */
    private static final String TRAIL = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              AuditLogBucket:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: PublicRead
                  BucketName: !Sub "audit-logs-${AWS::AccountId}"
              AuditLogBucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref AuditLogBucket
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Sid: AWSCloudTrailAclCheck
                        Effect: Allow
                        Principal:
                          Service: cloudtrail.amazonaws.com
                        Action: s3:GetBucketAcl
                        Resource: !GetAtt AuditLogBucket.Arn
                      - Sid: AWSCloudTrailWrite
                        Effect: Allow
                        Principal:
                          Service: cloudtrail.amazonaws.com
                        Action: s3:PutObject
                        Resource: !Sub "${AuditLogBucket.Arn}/AWSLogs/${AWS::AccountId}/*"
                        Condition:
                          StringEquals:
                            "s3:x-amz-acl": bucket-owner-full-control
              AuditTrail:
                Type: AWS::CloudTrail::Trail
                DependsOn: AuditLogBucketPolicy
                Properties:
                  TrailName: organization-audit
                  S3BucketName: !Ref AuditLogBucket
                  IsLogging: true
                  IsMultiRegionTrail: true
                  IncludeGlobalServiceEvents: true
                  EnableLogFileValidation: true
            """;

    /**
     * The website bucket as AWS Config records it once deployed: no bucket-level Block Public Access in its
     * supplementary configuration, an ACL that grants only the owner, and the public-read policy.
     */
    private static final String CONFIG_ITEM = """
            {"fileVersion": "1.0", "configSnapshotId": "0d6a4c1e-2f3b-4a5c-8d7e-9f0a1b2c3d4e", "configurationItems": [
              {"relatedEvents": [], "relationships": [],
               "configuration": {"name": "www-example-111122223333", "owner": {"displayName": null, "id": "5e8d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d"},
                 "creationDate": "2020-08-04T09:12:45.000Z"},
               "supplementaryConfiguration": {
                 "AccessControlList": "{\\"grantSet\\":null,\\"grantList\\":[{\\"grantee\\":{\\"id\\":\\"5e8d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d\\",\\"displayName\\":null},\\"permission\\":\\"FullControl\\"}],\\"owner\\":{\\"displayName\\":null,\\"id\\":\\"5e8d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d\\"},\\"isRequesterCharged\\":false}",
                 "BucketPolicy": {"policyText": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Sid\\":\\"PublicReadForGetBucketObjects\\",\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::www-example-111122223333/*\\"}]}"},
                 "BucketVersioningConfiguration": {"status": "Off", "isMfaDeleteEnabled": null},
                 "BucketWebsiteConfiguration": {"indexDocumentSuffix": "index.html", "errorDocument": "error.html", "routingRules": []},
                 "IsRequesterPaysEnabled": false},
               "tags": {}, "configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-03-01T08:00:00.000Z",
               "configurationStateId": 1772352000000, "awsAccountId": "111122223333", "configurationItemStatus": "OK",
               "resourceType": "AWS::S3::Bucket", "resourceId": "www-example-111122223333", "resourceName": "www-example-111122223333",
               "ARN": "arn:aws:s3:::www-example-111122223333", "awsRegion": "us-east-1", "availabilityZone": "Regional",
               "configurationStateMd5Hash": "", "resourceCreationTime": "2020-08-04T09:12:45.000Z"}
            ]}
            """;

    private static Evaluation evaluate(String name, String text, InputFormat format) {
        List<Evaluation> e = Packs.srm().evaluate(name, text.getBytes(StandardCharsets.UTF_8), format, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    private static Evaluation template(String text) {
        return evaluate("template.yaml", text, InputFormat.cloudformation);
    }

    private static List<String> notices(Evaluation e, String resource) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).findFirst().map(ResourceResult::notices)
                .orElseThrow(() -> new AssertionError(resource + " not in the evaluation"));
    }

    @Test
    void a_public_read_policy_on_a_bucket_that_turns_block_public_access_off_fails_s3_2() {
        Evaluation e = template(website(ALL_FALSE));

        ControlResult read = control(e, "WebsiteBucket", "s3-bucket-public-read-prohibited");
        assertThat(read.status()).as("%s", read.evidence()).isEqualTo(Status.MISSING);
        assertThat(read.evidence()).anySatisfy(ev -> assertThat(ev).startsWith("NOT_MET:").contains("WebsiteBucketPolicy")
                .contains("Allow [s3:GetObject] to every principal"));
        assertThat(control(e, "WebsiteBucket", "s3-block-public-access").status()).isEqualTo(Status.MISSING);
        // the settings are off: S3 accepts the policy, and the bucket is public as the template means it to be
        assertThat(notices(e, "WebsiteBucket")).isEmpty();
    }

    @Test
    void the_same_policy_on_a_bucket_that_leaves_block_public_access_to_the_default_is_not_public() {
        Evaluation e = template(website(""));

        for (String id : List.of("s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited")) {
            ControlResult c = control(e, "WebsiteBucket", id);
            assertThat(c.status()).as("%s: %s", id, c.evidence()).isEqualTo(Status.MET);
            assertThat(c.evidence()).as(id).anySatisfy(ev -> assertThat(ev).startsWith("MET:")
                    .contains("no PublicAccessBlockConfiguration").contains("April 2023").contains("RestrictPublicBuckets"));
            assertThat(c.evidence()).as(id).noneSatisfy(ev -> assertThat(ev).startsWith("NOT_MET:"));
        }
        // S3.8 on the same bucket says the same
        assertThat(control(e, "WebsiteBucket", "s3-block-public-access").status()).isEqualTo(Status.MET);
        // and S3 would refuse the policy: the stack does not deploy as written
        assertThat(notices(e, "WebsiteBucket")).singleElement().asString()
                .contains("WebsiteBucketPolicy").contains("BlockPublicPolicy").contains("PutBucketPolicy");
    }

    @Test
    void a_public_policy_on_a_bucket_that_states_block_public_access_on_is_a_deployment_that_fails() {
        Evaluation e = template(website(ALL_TRUE));

        assertThat(control(e, "WebsiteBucket", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MET);
        assertThat(notices(e, "WebsiteBucket")).singleElement().asString()
                .contains("WebsiteBucketPolicy").contains("BlockPublicPolicy is true").contains("PutBucketPolicy");
    }

    @Test
    void the_deployed_bucket_without_a_recorded_block_is_judged_on_its_policy_as_before() {
        Evaluation e = evaluate("snapshot.json", CONFIG_ITEM, InputFormat.config);
        String arn = "arn:aws:s3:::www-example-111122223333";

        // a bucket made in 2020 has no Block Public Access unless someone turned it on: the policy decides
        ControlResult read = control(e, arn, "s3-bucket-public-read-prohibited");
        assertThat(read.status()).as("%s", read.evidence()).isEqualTo(Status.MISSING);
        assertThat(read.evidence()).noneSatisfy(ev -> assertThat(ev).contains("April 2023"));
        assertThat(control(e, arn, "s3-block-public-access").status()).isNotEqualTo(Status.MET);
        // it is deployed: no deployment to fail
        assertThat(notices(e, arn)).isEmpty();
    }

    @Test
    void a_trail_bucket_with_a_public_read_acl_and_the_default_block_is_not_public() {
        Evaluation e = template(TRAIL);

        ControlResult trailBucket = control(e, "AuditLogBucket", "cloudtrail-s3-bucket-not-public");
        assertThat(trailBucket.status()).as("%s", trailBucket.evidence()).isEqualTo(Status.MET);
        ControlResult read = control(e, "AuditLogBucket", "s3-bucket-public-read-prohibited");
        assertThat(read.status()).as("%s", read.evidence()).isEqualTo(Status.MET);
        assertThat(read.evidence()).anySatisfy(ev -> assertThat(ev).contains("IgnorePublicAcls").contains("April 2023"));
        // S3 refuses the public canned ACL on a new bucket: creating it fails
        assertThat(notices(e, "AuditLogBucket")).singleElement().asString()
                .contains("AccessControl PublicRead").contains("BlockPublicAcls").contains("BucketOwnerEnforced");
    }

    @Test
    void a_public_acl_on_a_bucket_that_turns_block_public_access_off_still_fails_but_acls_are_disabled_by_default() {
        Evaluation e = template(TRAIL.replace("""
                      AccessControl: PublicRead
                """, """
                      AccessControl: PublicRead
                      PublicAccessBlockConfiguration:
                        BlockPublicAcls: false
                        BlockPublicPolicy: false
                        IgnorePublicAcls: false
                        RestrictPublicBuckets: false
                """));

        assertThat(control(e, "AuditLogBucket", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "AuditLogBucket", "cloudtrail-s3-bucket-not-public").status()).isEqualTo(Status.MISSING);
        // Object Ownership left out is BucketOwnerEnforced on a new bucket: S3 takes no ACL but bucket-owner-full-control
        assertThat(notices(e, "AuditLogBucket")).singleElement().asString()
                .contains("AccessControl PublicRead").contains("BucketOwnerEnforced").doesNotContain("BlockPublicAcls");
    }
}
