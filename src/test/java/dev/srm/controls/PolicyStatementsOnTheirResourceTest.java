package dev.srm.controls;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda.1 and EC2.21 on the resource Security Hub reports them on: the function (AWS::Lambda::Function) and the
 * network ACL (AWS::EC2::NetworkAcl). A template states the function's policy as AWS::Lambda::Permission resources
 * and the ACL's entries as AWS::EC2::NetworkAclEntry resources, and srm answered on each of those, so a finding,
 * a waiver or a baseline keyed by the function or the ACL never matched Security Hub's; a function without any
 * permission and an ACL without entries drew no answer at all, and a Terraform plan's aws_network_acl was not read.
 */
class PolicyStatementsOnTheirResourceTest {
    private static final String LAMBDA_1 = "lambda-no-public-access";
    private static final String EC2_21 = "vpc-nacl-no-admin-ports-from-anywhere";
    private static final Evaluation PIPELINE = Packs.evaluateTemplate(Path.of("src/test/resources/templates-lambda1/photo-pipeline.yaml"));
    private static final Evaluation ACLS = Packs.evaluateTemplate(Path.of("src/test/resources/templates-nacl/bastion-and-app-subnets.yaml"));

    private static boolean judged(Evaluation e, String resource, String controlId) {
        return e.resources().stream().filter(r -> r.id().equals(resource))
                .anyMatch(r -> r.controls().stream().anyMatch(c -> c.id().equals(controlId)));
    }

    @Test
    void an_s3_trigger_without_source_account_fails_lambda_1_on_the_function_naming_the_permission() {
        ControlResult thumbnail = control(PIPELINE, "ThumbnailFunction", LAMBDA_1);
        assertThat(thumbnail.status()).isEqualTo(Status.MISSING);
        assertThat(thumbnail.securityHub()).containsExactly("Lambda.1");
        assertThat(thumbnail.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(thumbnail.evidence()).singleElement().satisfies(e -> assertThat(e)
                .contains("permission ThumbnailInvokePermission").contains("s3.amazonaws.com without SourceAccount"));
        assertThat(judged(PIPELINE, "ThumbnailInvokePermission", LAMBDA_1)).isFalse();
        assertThat(PIPELINE.findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("ThumbnailFunction");
            assertThat(f.rule()).isEqualTo(LAMBDA_1);
            assertThat(f.owner()).isEqualTo(Responsibility.CUSTOMER);
        }).noneSatisfy(f -> assertThat(f.resource()).isEqualTo("ThumbnailInvokePermission"));
    }

    @Test
    void api_gateway_permissions_on_an_alias_and_by_name_meet_lambda_1_on_the_function() {
        // one names the function's live alias (!Ref of an AWS::Lambda::Alias), the other the function's name
        ControlResult orders = control(PIPELINE, "OrdersApiFunction", LAMBDA_1);
        assertThat(orders.status()).isEqualTo(Status.MET);
        assertThat(orders.evidence())
                .anySatisfy(e -> assertThat(e).contains("permission OrdersApiInvokePermission grants Principal apigateway.amazonaws.com"))
                .anySatisfy(e -> assertThat(e).contains("permission OrdersApiTestInvokePermission grants Principal apigateway.amazonaws.com"))
                .hasSize(2);
        assertThat(judged(PIPELINE, "OrdersApiInvokePermission", LAMBDA_1)).isFalse();
        assertThat(judged(PIPELINE, "OrdersApiTestInvokePermission", LAMBDA_1)).isFalse();
    }

    @Test
    void a_public_principal_named_by_arn_fails_lambda_1_on_the_function() {
        ControlResult webhook = control(PIPELINE, "PartnerWebhookFunction", LAMBDA_1);
        assertThat(webhook.status()).isEqualTo(Status.MISSING);
        assertThat(webhook.evidence()).singleElement().satisfies(e -> assertThat(e)
                .contains("permission PartnerWebhookPublicUrlPermission grants Principal *").contains("anyone may invoke the function"));
    }

    @Test
    void a_function_no_permission_targets_has_no_resource_based_policy_and_meets_lambda_1() {
        ControlResult report = control(PIPELINE, "NightlyReportFunction", LAMBDA_1);
        assertThat(report.status()).isEqualTo(Status.MET);
        assertThat(report.evidence()).singleElement().satisfies(e -> assertThat(e).contains("no AWS::Lambda::Permission of the input targets the function"));
    }

    @Test
    void a_permission_on_a_function_of_another_stack_keeps_lambda_1_on_itself() {
        ControlResult billing = control(PIPELINE, "BillingExporterRulePermission", LAMBDA_1);
        assertThat(billing.status()).isEqualTo(Status.MET);
        // its own statement, named as a permission's; not the evidence of a function that no permission targets
        assertThat(billing.evidence()).singleElement().satisfies(e -> assertThat(e).startsWith("MET: permission BillingExporterRulePermission"));

        Evaluation byParameter = Packs.evaluateTemplate(Path.of("src/test/resources/templates-lambda1/exporter-permission-by-parameter.yaml"));
        assertThat(control(byParameter, "ExporterPublicPermission", LAMBDA_1).status()).isEqualTo(Status.MISSING);
        // the parameter may name the cleanup function: its policy is undecided, not met
        ControlResult cleanup = control(byParameter, "CleanupFunction", LAMBDA_1);
        assertThat(cleanup.status()).isEqualTo(Status.UNKNOWN);
        assertThat(cleanup.evidence()).singleElement().satisfies(e -> assertThat(e).contains("permission ExporterPublicPermission names its function"));
    }

