package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resource whose {@code Condition} rests on a parameter without a value may or may not be
 * deployed. Its own controls are evaluated as if it exists; another resource's control that it
 * decides (a TLS-only bucket policy, a backup selection, a standalone SSH rule) is UNKNOWN, with
 * both answers, and its finding goes with it. Before, the conditional resource counted as
 * present: the production-only policy made S3.5 MET for every environment, and the bastion's
 * optional SSH rule raised four HIGH findings as if it were always there.
 */
class UndecidedResourcesTest {
    private static final Path ORDERS = Path.of("src/test/resources/templates-conditions/orders-platform.yaml");

    private static EvaluatedTemplate orders(Map<String, String> parameters) throws Exception {
        return EvaluatedTemplate.of(ORDERS, TemplateParameters.of(parameters));
    }

    private static ControlResult control(EvaluatedTemplate t, String resource, String control) {
        return t.resource(resource).control(control);
    }

    private static boolean hasFinding(Evaluation e, String resource, String rule) {
        return e.findings().stream().map(FindingResult::id).anyMatch((resource.isEmpty() ? rule : rule + ":" + resource)::equals);
    }

    @Test
    void a_policy_that_exists_only_in_production_leaves_the_buckets_tls_control_undecided() throws Exception {
        EvaluatedTemplate t = orders(Map.of());
        ControlResult tls = control(t, "ExportsBucket", "s3-bucket-ssl-requests-only");
        assertThat(tls.status()).isEqualTo(Status.UNKNOWN);
        assertThat(tls.rule()).isEqualTo("resource-condition-undecided");
        assertThat(tls.reason()).startsWith("MET (control-met) if ExportsBucketPolicy exists, MISSING (control-unevidenced-complete) if not:"
                + " ExportsBucketPolicy exists only if condition 'IsProd' is true, which srm cannot decide (parameter Environment has no"
                + " Default");
        assertThat(tls.evidence()).anySatisfy(e -> assertThat(e)
                .startsWith("MET: bucket policy ExportsBucketPolicy, statement 0: Deny s3:* to * when aws:SecureTransport is false")
                .endsWith("[if ExportsBucketPolicy exists]"));
        assertThat(tls.evidence()).anySatisfy(e -> assertThat(e).startsWith("ABSENT: ").endsWith("[if not]"));
        assertThat(hasFinding(t.evaluation(), "ExportsBucket", "s3-bucket-ssl-requests-only")).isFalse();
    }

    @Test
    void what_both_worlds_answer_alike_stands() throws Exception {
        EvaluatedTemplate t = orders(Map.of());
        // the production policy grants a role read access and denies nothing: S3.5 fails with it and without it
        ControlResult tls = control(t, "ReportsBucket", "s3-bucket-ssl-requests-only");
        assertThat(tls.status()).isEqualTo(Status.MISSING);
        assertThat(hasFinding(t.evaluation(), "ReportsBucket", "s3-bucket-ssl-requests-only")).isTrue();
        assertThat(control(t, "ExportsBucket", "s3-versioning").status()).isEqualTo(Status.MET);
        // the admin-only SSH rule exists in both worlds; the port-443 rule from the VPC range too
        assertThat(t.resource("BastionGroup").notices()).anySatisfy(n -> assertThat(n).contains("SshFromAdmins"));
    }

    @Test
    void a_backup_selection_that_exists_only_in_production_leaves_the_tables_backup_undecided() throws Exception {
        ControlResult backup = control(orders(Map.of()), "OrdersTable", "dynamodb-in-backup-plan");
        assertThat(backup.status()).isEqualTo(Status.UNKNOWN);
        assertThat(backup.reason()).startsWith("MET (control-met) if OrdersTableSelection exists, MISSING");
    }

    @Test
    void an_optional_ssh_rule_from_anywhere_is_not_a_finding_of_every_deployment() throws Exception {
        EvaluatedTemplate t = orders(Map.of());
        for (String c : new String[]{"ec2-security-group-no-open-ssh", "vpc-sg-no-admin-ports-ipv4", "vpc-sg-no-high-risk-ports"}) {
            ControlResult ssh = control(t, "BastionGroup", c);
            assertThat(ssh.status()).as(c).isEqualTo(Status.UNKNOWN);
            assertThat(ssh.reason()).as(c).startsWith("MISSING (control-contradicted) if SshFromAnywhere exists, MET (control-met) if not:"
                    + " SshFromAnywhere exists only if condition 'HasBastion' is true");
            assertThat(hasFinding(t.evaluation(), "BastionGroup", c)).as(c).isFalse();
        }
    }

    @Test
    void the_conditional_resources_own_controls_are_judged_as_if_it_exists_and_it_says_so() throws Exception {
        EvaluatedTemplate t = orders(Map.of());
        assertThat(control(t, "AuditBucket", "s3-versioning").status()).isEqualTo(Status.MISSING);
        assertThat(hasFinding(t.evaluation(), "AuditBucket", "s3-versioning")).isTrue();
        assertThat(t.resource("AuditBucket").notices()).containsExactly("exists only if condition 'IsProd' is true, which srm cannot decide"
                + " (parameter Environment has no Default and no value was given (--parameter Environment=VALUE)); evaluated as if it"
                + " exists, and a control of another resource that depends on it is decided only if it is the same without it"
                + " [resource-condition-undecided]");
    }

