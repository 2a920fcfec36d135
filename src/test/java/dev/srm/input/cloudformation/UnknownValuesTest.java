package dev.srm.input.cloudformation;

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
 * A value a template leaves to the deployment (a parameter without a default, a condition srm
 * cannot decide) is unknown, and two unknowns are the same value only when they are the same
 * expression: rules that join resources by value (a bucket policy's Bucket and a bucket's
 * BucketName) must not give one bucket's policy to every bucket named after the same parameter.
 */
class UnknownValuesTest {
    private static Evaluation evaluate(String template) {
        List<Evaluation> e = Packs.srm().evaluate("app.yaml", template.getBytes(StandardCharsets.UTF_8), InputFormat.cloudformation,
                false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    private static final String SITE_AND_DATA = """
            AWSTemplateFormatVersion: "2010-09-09"
            Parameters:
              AppName: {Type: String, Description: Prefix of every bucket name}
            Resources:
              WebsiteBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub '${AppName}-site'
                  PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false}
              WebsiteBucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Sub '${AppName}-site'
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Sid: PublicRead
                        Effect: Allow
                        Principal: '*'
                        Action: s3:GetObject
                        Resource: !Sub 'arn:aws:s3:::${AppName}-site/*'
              DataBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub '${AppName}-data'
            """;

    @Test
    void a_policy_on_one_bucket_named_after_a_parameter_is_not_given_to_another_bucket_named_after_it() {
        Evaluation e = evaluate(SITE_AND_DATA);

        assertThat(control(e, "WebsiteBucket", "s3-bucket-public-read-prohibited").status()).isEqualTo(Status.MISSING);
        ControlResult data = control(e, "DataBucket", "s3-bucket-public-read-prohibited");
        assertThat(data.status()).as("DataBucket has no policy: %s", data.evidence()).isEqualTo(Status.MET);
        assertThat(data.evidence()).noneSatisfy(ev -> assertThat(ev).contains("WebsiteBucketPolicy"));
    }

    @Test
    void a_deny_without_tls_on_one_bucket_does_not_meet_the_control_on_a_bucket_chosen_by_another_branch_of_the_condition() {
        Evaluation e = evaluate("""
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  Stage: {Type: String, AllowedValues: [prod, dev]}
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Logs:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !If [IsProd, acme-logs-prod, acme-logs-dev]
                  LogsPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !If [IsProd, acme-logs-prod, acme-logs-dev]
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Sid: DenyInsecureTransport
                            Effect: Deny
                            Principal: '*'
                            Action: 's3:*'
                            Resource: ['arn:aws:s3:::acme-logs-*', 'arn:aws:s3:::acme-logs-*/*']
                            Condition: {Bool: {'aws:SecureTransport': 'false'}}
                  Exports:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !If [IsProd, acme-exports-prod, acme-exports-dev]
                """);

        assertThat(control(e, "Logs", "s3-bucket-ssl-requests-only").status())
                .as("the same expression is the same bucket, whichever branch the deployment takes").isEqualTo(Status.MET);
        assertThat(control(e, "Exports", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MISSING);
    }

    @Test
    void the_same_parameter_on_both_sides_still_names_the_same_bucket() {
        Evaluation e = evaluate("""
                AWSTemplateFormatVersion: "2010-09-09"
                Parameters:
                  BucketName: {Type: String}
                Resources:
                  Reports:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Ref BucketName
                  ReportsPolicy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: !Ref BucketName
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Deny
                            Principal: '*'
                            Action: 's3:*'
                            Resource: [!Sub 'arn:aws:s3:::${BucketName}', !Sub 'arn:aws:s3:::${BucketName}/*']
                            Condition: {Bool: {'aws:SecureTransport': 'false'}}
                """);

        assertThat(control(e, "Reports", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MET);
    }

    /**
     * Properties an AWS::Include snippet fills at deploy time, whole or merged beside written keys:
     * what the template leaves out may be in the snippet, so an absent setting is no evidence
     * (UNKNOWN), while what it writes is still judged. Before, the bucket was MISSING for access
     * logging and MET for Block Public Access on CloudFormation's defaults, the queue MET for
     * encryption by SSE-SQS's default, and the merge key was reported as an unknown property.
     */
    @Test
    void properties_an_include_fills_are_not_judged_on_defaults() {
        Evaluation e = evaluate("""
                AWSTemplateFormatVersion: "2010-09-09"
                Resources:
                  ArtifactsBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      Fn::Transform:
                        Name: AWS::Include
                        Parameters: {Location: 's3://platform-snippets/s3/artifacts-bucket.yaml'}
                  OrdersQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: orders
                      Fn::Transform:
                        Name: AWS::Include
                        Parameters: {Location: 's3://platform-snippets/sqs/standard-queue.yaml'}
                  AuditQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: audit
                      SqsManagedSseEnabled: false
                      Fn::Transform:
                        Name: AWS::Include
                        Parameters: {Location: 's3://platform-snippets/sqs/standard-queue.yaml'}
                  PlainQueue:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: plain}
                """);
        assertThat(control(e, "ArtifactsBucket", "s3-access-logging").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(e, "ArtifactsBucket", "s3-block-public-access").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(e, "OrdersQueue", "sqs-queue-encrypted").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(e, "AuditQueue", "sqs-queue-encrypted").status()).as("what the template writes is judged")
                .isEqualTo(Status.MISSING);
        assertThat(control(e, "PlainQueue", "sqs-queue-encrypted").status()).as("a queue the template holds whole")
                .isEqualTo(Status.MET);
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).contains("resource 'OrdersQueue': Fn::Transform in Properties merges")
                .contains("s3://platform-snippets/sqs/standard-queue.yaml"));
        assertThat(e.warnings()).noneSatisfy(w -> assertThat(w).contains("unknown configuration key 'Fn::Transform'"));
    }

    private static final String PIPELINE_BUCKETS = """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: %s
            Resources:
              BuildArtifacts:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: acme-build-artifacts-eu-west-1
                  VersioningConfiguration: {Status: Enabled}
              DeployQueue:
                Type: AWS::SQS::Queue
                Properties: {QueueName: deploy-requests, SqsManagedSseEnabled: false}
            """;

    /**
     * A macro of the account's own in the template's Transform may rewrite any resource (a
     * platform team's macro that adds logging or Block Public Access to every bucket): what the
     * template leaves out is not evidence, what it writes is still judged. CloudFormation's own
     * transforms that srm does not run add resources and leave the written ones as they are.
     */
    @Test
    void a_macro_of_the_accounts_own_may_set_what_the_template_leaves_out() {
        Evaluation custom = evaluate(PIPELINE_BUCKETS.formatted("[AWS::LanguageExtensions, {Name: AcmeBucketHardening, "
                + "Parameters: {LogBucket: acme-s3-access-logs}}]"));
        assertThat(control(custom, "BuildArtifacts", "s3-access-logging").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(custom, "BuildArtifacts", "s3-versioning").status()).isEqualTo(Status.MET);
        assertThat(control(custom, "DeployQueue", "sqs-queue-encrypted").status()).as("what the template writes is judged")
                .isEqualTo(Status.MISSING);
        assertThat(custom.warnings()).anySatisfy(w -> assertThat(w).contains("the transform AcmeBucketHardening is a macro srm does"
                + " not run, and it may rewrite any resource"));

        Evaluation hosted = evaluate(PIPELINE_BUCKETS.formatted("AWS::SecretsManager-2020-07-23"));
        assertThat(control(hosted, "BuildArtifacts", "s3-access-logging").status()).isEqualTo(Status.MISSING);
        assertThat(hosted.warnings()).anySatisfy(w -> assertThat(w).contains("the transform AWS::SecretsManager-2020-07-23 is a macro"
                + " srm does not run; the resources are evaluated as written"));
    }
    private static final String SUBNETS_FROM_A_CUSTOM_RESOURCE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              NetworkLookup:
                Type: Custom::SubnetLookup
                Properties:
                  ServiceToken: !Sub 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:subnet-lookup'
                  Tier: private
              WebGroup:
                Type: AWS::AutoScaling::AutoScalingGroup
                Properties:
                  MinSize: '2'
                  MaxSize: '6'
                  LaunchTemplate: {LaunchTemplateId: lt-0a1b2c3d4e5f60718, Version: '3'}
                  VPCZoneIdentifier: !GetAtt NetworkLookup.SubnetIds
              ApiBalancer:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties:
                  Scheme: internal
                  Subnets: !GetAtt NetworkLookup.SubnetIds
            """;

    @Test
    void a_list_property_filled_by_another_resources_attribute_is_undetermined_not_absent() {
        // !GetAtt of a custom resource's list attribute: srm cannot see the subnets; read as a single value, the list
        // was absent, a warning said "srm reads nothing there", and AutoScaling.2 and ELB.13 were MISSING
        Evaluation e = evaluate(SUBNETS_FROM_A_CUSTOM_RESOURCE);
        ControlResult asg = control(e, "WebGroup", "autoscaling-multi-az");
        assertThat(asg.status()).as("%s", asg.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(asg.evidence()).anyMatch(x -> x.contains("a list attribute of resource NetworkLookup (Fn::GetAtt)"));
        assertThat(control(e, "ApiBalancer", "elb-v2-multi-az").status()).isEqualTo(Status.UNKNOWN);
        assertThat(e.warnings()).noneMatch(w -> w.contains("found a single value"));
    }
    @Test
    void a_scenario_file_that_writes_one_subnet_where_a_list_belongs_is_told_so() {
        // only a template's values resolve to the resources they name: a hand-written scenario's single value is misshapen
        String scenario = """
                srm: 1
                id: web-tier
                resources:
                  - id: subnet-a
                    type: AWS::EC2::Subnet
                    configuration: {VpcId: vpc-0a1b2c3d4e5f60718, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}
                  - id: web
                    type: AWS::AutoScaling::AutoScalingGroup
                    configuration: {MinSize: '2', MaxSize: '4', VPCZoneIdentifier: subnet-a}
                """;
        List<Evaluation> e = Packs.srm().evaluate("web.yaml", scenario.getBytes(StandardCharsets.UTF_8), InputFormat.scenario, false);
        assertThat(e.get(0).warnings()).anyMatch(w -> w.contains("/VPCZoneIdentifier: CloudFormation expects a list of String, found a single value"));
        assertThat(control(e.get(0), "web", "autoscaling-multi-az").evidence()).noneMatch(x -> x.contains("Fn::GetAtt"));
    }
}

