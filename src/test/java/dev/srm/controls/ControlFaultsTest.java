package dev.srm.controls;

import dev.srm.api.EvaluateRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of fault of issue 11, through the real engine on real-shaped inputs: defaults,
 * quantifiers and policy documents, applicability, types and unknown keys. The per-control
 * cases (compliant, non-compliant, not applicable, absent) are the scenarios under
 * scenarios/controls/, run by BundledScenariosTest.
 */
class ControlFaultsTest {

    private static Optional<ControlResult> control(Evaluation e, String resource, String control) {
        return e.resources().stream().filter(r -> r.id().equals(resource)).map(ResourceResult::controls)
                .flatMap(java.util.List::stream).filter(c -> c.id().equals(control)).findFirst();
    }

    private static Evaluation explain(String yaml) {
        return Packs.evaluator().evaluate(Packs.parse(yaml), true);
    }

    @Test
    void an_absent_property_is_judged_on_its_documented_default_and_the_evidence_says_it_was_a_default() {
        Evaluation e = explain("""
                srm: 1
                id: redshift-default
                inventory: complete
                resources:
                  - id: Warehouse
                    type: AWS::Redshift::Cluster
                    configuration: {ClusterType: single-node, NodeType: ra3.xlplus, DBName: dw, MasterUsername: admin, ManageMasterPassword: true}
                """);
        ControlResult c = control(e, "Warehouse", "redshift-public-access").orElseThrow();
        assertThat(c.status()).isEqualTo(Status.MET);
        assertThat(c.evidence()).anySatisfy(ev -> assertThat(ev).contains("PubliclyAccessible = false (CloudFormation default)"));
        assertThat(String.join("\n", c.explanation())).contains("(CloudFormation default)");
    }

