package dev.srm.controls;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * EC2.2 (the VPC's default security group allows no traffic) on a VPC a template creates. AWS creates
 * every VPC's default group with an inbound rule from the group itself and an outbound rule to
 * everywhere, no CloudFormation resource removes a rule, and no template can declare the group: the
 * control was judged only on a security group named default (AWS Config, Terraform), so a template's
 * VPC never drew an EC2.2 answer, not even with an ingress rule opened on its default group.
 */
class VpcDefaultSecurityGroupTest {
    private static final Path DIR = Path.of("src/test/resources/templates-vpc-default-sg");
    private static final Evaluation APP = Packs.evaluateTemplate(DIR.resolve("app-and-data-vpcs.yaml"));
    private static final String EC2_2 = "vpc-default-security-group-closed";

    @Test
    void a_vpc_a_template_creates_keeps_the_rules_aws_gives_its_default_group() {
        ControlResult data = control(APP, "DataVpc", EC2_2);
        assertThat(data.status()).isEqualTo(Status.MISSING);
        assertThat(data.securityHub()).containsExactly("EC2.2");
        assertThat(data.evidence()).anySatisfy(e -> assertThat(e)
                .contains("inbound rule allowing all traffic from the group itself").contains("no CloudFormation resource removes a rule"));
        assertThat(APP.findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("DataVpc");
            assertThat(f.rule()).isEqualTo(EC2_2);
        });
    }

    @Test
    void rules_added_to_the_default_group_through_get_att_are_named_as_evidence() {
        ControlResult app = control(APP, "AppVpc", EC2_2);
        assertThat(app.status()).isEqualTo(Status.MISSING);
        assertThat(app.evidence())
                .anySatisfy(e -> assertThat(e).contains("AppDefaultSshIngress (AWS::EC2::SecurityGroupIngress) adds an inbound rule"))
                .anySatisfy(e -> assertThat(e).contains("AppDefaultEgressToData (AWS::EC2::SecurityGroupEgress) adds an outbound rule"))
                // the web tier's own group is not the default group
                .noneSatisfy(e -> assertThat(e).contains("WebHttpsIngress"));
    }

    @Test
    void cdk_restricting_the_default_group_through_a_custom_resource_is_undecided() {
        // restrictDefaultSecurityGroup: a Custom::VpcRestrictDefaultSG whose function revokes the default rules
        Evaluation cdk = Packs.evaluateTemplate(DIR.resolve("cdk-network-stack.template.json"));
        ControlResult vpc = control(cdk, "Vpc8378EB38", EC2_2);
        assertThat(vpc.status()).isEqualTo(Status.UNKNOWN);
        assertThat(vpc.evidence()).singleElement().satisfies(e -> assertThat(e)
                .contains("VpcRestrictDefaultSecurityGroupCustomResourceC73DA2BE (Custom::VpcRestrictDefaultSG)")
                .contains("DefaultSecurityGroupId").contains("srm cannot read"));
    }

    @Test
    void a_terraform_plan_keeps_ec2_2_on_its_default_groups() throws Exception {
        // not a fix but the edge of it: a plan's VPCs are not judged on the VPC (whether an aws_default_security_group
        // of the plan closes the group is read on that group), so a VPC and its group never answer twice
        Path plan = Path.of("src/test/resources/terraform/vpc-default-sg/plan-vpcs-and-default-groups.json");
        List<Evaluation> e = Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
        assertThat(control(e, "aws_default_security_group.orders", EC2_2).status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_default_security_group.reporting", EC2_2).status()).isEqualTo(Status.MISSING);
        assertThat(e.get(0).resources()).filteredOn(r -> r.type().equals("AWS::EC2::VPC")).hasSize(4)
                .allSatisfy(r -> assertThat(r.controls()).noneSatisfy(c -> assertThat(c.id()).isEqualTo(EC2_2)));
    }
}
