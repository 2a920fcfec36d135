package dev.srm.controls;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.engine.Evaluator;
import dev.srm.input.mapping.Scope;
import dev.srm.input.mapping.SourcePath;
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
 * Security Hub RDS.38 (PostgreSQL), RDS.39 (MySQL), RDS.41 (SQL Server) and RDS.44 (MariaDB): an
 * RDS instance refuses connections without SSL/TLS when its DB parameter group turns rds.force_ssl
 * or require_secure_transport on. The group is an AWS::RDS::DBParameterGroup of the template (named
 * by Ref or by its DBParameterGroupName), a default group (default.postgres13), the default group of
 * the engine version when the instance names none (rds.force_ssl 1 from PostgreSQL 15, 0 before;
 * SQL Server 0), or a group the input does not describe. Before, srm had no control for any of them:
 * a PostgreSQL 14 or SQL Server instance on its default group, which accepts plain-text connections,
 * was reported with nothing to do.
 */
class RdsEncryptedInTransitTest {
    private static final Evaluation TEMPLATE = Packs.evaluateTemplate(Path.of("src/test/resources/templates-rds-in-transit/databases.yaml"));
    private static final String PG = "rds-postgres-encrypted-in-transit";
    private static final String MYSQL = "rds-mysql-encrypted-in-transit";
    private static final String SQLSERVER = "rds-sqlserver-encrypted-in-transit";

