package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static dev.srm.testing.Results.control;
import static dev.srm.testing.Results.duty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three answers a review on defsec's CloudFormation examples found wrong, on a legacy stack:
 * a version older than every one AWS still lists was UNKNOWN ("matches no version") where it is past
 * its end of support; a database in a DB subnet group the template names but does not hold was RDS.2
 * MISSING (CRITICAL) where that VPC's internet gateway, which the input does not show, decides; and a
 * template's paused trail made CloudTrail.3 MISSING for the account, whose other trails it does not hold.
 */
class LegacyPlatformTest {
    private static final Path STACK = Path.of("src/test/resources/templates-review/legacy-platform.yaml");

    private static Evaluation stack() throws Exception {
        return EvaluatedTemplate.of(STACK, TemplateParameters.of(Map.of())).evaluation();
    }

    @Test
    void a_version_older_than_every_listed_one_is_past_its_end_of_support_and_the_customer_upgrades_it() throws Exception {
        Evaluation e = stack();
        ControlResult eks2 = control(e, "PlatformCluster", "eks-supported-version");
        assertThat(eks2.status()).isEqualTo(Status.MISSING);
        assertThat(eks2.evidence()).anySatisfy(ev -> assertThat(ev)
                .contains("Version 1.14 is older than 1.18, the oldest version of lifecycle 'eks-kubernetes', whose support ended on 2022-03-31"));
        assertThat(duty(e, "PlatformCluster", "version-upgrades").party()).isEqualTo(Responsibility.CUSTOMER);

        assertThat(control(e, "BillingDb", "rds-supported-engine-version").status()).isEqualTo(Status.MISSING);
        assertThat(duty(e, "BillingDb", "engine-patching").party()).as("9.3 is older than 9.6, which ended in 2022")
                .isEqualTo(Responsibility.CUSTOMER);
        ControlResult mysql = control(e, "LedgerDb", "rds-supported-engine-version");
        assertThat(mysql.status()).isEqualTo(Status.MISSING);
        assertThat(mysql.evidence()).anySatisfy(ev -> assertThat(ev).contains("whose standard support ended on"));
        assertThat(duty(e, "LedgerDb", "engine-patching").party()).as("5.5 predates RDS Extended Support")
                .isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void a_version_newer_than_the_catalogue_stays_unknown() throws Exception {
        ControlResult preview = control(stack(), "PreviewDb", "rds-supported-engine-version");
        assertThat(preview.status()).isEqualTo(Status.UNKNOWN);
        assertThat(preview.evidence()).anySatisfy(ev -> assertThat(ev).contains("matches no version of lifecycle 'rds-postgresql'"));
    }

    @Test
    void a_db_subnet_group_outside_the_template_leaves_public_access_undecided() throws Exception {
        ControlResult rds2 = control(stack(), "ReportsDb", "rds-not-publicly-accessible");
        assertThat(rds2.status()).isEqualTo(Status.UNKNOWN);
        assertThat(rds2.evidence()).anySatisfy(ev -> assertThat(ev)
                .contains("DB subnet group network-stack-private-db is in a VPC the input does not show"));
        assertThat(stack().findings()).noneSatisfy(f -> assertThat(f.rule() + "/" + f.resource())
                .isEqualTo("rds-not-publicly-accessible/ReportsDb"));
    }

    @Test
    void a_paused_trail_of_a_template_does_not_show_that_no_trail_of_the_account_logs() throws Exception {
        ControlResult trail = stack().accountControls().stream().filter(c -> c.id().equals("cloudtrail-trail-logging")).findFirst()
                .orElseThrow();
        assertThat(trail.status()).isEqualTo(Status.UNKNOWN);
        assertThat(trail.evidence()).anySatisfy(ev -> assertThat(ev).contains("the input does not hold all of the account's trails"));
    }
}