    @Test
    void parameters_that_decide_the_conditions_decide_the_controls() throws Exception {
        EvaluatedTemplate prod = orders(Map.of("Environment", "prod", "EnableBastion", "false"));
        assertThat(control(prod, "ExportsBucket", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MET);
        assertThat(control(prod, "OrdersTable", "dynamodb-in-backup-plan").status()).isEqualTo(Status.MET);
        assertThat(control(prod, "BastionGroup", "ec2-security-group-no-open-ssh").status()).isEqualTo(Status.MET);
        assertThat(prod.resource("AuditBucket").notices()).isEmpty();

        EvaluatedTemplate dev = orders(Map.of("Environment", "dev", "EnableBastion", "true"));
        assertThat(control(dev, "ExportsBucket", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MISSING);
        assertThat(control(dev, "OrdersTable", "dynamodb-in-backup-plan").status()).isEqualTo(Status.MISSING);
        assertThat(control(dev, "BastionGroup", "ec2-security-group-no-open-ssh").status()).isEqualTo(Status.MISSING);
        assertThat(hasFinding(dev.evaluation(), "BastionGroup", "ec2-security-group-no-open-ssh")).isTrue();
        assertThat(dev.evaluation().resources()).noneMatch(r -> r.id().equals("AuditBucket"));
    }
    private static final String AUDIT_TRAIL = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Environment: {Type: String, AllowedValues: [prod, dev]}
            Conditions:
              IsProd: !Equals [!Ref Environment, prod]
            Resources:
              TrailBucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: {Status: Enabled}
              OrgTrail:
                Type: AWS::CloudTrail::Trail
                Condition: IsProd
                Properties:
                  IsLogging: true
                  IsMultiRegionTrail: true
                  IncludeGlobalServiceEvents: true
                  EnableLogFileValidation: true
                  S3BucketName: !Ref TrailBucket
            """;

    @Test
    void an_account_control_a_conditional_trail_decides_is_undecided_and_one_undecided_anyway_keeps_its_own_rule() throws Exception {
        java.util.List<dev.srm.model.Evaluation> e = dev.srm.testing.Packs.srm().evaluate("audit.yaml",
                AUDIT_TRAIL.getBytes(java.nio.charset.StandardCharsets.UTF_8), dev.srm.model.InputFormat.cloudformation, false);
        dev.srm.model.Evaluation only = e.get(0);
        ControlResult trail = only.accountControls().stream().filter(c -> c.id().equals("account-multi-region-trail")).findFirst().orElseThrow();
        assertThat(trail.status()).isEqualTo(Status.UNKNOWN);
        assertThat(trail.rule()).isEqualTo("resource-condition-undecided");
        assertThat(trail.reason()).startsWith("MET (").contains("if OrgTrail exists, does not apply if not");
        // the world without the trail has no account block at all: a control undecided with it stays under its own rule
        assertThat(only.accountControls()).filteredOn(c -> c.id().equals("account-root-mfa")).singleElement()
                .satisfies(c -> assertThat(c.rule()).isNotEqualTo("resource-condition-undecided"));
    }
    private static final String HARDENED_OR_PLAIN = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Hardened: {Type: String, AllowedValues: ['true', 'false']}
            Conditions:
              IsHardened: !Equals [!Ref Hardened, 'true']
            Resources:
              HardenedTemplate:
                Type: AWS::EC2::LaunchTemplate
                Condition: IsHardened
                Properties:
                  LaunchTemplateData:
                    MetadataOptions: {HttpTokens: required}
                    Monitoring: {Enabled: true}
              PlainTemplate:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    MetadataOptions: {HttpTokens: optional}
              Web:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-0a1b2c3d4e5f60718
                  SubnetId: subnet-0a1b2c3d4e5f60718
                  LaunchTemplate: !If
                    - IsHardened
                    - {LaunchTemplateId: !Ref HardenedTemplate, Version: !GetAtt HardenedTemplate.LatestVersionNumber}
                    - {LaunchTemplateId: !Ref PlainTemplate, Version: !GetAtt PlainTemplate.LatestVersionNumber}
            """;

    @Test
    void an_instance_whose_launch_template_the_deployment_chooses_leaves_what_it_fills_undecided() throws Exception {
        // the instance was read as setting no MetadataOptions: EC2.8 MISSING, though the hardened template requires IMDSv2
        dev.srm.model.Evaluation e = dev.srm.testing.Packs.srm().evaluate("web.yaml",
                HARDENED_OR_PLAIN.getBytes(java.nio.charset.StandardCharsets.UTF_8), dev.srm.model.InputFormat.cloudformation, false).get(0);
        ControlResult imds = e.resources().stream().filter(r -> r.id().equals("Web")).findFirst().orElseThrow().control("ec2-imdsv2");
        assertThat(imds.status()).as("%s", imds.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(imds.evidence()).anyMatch(x -> x.contains("set by the launch template the deployment chooses"));
    }
    @Test
    void a_conditional_resource_is_compared_with_the_world_of_its_own_condition() throws Exception {
        // the bucket (HasArchive) and its TLS policy (TlsOnly) are under two conditions: the bucket exists without the
        // policy when EnforceTls is false. S3.5 was MET and the bastion's SSH rule raised HIGH findings on the group.
        Path archive = Path.of("src/test/resources/templates-conditions/archive-two-conditions.yaml");
        EvaluatedTemplate t = EvaluatedTemplate.of(archive, TemplateParameters.NONE);
        ControlResult tls = control(t, "ArchiveBucket", "s3-bucket-ssl-requests-only");
        assertThat(tls.status()).isEqualTo(Status.UNKNOWN);
        assertThat(tls.reason()).startsWith("MET (control-met) if ArchiveTlsPolicy exists, MISSING");
        assertThat(control(t, "BastionGroup", "ec2-security-group-no-open-ssh").status()).isEqualTo(Status.UNKNOWN);
        assertThat(hasFinding(t.evaluation(), "BastionGroup", "ec2-security-group-no-open-ssh")).isFalse();
        // the SSH rule names its group outside Fn::If: it cannot be deployed without it, so no world without the group judges it
        assertThat(t.resource("SshOpen").controls()).noneMatch(c -> c.rule().equals("resource-condition-undecided"));

        // five more conditions, each with a topic nothing names: only the conditions other conditions' resources name get
        // a world of their own, so the answers do not change (past six such worlds the bucket kept the MET of all of them)
        EvaluatedTemplate seven = EvaluatedTemplate.of(Path.of("src/test/resources/templates-conditions/archive-seven-conditions.yaml"),
                TemplateParameters.NONE);
        assertThat(control(seven, "ArchiveBucket", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.UNKNOWN);
        assertThat(control(seven, "BastionGroup", "ec2-security-group-no-open-ssh").status()).isEqualTo(Status.UNKNOWN);

        EvaluatedTemplate both = EvaluatedTemplate.of(archive, TemplateParameters.of(Map.of("CreateArchive", "true", "EnforceTls", "true")));
        assertThat(control(both, "ArchiveBucket", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MET);
        assertThat(control(both, "BastionGroup", "ec2-security-group-no-open-ssh").status()).isEqualTo(Status.MISSING);
    }
    @Test
    void a_conditional_nested_stack_keeps_the_conditions_of_its_own_resources() throws Exception {
        // the exports stack exists only under HasExports, its TLS policy only under TlsOnly as well: the bucket exists
        // without the policy when EnforceTls is false (S3.5 was MET: the policy took the stack's condition alone)
        Path parent = Path.of("src/test/resources/templates-conditions/nested/parent.yaml");
        dev.srm.model.Scenario s = new CloudFormationReader(TemplateParameters.NONE).readFile(parent, java.nio.file.Files.readAllBytes(parent))
                .get(0);
        dev.srm.model.Evaluation e = new dev.srm.engine.Evaluator(dev.srm.testing.Packs.bundled()).evaluate(s);
        ControlResult tls = e.resources().stream().filter(r -> r.id().equals("Exports/ExportsBucket")).findFirst().orElseThrow()
                .control("s3-bucket-ssl-requests-only");
        assertThat(tls.status()).isEqualTo(Status.UNKNOWN);
        assertThat(tls.reason()).startsWith("MET (control-met) if Exports/ExportsTlsPolicy exists, MISSING");
        assertThat(s.undecided().reasons().get("Exports/ExportsTlsPolicy")).contains("in nested stack Exports").contains("'TlsOnly'");
    }

    @Test
    void triage_says_when_it_assumes_resources_of_undecidable_conditions_are_deployed() {
        // triage judges the world where every conditional resource exists: the bucket's TLS policy, under TlsOnly, counts
        dev.srm.model.Triage bucket = dev.srm.testing.Triages.file("src/test/resources/templates-conditions/archive-two-conditions.yaml")
                .resource("ArchiveBucket").kind("data-exposure").triage();
        assertThat(bucket.warnings()).contains("ArchiveBucket exists only if condition 'HasArchive' is true, which srm cannot decide"
                + " (parameter CreateArchive has no Default and no value was given (--parameter CreateArchive=VALUE)); the triage"
                + " assumes it is deployed, with the 3 other resources under such conditions");
        dev.srm.model.Triage table = dev.srm.testing.Triages.file(ORDERS.toString()).resource("OrdersTable").kind("data-exposure").triage();
        assertThat(table.warnings()).anyMatch(w -> w.startsWith("5 resources of the input exist only under conditions it does not decide"
                + " (HasBastion, IsProd); the triage judges the controls that would have prevented it with all of them deployed"));
        // a template without conditions: no such warning
        dev.srm.model.Triage plain = dev.srm.testing.Triages.file("src/test/resources/waivers/undecided/v1/orders-db.yaml")
                .resource("OrdersDb").kind("data-exposure").triage();
        assertThat(plain.warnings()).noneMatch(w -> w.contains("condition"));
    }
}
