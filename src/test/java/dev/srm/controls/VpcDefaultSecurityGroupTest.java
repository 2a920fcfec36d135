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
 * EC2.2 (the VPC's default security group allows no traffic) on a VPC a template or a Terraform plan creates. AWS creates
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

    /**
     * A plan's new VPC was never judged: only an aws_default_security_group was. A VPC the plan creates with no
     * aws_default_security_group keeps the rules AWS gives its group (MISSING, as a template's VPC). One whose group an
     * aws_default_security_group takes over is judged on that group alone, as Security Hub reports EC2.2 on the group:
     * closed (MET) when it lists no rule, Terraform removing every rule it does not list; MISSING when it keeps one.
     * Judging the VPC as well gave two HIGH findings for one group. A VPC the plan does not create (no-op) may have had
     * its group's rules removed since: not judged.
     */
    @Test
    void a_terraform_plans_new_vpc_is_judged_when_no_default_group_takes_it_over_and_the_group_when_one_does() throws Exception {
        List<Evaluation> e = plan("plan-vpcs-and-default-groups.json");
        ControlResult batch = control(e, "aws_vpc.batch", EC2_2);
        assertThat(batch.status()).isEqualTo(Status.MISSING);
        assertThat(batch.securityHub()).containsExactly("EC2.2");
        assertThat(batch.evidence()).singleElement().satisfies(x -> assertThat(x)
                .contains("inbound rule allowing all traffic from the group itself").contains("no aws_default_security_group of the plan takes it over"));
        assertThat(e.get(0).findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("aws_vpc.batch");
            assertThat(f.rule()).isEqualTo(EC2_2);
        });
        for (String vpc : List.of("aws_vpc.orders", "aws_vpc.reporting", "aws_vpc.shared_services")) {
            assertThat(notJudged(e, vpc)).as(vpc).isTrue();
        }
        assertThat(control(e, "aws_default_security_group.orders", EC2_2).status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_default_security_group.reporting", EC2_2).status()).isEqualTo(Status.MISSING);
        assertThat(e.get(0).findings()).filteredOn(f -> f.rule().equals(EC2_2)).extracting(f -> f.resource())
                .containsExactlyInAnyOrder("aws_vpc.batch", "aws_default_security_group.reporting");
    }

    @Test
    void a_default_group_names_its_vpc_through_a_module_output_or_the_same_count_index() throws Exception {
        List<Evaluation> e = plan("plan-vpcs-by-module-and-count.json");
        // vpc_id = aws_vpc.this.id inside the module; vpc_id = module.edge.vpc_id from the root; vpc_id =
        // aws_vpc.lab[count.index].id, each lab VPC its own group: each VPC is taken over, so its group answers
        for (String[] vg : List.of(new String[] {"module.core.aws_vpc.this", "module.core.aws_default_security_group.this"},
                new String[] {"module.edge.aws_vpc.this", "aws_default_security_group.edge"},
                new String[] {"aws_vpc.lab/0", "aws_default_security_group.lab/0"},
                new String[] {"aws_vpc.lab/1", "aws_default_security_group.lab/1"})) {
            assertThat(notJudged(e, vg[0])).as(vg[0]).isTrue();
            assertThat(control(e, vg[1], EC2_2).status()).as(vg[1]).isEqualTo(Status.MET);
        }
        // vpc_id = aws_vpc.spoke[0].id with an HTTPS ingress block: the first spoke's group fails on its rule, the second
        // spoke keeps AWS's rules
        assertThat(notJudged(e, "aws_vpc.spoke/0")).isTrue();
        assertThat(control(e, "aws_default_security_group.spoke", EC2_2).status()).isEqualTo(Status.MISSING);
        ControlResult second = control(e, "aws_vpc.spoke/1", EC2_2);
        assertThat(second.status()).isEqualTo(Status.MISSING);
        assertThat(second.evidence()).singleElement().satisfies(x -> assertThat(x).contains("no aws_default_security_group of the plan takes it over"));
    }

    private static boolean notJudged(List<Evaluation> e, String id) {
        return e.get(0).resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().controls().stream()
                .noneMatch(c -> c.id().equals(EC2_2));
    }

    @Test
    void a_default_group_whose_vpc_id_comes_through_a_local_value_leaves_the_plans_new_vpcs_undecided() throws Exception {
        // vpc_id = local.vpc_id: a plan's configuration holds no local values, and the id is known only after apply;
        // the group may take over either new VPC's group, so neither is MET nor MISSING
        List<Evaluation> e = plan("plan-default-group-through-a-local.json");
        for (String vpc : List.of("aws_vpc.payments", "aws_vpc.ledger")) {
            ControlResult c = control(e, vpc, EC2_2);
            assertThat(c.status()).as("%s %s", vpc, c.evidence()).isEqualTo(Status.UNKNOWN);
            assertThat(c.evidence()).singleElement().satisfies(x -> assertThat(x)
                    .contains("aws_default_security_group.payments may take it over").contains("known only after apply"));
        }
        // the group, whichever VPC it is in, lists no rule
        assertThat(control(e, "aws_default_security_group.payments", EC2_2).status()).isEqualTo(Status.MET);
    }

    private static List<Evaluation> plan(String name) throws Exception {
        Path plan = Path.of("src/test/resources/terraform/vpc-default-sg").resolve(name);
        return Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
    }
}