    @Test
    void a_postgres_16_instance_whose_group_forces_ssl_meets_rds_38() {
        ControlResult c = control(TEMPLATE, "OrdersDb", PG);
        assertThat(c.status()).as("%s", c.evidence()).isEqualTo(Status.MET);
        assertThat(c.securityHub()).containsExactly("RDS.38");
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e).contains("OrdersPostgresParams").contains("rds.force_ssl = 1"));
    }

    @Test
    void the_default_group_decides_by_engine_version_postgres_14_fails_and_16_passes() {
        ControlResult legacy = control(TEMPLATE, "LegacyReportsDb", PG);
        assertThat(legacy.status()).as("%s", legacy.evidence()).isEqualTo(Status.MISSING);
        assertThat(legacy.evidence()).anySatisfy(e -> assertThat(e).contains("no DBParameterGroupName").contains("14.12")
                .contains("rds.force_ssl 0"));
        assertThat(TEMPLATE.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(PG);
            assertThat(f.resource()).isEqualTo("LegacyReportsDb");
            assertThat(f.owner()).isEqualTo(Responsibility.CUSTOMER);
        });
        ControlResult current = control(TEMPLATE, "AnalyticsDb", PG);
        assertThat(current.status()).as("%s", current.evidence()).isEqualTo(Status.MET);
        // a default group named outright: default.postgres13 leaves rds.force_ssl at 0
        assertThat(control(TEMPLATE, "ArchiveDb", PG).status()).isEqualTo(Status.MISSING);
        assertThat(control(TEMPLATE, "ArchiveDb", PG).evidence()).anySatisfy(e -> assertThat(e).contains("default.postgres13"));
    }

    @Test
    void without_an_engine_version_the_default_group_of_postgres_is_not_known() {
        ControlResult c = control(TEMPLATE, "SandboxDb", PG);
        assertThat(c.status()).isEqualTo(Status.UNKNOWN);
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e).contains("no EngineVersion"));
    }

    @Test
    void a_mysql_group_named_by_its_name_with_require_secure_transport_on_meets_rds_39() {
        ControlResult c = control(TEMPLATE, "InventoryDb", MYSQL);
        assertThat(c.status()).as("%s", c.evidence()).isEqualTo(Status.MET);
        assertThat(c.securityHub()).containsExactly("RDS.39");
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e).contains("InventoryMysqlParams").contains("require_secure_transport = ON"));
    }

    @Test
    void a_mysql_group_that_leaves_require_secure_transport_out_has_its_family_default_off() {
        ControlResult c = control(TEMPLATE, "CatalogDb", MYSQL);
        assertThat(c.status()).as("%s", c.evidence()).isEqualTo(Status.MISSING);
        assertThat(c.evidence()).anySatisfy(e -> assertThat(e).contains("does not set require_secure_transport").contains("mysql8.0"));
    }

    @Test
    void sql_server_on_its_default_group_fails_rds_41_and_a_group_outside_the_template_is_unknown() {
        ControlResult payroll = control(TEMPLATE, "PayrollDb", SQLSERVER);
        assertThat(payroll.status()).as("%s", payroll.evidence()).isEqualTo(Status.MISSING);
        assertThat(payroll.securityHub()).containsExactly("RDS.41");
        ControlResult hr = control(TEMPLATE, "HrDb", SQLSERVER);
        assertThat(hr.status()).as("%s", hr.evidence()).isEqualTo(Status.UNKNOWN);
        assertThat(hr.evidence()).anySatisfy(e -> assertThat(e).contains("platform-sqlserver-web-15-tls").contains("does not describe"));
    }

    @Test
    void each_instance_gets_only_the_control_of_its_engine() {
        assertThat(TEMPLATE.resources().stream().filter(r -> r.id().equals("OrdersDb")).flatMap(r -> r.controls().stream())
                .map(ControlResult::id)).contains(PG).doesNotContain(MYSQL, SQLSERVER, "rds-mariadb-encrypted-in-transit");
        // a parameter group is judged through the instances that use it, not on its own
        assertThat(TEMPLATE.resources().stream().filter(r -> r.id().equals("OrdersPostgresParams")).flatMap(r -> r.controls().stream())
                .map(ControlResult::id)).doesNotContain(PG);
    }

    /** The group of another resource is read even when a large input is evaluated in parts of one resource. */
    @Test
    void the_group_is_read_across_the_parts_of_a_split_evaluation() throws Exception {
        dev.srm.model.Scenario s = new dev.srm.input.cloudformation.CloudFormationReader().read("databases.yaml",
                Files.readAllBytes(Path.of("src/test/resources/templates-rds-in-transit/databases.yaml"))).get(0);
        Evaluation parts = new Evaluator(Packs.bundled(), 1).evaluate(s);
        assertThat(control(parts, "OrdersDb", PG).status()).isEqualTo(Status.MET);
        assertThat(control(parts, "CatalogDb", MYSQL).status()).isEqualTo(Status.MISSING);
        assertThat(parts).isEqualTo(new Evaluator(Packs.bundled(), Integer.MAX_VALUE).evaluate(s));
    }

    @Test
    void a_terraform_plan_reads_the_parameter_blocks_of_aws_db_parameter_group() throws Exception {
        Path plan = Path.of("src/test/resources/terraform/mapped/plan-rds-parameter-groups.json");
        List<Evaluation> e = Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
        // parameter { name = "rds.force_ssl" value = "1" }, the group named by aws_db_parameter_group.orders_tls.name
        assertThat(control(e, "aws_db_instance.orders", PG).status()).isEqualTo(Status.MET);
        // a group named by name_prefix (its name known only after apply) without require_secure_transport: mysql8.0's OFF
        ControlResult reports = control(e, "aws_db_instance.reports", MYSQL);
        assertThat(reports.status()).as("%s", reports.evidence()).isEqualTo(Status.MISSING);
        assertThat(reports.evidence()).anySatisfy(x -> assertThat(x).contains("aws_db_parameter_group.reports"));
        // no parameter_group_name: RDS gives the instance the default group of PostgreSQL 14
        assertThat(control(e, "aws_db_instance.ledger", PG).status()).isEqualTo(Status.MISSING);
        // a group by the name of one the plan does not hold
        assertThat(control(e, "aws_db_instance.hr", SQLSERVER).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_aws_config_item_shows_the_group_by_name_and_whether_it_is_in_sync() throws Exception {
        Path items = Path.of("src/test/resources/config/rds-parameter-groups.json");
        List<Evaluation> e = Packs.srm().evaluate(items.toString(), Files.readAllBytes(items), InputFormat.config, false);
        String db = "arn:aws:rds:eu-west-1:444455556666:db:";
        // default.postgres16: rds.force_ssl 1
        assertThat(control(e, db + "orders-db", PG).status()).isEqualTo(Status.MET);
        // a custom group: Config records its name, not its values
        assertThat(control(e, db + "billing-db", PG).status()).isEqualTo(Status.UNKNOWN);
        // the group changed and the instance not rebooted: the Config rule is NON_COMPLIANT
        ControlResult pending = control(e, db + "payments-db", PG);
        assertThat(pending.status()).isEqualTo(Status.MISSING);
        assertThat(pending.evidence()).anySatisfy(x -> assertThat(x).contains("pending-reboot").contains("not in sync"));
        // a member of a Multi-AZ DB cluster is not evaluated
        assertThat(control(e, db + "ledger-maz-instance-1", PG).status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(control(e, db + "payroll-db", SQLSERVER).status()).isEqualTo(Status.MISSING);
        assertThat(control(e, db + "inventory-db", MYSQL).status()).isEqualTo(Status.MISSING);
    }

    @Test
    void a_source_path_selects_by_a_value_that_holds_dots() throws Exception {
        var parameters = new ObjectMapper().readTree("""
                {"parameter": [{"name": "log_min_duration_statement", "value": "500"}, {"name": "rds.force_ssl", "value": "1"}]}""");
        List<SourcePath.Match> found = SourcePath.parse("parameter[name=rds.force_ssl].value").select(Scope.root(parameters));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).node().asText()).isEqualTo("1");
    }
}
