package dev.srm.input.cloudformation;

import dev.srm.facts.Requirement;
import dev.srm.facts.Setting;
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
 * A property set by {@code Fn::If} on a condition srm cannot decide (an environment parameter
 * without a default) takes one of the branches' values. When every value it can take meets a
 * requirement (35 or 7 days of backups, at least 7), or none does, the control is decided; when
 * they disagree (Multi-AZ in production only) it stays UNKNOWN, as before. Before, every such
 * property was UNKNOWN, whatever its branches.
 */
class ConditionalValuesTest {
    private static final String ORDERS = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Orders database and exports, sized and protected by environment
            Parameters:
              Environment:
                Type: String
                AllowedValues: [prod, staging, dev]
            Conditions:
              IsProd: !Equals [!Ref Environment, prod]
              IsStaging: !Equals [!Ref Environment, staging]
            Resources:
              OrdersDb:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  EngineVersion: '16.4'
                  DBInstanceClass: !If [IsProd, db.r6g.large, db.t4g.medium]
                  AllocatedStorage: '100'
                  StorageEncrypted: true
                  BackupRetentionPeriod: !If [IsProd, 35, !If [IsStaging, 14, 7]]
                  MultiAZ: !If [IsProd, true, false]
                  EnableIAMDatabaseAuthentication: !If [IsProd, false, false]
                  MasterUsername: !If [IsProd, postgres, admin]
                  ManageMasterUserPassword: true
              ExportsBucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: !If [IsProd, 'aws:kms', 'AES256']
            """;

    private static Evaluation orders() {
        List<Evaluation> e = Packs.srm().evaluate("orders.yaml", ORDERS.getBytes(StandardCharsets.UTF_8), InputFormat.cloudformation,
                false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    @Test
    void a_requirement_every_branch_meets_is_met_and_the_evidence_names_the_values() {
        ControlResult backups = control(orders(), "OrdersDb", "rds-backup-retention");
        assertThat(backups.status()).isEqualTo(Status.MET);
        assertThat(backups.evidence()).anySatisfy(ev -> assertThat(ev).contains("(every value it can take: 35, 14, 7)"));
        assertThat(control(orders(), "ExportsBucket", "s3-default-encryption").status()).isEqualTo(Status.MET);
    }

    @Test
    void a_requirement_no_branch_meets_is_missing() {
        assertThat(control(orders(), "OrdersDb", "rds-instance-custom-admin-username").status())
                .as("postgres or admin: both are default names").isEqualTo(Status.MISSING);
        assertThat(control(orders(), "OrdersDb", "rds-iam-authentication").status())
                .as("false on both branches is plain false").isEqualTo(Status.MISSING);
    }

    @Test
    void branches_that_disagree_stay_unknown() {
        assertThat(control(orders(), "OrdersDb", "rds-multi-az").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(orders(), "ExportsBucket", "s3-bucket-kms-encryption").status())
                .as("aws:kms in production, AES256 elsewhere").isEqualTo(Status.UNKNOWN);
    }

    @Test
    void the_values_survive_quotes_commas_and_colons() {
        List<String> values = List.of("it's", "a, b", "x: y", "");
        String encoded = Setting.unknownOneOf(values, "Fn::If on condition 'C' ('it''s' or ...), which srm cannot decide: no value");
        assertThat(Setting.oneOf(encoded)).containsExactlyElementsOf(values);
        assertThat(new Setting("r", "P", "P", encoded).isUnknown()).isTrue();
        assertThat(Setting.oneOf("${unknown: Fn::If on condition 'C' ('a' or 'b')}")).as("no values known").isEmpty();
        assertThat(Setting.oneOf("plain value")).isEmpty();
    }

    @Test
    void a_presence_or_absence_check_reads_that_the_property_is_there() {
        Setting s = new Setting("r", "MultiAZ", "MultiAZ", Setting.unknownOneOf(List.of("true", "false"), "reason"));
        assertThat(new Requirement("r", "c", "MultiAZ", Requirement.Op.PRESENT, null, "rule").decides(s)).isTrue();
        Requirement absent = new Requirement("r", "c", "MultiAZ", Requirement.Op.ABSENT, null, "rule");
        assertThat(absent.decides(s)).isTrue();
        assertThat(absent.accepts(s.value())).isFalse();
    }

    private static final String WHOLE_PROPERTIES = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Public load balancer, logged to the shared bucket in production only
            Parameters:
              Environment:
                Type: String
                AllowedValues: [prod, dev]
            Conditions:
              IsProd: !Equals [!Ref Environment, prod]
            Resources:
              PublicAlb:
                Type: AWS::ElasticLoadBalancingV2::LoadBalancer
                Properties: !If
                  - IsProd
                  - Scheme: internet-facing
                    Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]
                    LoadBalancerAttributes:
                      - {Key: access_logs.s3.enabled, Value: 'true'}
                      - {Key: access_logs.s3.bucket, Value: central-alb-logs-prod}
                      - {Key: deletion_protection.enabled, Value: 'true'}
                  - Scheme: internet-facing
                    Subnets: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]
              ReportsQueue:
                Type: AWS::SQS::Queue
                Properties: !If [IsProd, {KmsMasterKeyId: alias/reports-prod}, !Ref AWS::NoValue]
            """;