    @Test
    void an_acl_that_opens_ssh_to_the_internet_fails_ec2_21_with_evidence_per_inbound_entry() {
        ControlResult bastion = control(ACLS, "BastionAcl", EC2_21);
        assertThat(bastion.status()).isEqualTo(Status.MISSING);
        assertThat(bastion.securityHub()).containsExactly("EC2.21");
        assertThat(bastion.owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(bastion.evidence())
                .anySatisfy(e -> assertThat(e).contains("entry BastionSshIn (rule 100): inbound allow from 0.0.0.0/0 on tcp port 22"))
                .anySatisfy(e -> assertThat(e).contains("entry BastionEphemeralIn (rule 200)").contains("covers 3389"))
                // the outbound entry is not read
                .noneSatisfy(e -> assertThat(e).contains("BastionAllOut"));
        assertThat(judged(ACLS, "BastionSshIn", EC2_21)).isFalse();
        assertThat(judged(ACLS, "BastionAllOut", EC2_21)).isFalse();
        assertThat(ACLS.findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("BastionAcl");
            assertThat(f.rule()).isEqualTo(EC2_21);
        }).noneSatisfy(f -> assertThat(f.resource()).isEqualTo("BastionSshIn"));
    }

    @Test
    void an_allow_all_entry_behind_lower_numbered_denies_still_fails_ec2_21_and_names_the_denies() {
        ControlResult app = control(ACLS, "AppAcl", EC2_21);
        assertThat(app.status()).isEqualTo(Status.MISSING);
        assertThat(app.evidence())
                .anySatisfy(e -> assertThat(e).startsWith("NOT_MET: entry AppAllIn (rule 100): inbound allow from 0.0.0.0/0 on every protocol"))
                .anySatisfy(e -> assertThat(e).contains("AppAllIn (rule 100) allows port 22").contains("deny entry AppDenySshIn (rule 90)"))
                .anySatisfy(e -> assertThat(e).contains("AppAllIn (rule 100) allows port 3389").contains("deny entry AppDenyRdpIn (rule 91)"))
                .anySatisfy(e -> assertThat(e).startsWith("MET: entry AppHttpsInV6 (rule 110): inbound allow from ::/0"));
    }

    @Test
    void an_acl_without_entries_denies_everything_and_an_entry_on_an_acl_of_another_stack_keeps_ec2_21() {
        ControlResult data = control(ACLS, "DataAcl", EC2_21);
        assertThat(data.status()).isEqualTo(Status.MET);
        assertThat(data.evidence()).singleElement().satisfies(e -> assertThat(e).contains("no inbound entry of the input is in the ACL"));
        ControlResult transit = control(ACLS, "TransitRdpIn", EC2_21);
        assertThat(transit.status()).isEqualTo(Status.MISSING);
        assertThat(transit.evidence()).anySatisfy(e -> assertThat(e).contains("tcp port 3389"));
    }

    @Test
    void a_terraform_plan_judges_both_controls_on_the_function_and_the_acl() throws Exception {
        Path plan = Path.of("src/test/resources/terraform/lambda1-nacl/plan-photo-pipeline-and-acls.json");
        List<Evaluation> e = Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
        assertThat(control(e, "aws_lambda_function.thumbnail", LAMBDA_1).status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_lambda_function.orders_api", LAMBDA_1).status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_lambda_function.partner_webhook", LAMBDA_1).evidence())
                .anySatisfy(x -> assertThat(x).contains("permission aws_lambda_permission.partner_webhook_public_url grants Principal *"));
        assertThat(control(e, "aws_lambda_permission.billing_exporter_rule", LAMBDA_1).status()).isEqualTo(Status.MET);

        // inline ingress blocks of aws_network_acl, protocols written by name
        ControlResult bastion = control(e, "aws_network_acl.bastion", EC2_21);
        assertThat(bastion.status()).isEqualTo(Status.MISSING);
        assertThat(bastion.evidence()).anySatisfy(x -> assertThat(x).contains("networkAclIngress[0] (rule 100)").contains("tcp port 22"));
        assertThat(control(e, "aws_network_acl.private", EC2_21).status()).isEqualTo(Status.MET);
        // aws_network_acl_rule resources join the ACL their network_acl_id references
        ControlResult app = control(e, "aws_network_acl.app", EC2_21);
        assertThat(app.status()).isEqualTo(Status.MISSING);
        assertThat(app.evidence()).anySatisfy(x -> assertThat(x).contains("entry aws_network_acl_rule.app_all_in (rule 100)"))
                .anySatisfy(x -> assertThat(x).contains("deny entry aws_network_acl_rule.app_deny_ssh (rule 90)"));
        assertThat(e.get(0).resources()).filteredOn(r -> r.type().equals("AWS::EC2::NetworkAclEntry"))
                .allSatisfy(r -> assertThat(r.controls()).noneSatisfy(c -> assertThat(c.id()).isEqualTo(EC2_21)));
    }

    @Test
    void a_large_input_evaluated_in_parts_answers_as_one_session() throws Exception {
        // a scenario of more than 500 resources is evaluated in parts: each part must see the function a permission
        // names and the ACL an entry names, or a part would judge the permission or the entry by itself
        dev.srm.engine.Evaluator parts = new dev.srm.engine.Evaluator(Packs.bundled(), 1);
        for (String template : List.of("src/test/resources/templates-lambda1/photo-pipeline.yaml",
                "src/test/resources/templates-lambda1/exporter-permission-by-parameter.yaml",
                "src/test/resources/templates-nacl/bastion-and-app-subnets.yaml")) {
            Path file = Path.of(template);
            dev.srm.model.Scenario s = new dev.srm.input.cloudformation.CloudFormationReader()
                    .read(file.toString(), Files.readAllBytes(file)).get(0);
            assertThat(parts.evaluate(s)).as(template).isEqualTo(Packs.evaluator().evaluate(s));
        }
    }
}