    @Test
    void a_decimal_is_compared_as_written_not_as_the_nearest_double() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: almost-a-week
                inventory: complete
                resources:
                  - id: ledger
                    type: AWS::RDS::DBInstance
                    configuration: {Engine: postgres, BackupRetentionPeriod: 6.99999999999999999999, StorageEncrypted: true}
                """);
        ControlResult c = control(e, "ledger", "rds-backup-retention").orElseThrow();
        assertThat(c.status()).isEqualTo(Status.MISSING);
        assertThat(c.evidence()).anySatisfy(ev -> assertThat(ev).contains("found 6.99999999999999999999"));
    }

    @Test
    void a_default_that_contradicts_the_control_makes_it_missing_and_a_partial_inventory_assumes_no_default() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: alb-default
                inventory: complete
                resources:
                  - id: Alb
                    type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    configuration: {Scheme: internal, Subnets: [subnet-0a1b2c3d, subnet-0f1e2d3c]}
                """);
        assertThat(control(e, "Alb", "elb-alb-drop-invalid-headers").orElseThrow().status()).isEqualTo(Status.MISSING);
        Evaluation partial = Packs.evaluateYaml("""
                srm: 1
                id: alb-partial
                resources:
                  - id: Alb
                    type: AWS::ElasticLoadBalancingV2::LoadBalancer
                    configuration: {Scheme: internal}
                """);
        assertThat(control(partial, "Alb", "elb-alb-drop-invalid-headers").orElseThrow().status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_unknown_operator_or_a_quoted_path_is_rejected_with_the_rule_name_before_any_rule_fires() {
        String drl = """
                package custom;
                import dev.srm.facts.*;
                import dev.srm.engine.dsl.Srm;

                rule "tls-only"
                when
                    $c : Classification( service == "S3" )
                then
                    Srm.require(drools, $c.resource(), "PolicyDocument.Statement[*].Condition.Bool.\\"aws:SecureTransport\\"", "equal", "false");
                    Srm.requireQ(drools, $c.resource(), "most", "PolicyDocument.Statement[*].Effect", "equals", "Deny");
                end
                """;
        java.util.List<String> problems = dev.srm.rules.RuleValidator.validate(java.util.List.of(),
                java.util.List.of(new dev.srm.rules.RuleFile("custom/tls.drl", "tls.drl", drl)));
        assertThat(problems).contains(
                "custom/tls.drl:9: rule 'tls-only': unknown requirement operator 'equal' (one of equals, notEquals, atLeast, atMost, "
                        + "present, absent, oneOf, notOneOf, startsWith, notContains, notEmpty, lists)",
                "custom/tls.drl:10: rule 'tls-only': unknown quantifier 'most' (every, some or none)");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("custom/tls.drl:9: rule 'tls-only': path ")
                .contains("has quote marks"));
    }

    /** A user control written with the {@code none} quantifier: no ingress rule open to the internet. */
    private static final String NO_OPEN_INGRESS = """
            package bank.network;
            import dev.srm.facts.*;
            import dev.srm.engine.dsl.Srm;

            rule "bank-no-ingress-from-anywhere"
                @kind("control")
                @title("Security groups admit no traffic from 0.0.0.0/0")
                @layer("network-security")
                @severity("HIGH")
                @integrations("EC2, Config")
                @source("https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html")
                @remediation("Replace the 0.0.0.0/0 rule with the CIDR blocks or security groups that need access.")
            when
                $c : Classification()
                Resource( id == $c.resource(), type == "AWS::EC2::SecurityGroup" )
            then
                Srm.control(drools, $c.resource(), "Bank policy: nothing is reachable from the whole internet.");
                Srm.requireQ(drools, $c.resource(), "none", "SecurityGroupIngress[*].CidrIp", "equals", "0.0.0.0/0");
            end
            """;

    @Test
    void a_none_requirement_is_met_by_an_absent_list_only_where_the_input_is_complete_for_it(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("network.drl"), NO_OPEN_INGRESS);
        var srm = Packs.LOADER.load(dev.srm.api.SrmOptions.bundled().withExtraRules(dir));
        String groups = """
                  - id: WebSg
                    type: AWS::EC2::SecurityGroup
                    configuration:
                      GroupDescription: web tier
                      VpcId: vpc-0b7c5e2a91f3d4e68
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
                  - id: AppSg
                    type: AWS::EC2::SecurityGroup
                    configuration:
                      GroupDescription: app tier
                      VpcId: vpc-0b7c5e2a91f3d4e68
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sg-0c2a6f1d9e8b7a654}
                  - id: BatchSg
                    type: AWS::EC2::SecurityGroup
                    configuration: {GroupDescription: batch workers, VpcId: vpc-0b7c5e2a91f3d4e68}
                """;
        java.util.function.Function<String, Evaluation> run = yaml -> srm.evaluate("groups.yaml",
                yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), dev.srm.model.InputFormat.scenario, false).get(0);
        Evaluation complete = run.apply("srm: 1\nid: vpc\ninventory: complete\nresources:\n" + groups);
        Evaluation partial = run.apply("srm: 1\nid: vpc\nresources:\n" + groups);

        for (Evaluation e : java.util.List.of(complete, partial)) {
            assertThat(control(e, "WebSg", "bank-no-ingress-from-anywhere").orElseThrow().status()).isEqualTo(Status.MISSING);
            assertThat(control(e, "AppSg", "bank-no-ingress-from-anywhere").orElseThrow().status()).isEqualTo(Status.MET);
        }
        // a group with no ingress list: no rule at all in a template or complete inventory ...
        assertThat(control(complete, "BatchSg", "bank-no-ingress-from-anywhere").orElseThrow().status()).isEqualTo(Status.MET);
        // ... but a partial inventory may have left its rules out (AWS::EC2::SecurityGroupIngress, another stack)
        assertThat(control(partial, "BatchSg", "bank-no-ingress-from-anywhere").orElseThrow().status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void a_bucket_policy_with_an_allow_and_the_deny_insecure_transport_statement_meets_S3_5_in_a_real_template() {
        EvaluateResult r = Packs.srm().evaluate(EvaluateRequest.of(Path.of("src/test/resources/controls/tls-only-bucket.yaml")));
        assertThat(r.problems()).isEmpty();
        Evaluation e = r.evaluations().get(0);
        assertThat(control(e, "ArtifactsBucket", "s3-bucket-ssl-requests-only").orElseThrow().status()).isEqualTo(Status.MET);
        assertThat(control(e, "ArtifactsBucketPolicy", "s3-bucket-ssl-requests-only")).as("a bucket policy is not a bucket").isEmpty();
        assertThat(control(e, "ArtifactsBucketPolicy", "s3-versioning")).isEmpty();
    }

    @Test
    void a_property_in_the_wrong_shape_is_named_with_its_pointer_and_the_shape_cloudformation_expects() {
        EvaluateResult r = Packs.srm().evaluate(EvaluateRequest.of(Path.of("src/test/resources/controls/misshapen-properties.yaml")));
        Evaluation e = r.evaluations().get(0);
        String warnings = String.join("\n", e.warnings());
        assertThat(warnings)
                .contains("resource 'ProdStage': AWS::ApiGateway::Stage /MethodSettings: CloudFormation expects a list of MethodSetting, "
                        + "found an object")
                .contains("resource 'ProdStage': AWS::ApiGateway::Stage /AccessLogSetting: CloudFormation expects an object "
                        + "(AccessLogSetting), found a list")
                .contains("resource 'Worker': AWS::Lambda::Function /VpcConfig/SubnetIds: CloudFormation expects a list of String, "
                        + "found a single value");
        // what is written in the right shape draws no warning: an empty list, an object of variables, a tag list
        assertThat(warnings).doesNotContain("/VpcConfig/SecurityGroupIds", "/Environment", "/Tags", "/TracingEnabled");
        // the misshapen logging level is not read: the stage's execution logging stays unevidenced, not MET
        assertThat(control(e, "ProdStage", "apigateway-execution-logging").orElseThrow().status()).isEqualTo(Status.MISSING);
    }

    @Test
    void unknown_keys_are_read_from_the_cloudformation_schema_with_nested_typos_and_a_suggestion() {
        EvaluateResult r = Packs.srm().evaluate(EvaluateRequest.of(Path.of("src/test/resources/controls/tls-only-bucket.yaml")));
        String warnings = String.join("\n", r.evaluations().get(0).warnings());
        assertThat(warnings).contains("unknown configuration key 'RestrictPublicBucketz' for AWS::S3::Bucket at "
                + "/PublicAccessBlockConfiguration/RestrictPublicBucketz").contains("did you mean 'RestrictPublicBuckets'?");
        assertThat(warnings).doesNotContain("SourceDBInstanceIdentifier");
    }

    @Test
    void the_aws_managed_administrator_access_policy_is_a_finding() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: admin
                resources:
                  - id: Ops
                    type: AWS::IAM::Role
                    configuration:
                      AssumeRolePolicyDocument:
                        Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
                      ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess']
                """);
        assertThat(control(e, "Ops", "iam-principal-no-admin-access").orElseThrow().status()).isEqualTo(Status.MISSING);
        assertThat(e.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("iam-principal-no-admin-access"));
        // Security Hub's IAM.1 checks customer managed policies only: the role's grant is not an IAM.1 failure
        assertThat(control(e, "Ops", "iam-no-admin-policy")).isEmpty();
    }

    @Test
    void cidr_blocks_compare_as_networks_not_as_text() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: cidr
                inventory: complete
                resources:
                  - id: AdminSg
                    type: AWS::EC2::SecurityGroup
                    configuration:
                      GroupDescription: admin access
                      SecurityGroupIngress:
                        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIpv6: '0:0:0:0:0:0:0:0/0'}
                """);
        assertThat(control(e, "AdminSg", "vpc-sg-no-admin-ports-ipv6").orElseThrow().status()).isEqualTo(Status.MISSING);
    }

    @Test
    void the_legacy_elasticsearch_domain_gets_opensearch_controls() {
        Evaluation e = Packs.evaluateYaml("""
                srm: 1
                id: es
                inventory: complete
                resources:
                  - id: Logs
                    type: AWS::Elasticsearch::Domain
                    configuration:
                      ElasticsearchVersion: '7.10'
                      EncryptionAtRestOptions: {Enabled: false}
                """);
        assertThat(control(e, "Logs", "opensearch-encrypted-at-rest").orElseThrow().status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "Logs", "opensearch-software-update").orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);
    }
}