    private static Evaluation wholeProperties(String environment) {
        String text = environment == null ? WHOLE_PROPERTIES
                : WHOLE_PROPERTIES.replace("AllowedValues: [prod, dev]", "AllowedValues: [prod, dev]\n    Default: " + environment);
        List<Evaluation> e = Packs.srm().evaluate("alb.yaml", text.getBytes(StandardCharsets.UTF_8), InputFormat.cloudformation, false);
        assertThat(e).hasSize(1);
        return e.get(0);
    }

    /**
     * Properties written as one Fn::If read as an Fn::If on each property: on a condition srm
     * cannot decide, what the branches set differently stays undecided. Before, the whole
     * Properties was dropped and the load balancer judged on CloudFormation's defaults (access
     * logging and deletion protection off: MISSING), an answer the template does not give.
     */
    @Test
    void properties_under_one_fn_if_are_judged_per_property() {
        Evaluation undecided = wholeProperties(null);
        assertThat(control(undecided, "PublicAlb", "elb-access-logging").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(undecided, "PublicAlb", "elb-deletion-protection").status()).isEqualTo(Status.UNKNOWN);

        Evaluation prod = wholeProperties("prod");
        assertThat(control(prod, "PublicAlb", "elb-access-logging").status()).isEqualTo(Status.MET);
        assertThat(control(prod, "PublicAlb", "elb-deletion-protection").status()).isEqualTo(Status.MET);
        assertThat(control(prod, "ReportsQueue", "sqs-queue-encrypted").evidence())
                .anySatisfy(ev -> assertThat(ev).contains("KmsMasterKeyId"));

        Evaluation dev = wholeProperties("dev");
        assertThat(control(dev, "PublicAlb", "elb-access-logging").status()).isEqualTo(Status.MISSING);
        assertThat(control(dev, "ReportsQueue", "sqs-queue-encrypted").evidence())
                .anySatisfy(ev -> assertThat(ev).contains("SSE-SQS"));
    }

    /**
     * A blank list parameter is the list [""], as CloudFormation makes it, so the idiom that tests
     * it (the EKS Quick Start's {@code !Not [!Equals [!Select [0, !Ref EKSClusterLoggingTypes], ""]]})
     * is decided: no log types, no control plane logging, EKS.8 MISSING. Before, srm read the
     * blank value as an empty list, warned that index 0 "is outside the list", and left the
     * control UNKNOWN.
     */
    @Test
    void a_blank_list_parameter_is_one_empty_string() {
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  ClusterLoggingTypes:
                    Type: List<String>
                    Default: ""
                  ClusterRoleArn:
                    Type: String
                    Default: arn:aws:iam::111122223333:role/eks-cluster
                Conditions:
                  LoggingEnabled: !Not [!Equals [!Select [0, !Ref ClusterLoggingTypes], ""]]
                Resources:
                  Cluster:
                    Type: AWS::EKS::Cluster
                    Properties:
                      Name: payments
                      Version: '1.31'
                      RoleArn: !Ref ClusterRoleArn
                      ResourcesVpcConfig:
                        SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0f1e2d3c4b5a69788]
                        EndpointPublicAccess: false
                        EndpointPrivateAccess: true
                      Logging: !If
                        - LoggingEnabled
                        - ClusterLogging:
                            EnabledTypes: [{Type: api}, {Type: audit}]
                        - !Ref AWS::NoValue
                """;
        List<Evaluation> e = Packs.srm().evaluate("eks.yaml", template.getBytes(StandardCharsets.UTF_8), InputFormat.cloudformation,
                false);
        assertThat(e).hasSize(1);
        assertThat(control(e.get(0), "Cluster", "eks-audit-logging").status()).isEqualTo(Status.MISSING);
        assertThat(e.get(0).warnings()).noneSatisfy(w -> assertThat(w).contains("outside the list"));
    }
}
