package dev.srm.input.cloudformation;

import dev.srm.model.ResourceResult;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A security group's rules written as separate AWS::EC2::SecurityGroupIngress/Egress resources are
 * the group's rules: the controls on the group read them as they read its inline rules (a group that
 * a standalone rule opens to the world is not MET). A rule a decided condition removes is not read; a
 * rule on a group outside the template stays a resource of its own.
 */
class StandaloneSecurityGroupRulesTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-sg/web-tier-rules.yaml");

    @Test
    void a_standalone_rule_that_opens_ssh_to_the_world_makes_its_group_miss_the_controls() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        assertThat(e.status("WebSecurityGroup", "ec2-security-group-no-open-ssh")).isEqualTo(Status.MISSING);
        assertThat(e.status("WebSecurityGroup", "vpc-sg-no-admin-ports-ipv4")).isEqualTo(Status.MISSING);
        assertThat(e.resource("WebSecurityGroup").notices())
                .anyMatch(n -> n.contains("SecurityGroupIngress[1] is the standalone AWS::EC2::SecurityGroupIngress WebSshFromAnywhere"));
        // the inline HTTPS rule is read as before: 443 from anywhere is an authorized port, 22 is not
        assertThat(e.status("WebSecurityGroup", "vpc-sg-authorized-ports-only")).isEqualTo(Status.MISSING);
        // the group answers for the rule: the rule itself draws no second finding for the same opening
        assertThat(e.resource("WebSshFromAnywhere").controls()).isEmpty();
        assertThat(e.evaluation().findings()).noneMatch(f -> f.resource().equals("WebSshFromAnywhere"));
    }

    @Test
    void a_group_named_by_ref_or_by_group_name_gets_its_rules_and_a_rule_from_another_group_opens_nothing() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        // AppFromWeb admits the web group on 8080: no CIDR, nothing open to the world
        assertThat(e.status("AppSecurityGroup", "vpc-sg-no-admin-ports-ipv4")).isEqualTo(Status.MET);
        assertThat(e.status("AppSecurityGroup", "vpc-sg-authorized-ports-only")).isEqualTo(Status.MET);
        assertThat(e.resource("AppSecurityGroup").notices())
                .anyMatch(n -> n.contains("SecurityGroupEgress[0] is the standalone AWS::EC2::SecurityGroupEgress AppToDatabase"))
                .noneMatch(n -> n.contains("AppDebugFromAnywhere"));
        // LegacyRdpFromAnywhere names its group by GroupName and opens RDP to ::/0
        assertThat(e.status("LegacySecurityGroup", "vpc-sg-no-admin-ports-ipv6")).isEqualTo(Status.MISSING);
        assertThat(e.status("LegacySecurityGroup", "vpc-sg-no-admin-ports-ipv4")).isEqualTo(Status.MET);
    }

    @Test
    void a_rule_under_a_condition_counts_only_where_the_condition_holds() throws Exception {
        EvaluatedTemplate dev = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.of(Map.of("Env", "dev")));

        assertThat(dev.status("AppSecurityGroup", "vpc-sg-no-admin-ports-ipv4")).isEqualTo(Status.MISSING);
        assertThat(dev.resource("AppSecurityGroup").notices()).anyMatch(n -> n.contains("AppDebugFromAnywhere"));
    }

    @Test
    void a_rule_on_a_group_outside_the_template_stays_a_resource_of_its_own() throws Exception {
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        assertThat(e.evaluation().resources()).extracting(ResourceResult::id).contains("SharedFromAnywhere", "WebSshFromAnywhere");
        assertThat(e.evaluation().resources()).flatExtracting(ResourceResult::notices).noneMatch(n -> n.contains("SharedFromAnywhere"));
    }

    @Test
    void a_rule_on_a_group_outside_the_template_is_judged_on_what_it_opens() throws Exception {
        // SSH from 0.0.0.0/0 on the shared services group, whose id is a parameter: before, it drew no
        // control and no finding at all, as if the template opened nothing
        EvaluatedTemplate e = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);

        for (String control : List.of("ec2-security-group-no-open-ssh", "vpc-sg-no-admin-ports-ipv4", "vpc-sg-no-high-risk-ports",
                "vpc-sg-authorized-ports-only")) {
            assertThat(e.status("SharedFromAnywhere", control)).as(control).isEqualTo(Status.MISSING);
        }
        // IPv4 only: the IPv6 control reads CidrIpv6
        assertThat(e.status("SharedFromAnywhere", "vpc-sg-no-admin-ports-ipv6")).isEqualTo(Status.MET);
        assertThat(e.evaluation().findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("SharedFromAnywhere");
            assertThat(f.rule()).isEqualTo("vpc-sg-no-high-risk-ports");
            assertThat(f.owner()).isEqualTo(dev.srm.model.Responsibility.CUSTOMER);
        });
    }
}
