package dev.srm.input.cloudformation;

import dev.srm.model.ControlResult;
import dev.srm.model.DutyResult;
import dev.srm.model.Evaluation;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which capacity an ECS cluster or service runs its tasks on decides who runs and patches the hosts
 * (security-shared-model.html). A cluster has no launch type: srm read every cluster that named no
 * Fargate capacity as ECS on EC2, so the Fargate samples' cluster, declared without properties, had
 * the customer patching the guest OS of instances that do not exist, and a HIGH SSM.2 finding on
 * them. ECS.10 judged the platform version of services srm itself classified as EC2 launch type, and
 * ECS.12 was MISSING for a cluster that leaves Container Insights to the account setting.
 */
class EcsLaunchModelTest {
    private static final Path ECS = Path.of("src/test/resources/templates-ecs");

    private static EvaluatedTemplate template(String file) throws Exception {
        return EvaluatedTemplate.of(file.contains("/") ? Path.of(file) : ECS.resolve(file), TemplateParameters.NONE);
    }

    private static Responsibility duty(ResourceResult r, String duty) {
        return r.layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals(duty)).map(DutyResult::party)
                .findFirst().orElseThrow(() -> new AssertionError(duty + " is not a duty of " + r.id()));
    }

    private static ControlResult control(ResourceResult r, String id) {
        return r.controls().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " does not apply to " + r.id()));
    }

    @Test
    void the_fargate_sample_cluster_without_properties_is_not_ecs_on_ec2() throws Exception {
        // ECS/FargateLaunchType/clusters/public-vpc.yaml of aws-cloudformation-templates: "ECSCluster: Type: AWS::ECS::Cluster"
        EvaluatedTemplate t = template("src/test/resources/templates/aws-cloudformation-templates/ecs-fargate-cluster-public-vpc.yaml");
        ResourceResult cluster = t.resource("ECSCluster");

        assertThat(cluster.variant()).isEqualTo("undetermined");
        assertThat(cluster.serviceModel()).isNotEqualTo("IAAS");
        // neither "the customer patches the instances" nor "AWS does": the input does not say which capacity it is
        assertThat(duty(cluster, "os-patching")).isEqualTo(Responsibility.SHARED);
        assertThat(duty(cluster, "underlying-compute-fleet")).isEqualTo(Responsibility.SHARED);
        assertThat(cluster.layer("guest-os-and-app-patching").party()).isEqualTo(Responsibility.SHARED);
        assertThat(cluster.layer("guest-os-and-app-patching").duties()).filteredOn(d -> d.duty().equals("os-patching"))
                .singleElement().satisfies(d -> assertThat(d.reason()).contains("EC2 container instances").contains("Fargate"));
        assertThat(cluster.controls()).noneMatch(c -> c.id().equals("ec2-guest-os-patching"));
        assertThat(t.evaluation().findings()).noneMatch(f -> f.rule().equals("ec2-guest-os-patching"));
    }

    @Test
    void fargate_capacity_providers_given_by_an_associations_resource_make_the_cluster_and_its_service_fargate() throws Exception {
        EvaluatedTemplate t = template("fargate-capacity-providers.yaml");
        ResourceResult cluster = t.resource("Cluster");
        ResourceResult service = t.resource("CheckoutService");

        assertThat(cluster.variant()).isEqualTo("fargate");
        assertThat(duty(cluster, "os-patching")).isEqualTo(Responsibility.AWS);
        // no launch type, no strategy: the service runs on the cluster's default strategy, FARGATE and FARGATE_SPOT
        assertThat(service.variant()).isEqualTo("fargate");
        assertThat(duty(service, "os-patching")).isEqualTo(Responsibility.AWS);
        assertThat(control(service, "ecs-fargate-latest-platform").status()).isEqualTo(Status.MET);
        assertThat(t.evaluation().findings()).noneMatch(f -> f.rule().equals("ec2-guest-os-patching"));
        // containerInsights enhanced is Container Insights with enhanced observability: ECS.12 is met
        assertThat(control(cluster, "ecs-container-insights").status()).isEqualTo(Status.MET);
    }

    @Test
    void an_auto_scaling_group_capacity_provider_makes_the_cluster_ec2_and_takes_its_service_out_of_ecs_10() throws Exception {
        EvaluatedTemplate t = template("asg-capacity-provider.yaml");
        ResourceResult cluster = t.resource("Cluster");
        ResourceResult service = t.resource("ReportService");

        assertThat(cluster.variant()).isEqualTo("ec2");
        assertThat(cluster.serviceModel()).isEqualTo("IAAS");
        assertThat(duty(cluster, "os-patching")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(cluster, "underlying-compute-fleet")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(service.variant()).isEqualTo("ec2");
        // the strategy names the Auto Scaling group's capacity provider: no Fargate platform version to judge
        ControlResult ecs10 = control(service, "ecs-fargate-latest-platform");
        assertThat(ecs10.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(ecs10.reason()).contains("container instances");
    }

    @Test
    void the_ec2_launch_type_sample_service_without_launch_type_is_not_judged_by_ecs_10() throws Exception {
        // ECS/EC2LaunchType/services/private-service.yaml: no LaunchType, a cluster imported from another stack,
        // and a task definition without NetworkMode (bridge, which Fargate does not run)
        ResourceResult service = template("ec2-launch-type-private-service.yaml").resource("Service");

        assertThat(service.variant()).isEqualTo("ec2");
        assertThat(control(service, "ecs-fargate-latest-platform").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void a_service_on_a_cluster_of_another_stack_runs_where_that_cluster_decides() throws Exception {
        EvaluatedTemplate t = template("service-on-imported-cluster.yaml");

        // its task definition requires EC2 (bridge network mode): container instances, whatever the cluster's default
        ResourceResult indexer = t.resource("IndexerService");
        assertThat(indexer.variant()).isEqualTo("ec2");
        assertThat(control(indexer, "ecs-fargate-latest-platform").status()).isEqualTo(Status.NOT_APPLICABLE);

        // a Fargate-compatible task definition: the imported cluster's default strategy decides, which the input does not show
        ResourceResult search = t.resource("SearchService");
        assertThat(search.variant()).isEqualTo("undetermined");
        assertThat(duty(search, "os-patching")).isEqualTo(Responsibility.SHARED);
        assertThat(search.controls()).noneMatch(c -> c.id().equals("ec2-guest-os-patching"));
        ControlResult ecs10 = control(search, "ecs-fargate-latest-platform");
        assertThat(ecs10.status()).isEqualTo(Status.UNKNOWN);
        assertThat(String.join(" ", ecs10.evidence())).contains("Fargate only");
    }

    @Test
    void a_cluster_without_cluster_settings_leaves_container_insights_to_the_account_setting() throws Exception {
        ResourceResult cluster = template("src/test/resources/templates/aws-cloudformation-templates/ecs-fargate-cluster-public-vpc.yaml")
                .resource("ECSCluster");

        ControlResult ecs12 = control(cluster, "ecs-container-insights");
        assertThat(ecs12.status()).isEqualTo(Status.UNKNOWN);
        assertThat(String.join(" ", ecs12.evidence())).contains("account's containerInsights setting");
    }

    @Test
    void the_account_block_states_the_container_insights_account_setting_a_new_cluster_takes() {
        String cluster = """
                resources:
                  - id: PaymentsCluster
                    type: AWS::ECS::Cluster
                    configuration:
                      ClusterName: payments
                      CapacityProviders: [FARGATE]
                """;
        Evaluation enhanced = Packs.evaluateYaml("srm: 1\nid: account-enhanced\ninventory: resources\n"
                + "account: {ecsContainerInsights: enhanced}\n" + cluster);
        Evaluation disabled = Packs.evaluateYaml("srm: 1\nid: account-disabled\ninventory: resources\n"
                + "account: {ecsContainerInsights: disabled}\n" + cluster);

        assertThat(enhanced.resources().get(0).control("ecs-container-insights").status()).isEqualTo(Status.MET);
        assertThat(disabled.resources().get(0).control("ecs-container-insights").status()).isEqualTo(Status.MISSING);
    }
}
