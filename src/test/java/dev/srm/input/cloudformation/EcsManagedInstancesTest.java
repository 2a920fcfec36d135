package dev.srm.input.cloudformation;

import dev.srm.model.DutyResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECS Managed Instances: AWS launches, patches (the OS, at the latest every 21 days by
 * replacement) and retires the EC2 instances; the customer owns images and tasks
 * (security-shared-model-managed-instances.html). The cluster, service and task definition
 * of such capacity were ECS on EC2: the customer's host fleet and guest-OS patching, and a HIGH
 * SSM.2 finding on instances nobody can log in to.
 */
class EcsManagedInstancesTest {
    private static final Path TEMPLATE = Path.of("src/test/resources/templates-ecs/managed-instances.yaml");

    private static Responsibility duty(ResourceResult r, String duty) {
        return r.layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals(duty)).map(DutyResult::party)
                .findFirst().orElseThrow(() -> new AssertionError(duty + " is not a duty of " + r.id()));
    }

    @Test
    void the_cluster_service_and_task_definition_of_managed_instances_capacity_leave_the_hosts_to_aws() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(TEMPLATE, TemplateParameters.NONE);
        for (String id : new String[] {"Cluster", "ManagedCapacity", "OrdersService", "OrdersTask"}) {
            ResourceResult r = t.resource(id);
            assertThat(r.variant()).as(id).isEqualTo("managed-instances");
            assertThat(duty(r, "os-patching")).as(id).isEqualTo(Responsibility.AWS);
            assertThat(duty(r, "underlying-compute-fleet")).as(id).isEqualTo(Responsibility.AWS);
            assertThat(duty(r, "application-and-dependency-patching")).as(id).isEqualTo(Responsibility.CUSTOMER);
            assertThat(r.controls()).as(id).noneMatch(c -> c.id().equals("ec2-guest-os-patching"));
        }
        assertThat(duty(t.resource("OrdersService"), "multi-az-placement")).isEqualTo(Responsibility.SHARED);
    }
}
