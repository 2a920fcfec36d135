package dev.srm.input.cloudformation;

import dev.srm.facts.Setting;
import dev.srm.model.ControlResult;
import dev.srm.model.DutyResult;
import dev.srm.model.ResourceResult;
import dev.srm.model.Responsibility;
import dev.srm.model.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AWS's ECS samples (ECS/EC2LaunchType/clusters of aws-cloudformation-templates, and the older
 * "cluster with an Auto Scaling group" JSON) attach container instances to the cluster only through
 * the user data of a launch template or launch configuration: {@code echo ECS_CLUSTER=${ECSCluster}
 * >> /etc/ecs/ecs.config}, no capacity provider, no service. srm read no user data, so since the
 * cluster's capacity became a question of what the input shows, such a cluster was "undetermined":
 * guest-OS patching SHARED for instances the customer runs and must patch.
 */
class EcsUserDataTest {
    private static final Path ECS = Path.of("src/test/resources/templates-ecs");

    private static EvaluatedTemplate template(String file) throws Exception {
        return EvaluatedTemplate.of(ECS.resolve(file), TemplateParameters.NONE);
    }

    private static Responsibility duty(ResourceResult r, String duty) {
        return r.layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals(duty)).map(DutyResult::party)
                .findFirst().orElseThrow(() -> new AssertionError(duty + " is not a duty of " + r.id()));
    }

    private static ControlResult ssm2(ResourceResult r) {
        return r.controls().stream().filter(c -> c.securityHub().contains("SSM.2")).findFirst()
                .orElseThrow(() -> new AssertionError("SSM.2 does not apply to " + r.id()));
    }

    @Test
    void the_sample_cluster_whose_launch_template_user_data_subs_the_cluster_is_ecs_on_ec2() throws Exception {
        EvaluatedTemplate t = template("user-data-cluster-sub.yaml");
        ResourceResult cluster = t.resource("ECSCluster");

        assertThat(cluster.variant()).isEqualTo("ec2");
        assertThat(cluster.serviceModel()).isEqualTo("IAAS");
        assertThat(cluster.reason()).contains("ContainerInstances").contains("ECS_CLUSTER");
        assertThat(duty(cluster, "os-patching")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(duty(cluster, "underlying-compute-fleet")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(cluster.layer("guest-os-and-app-patching").party()).isEqualTo(Responsibility.CUSTOMER);
        // SSM.2 judges the managed instances: the Auto Scaling group that launches them, not the cluster
        assertThat(ssm2(t.resource("ECSAutoScalingGroup")).owner()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(cluster.controls()).noneMatch(c -> c.securityHub().contains("SSM.2"));
    }

    @Test
    void a_launch_configuration_whose_user_data_joins_a_ref_of_the_cluster_makes_it_ecs_on_ec2() throws Exception {
        EvaluatedTemplate t = template("user-data-cluster-join.json");
        ResourceResult cluster = t.resource("ECSCluster");

        assertThat(cluster.variant()).isEqualTo("ec2");
        assertThat(cluster.reason()).contains("ContainerInstances");
        assertThat(duty(cluster, "os-patching")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(ssm2(t.resource("ECSAutoScalingGroup")).owner()).isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void an_instance_whose_ecs_config_names_the_cluster_by_its_cluster_name_makes_it_ecs_on_ec2() throws Exception {
        EvaluatedTemplate t = template("user-data-cluster-evidence.yaml");
        ResourceResult orders = t.resource("OrdersCluster");

        assertThat(orders.variant()).isEqualTo("ec2");
        assertThat(orders.reason()).contains("OrdersHost");
        assertThat(duty(orders, "os-patching")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(ssm2(t.resource("OrdersHost")).owner()).isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void a_fargate_cluster_that_burst_hosts_join_through_user_data_has_container_instances_to_patch() throws Exception {
        // FARGATE and FARGATE_SPOT alone, and an Auto Scaling group's instances that register with it: both kinds of
        // capacity, which srm's model takes as EC2 (the customer patches the instances some of its tasks run on)
        EvaluatedTemplate t = template("user-data-cluster-evidence.yaml");
        ResourceResult checkout = t.resource("CheckoutCluster");

        assertThat(checkout.variant()).isEqualTo("ec2");
        assertThat(checkout.reason()).contains("CheckoutBurstHosts");
        assertThat(duty(checkout, "os-patching")).isEqualTo(Responsibility.CUSTOMER);
        assertThat(ssm2(t.resource("CheckoutBurstGroup")).owner()).isEqualTo(Responsibility.CUSTOMER);
    }

    @Test
    void user_data_that_names_another_cluster_or_a_name_only_the_deployment_gives_is_no_evidence() throws Exception {
        EvaluatedTemplate t = template("user-data-cluster-evidence.yaml");

        // ECS_CLUSTER=reports-legacy: not the name of ReportsCluster ("reports")
        ResourceResult reports = t.resource("ReportsCluster");
        assertThat(reports.variant()).isEqualTo("undetermined");
        assertThat(duty(reports, "os-patching")).isEqualTo(Responsibility.SHARED);
        // ECS_CLUSTER=${BatchClusterName}, a parameter without a value: the input does not say which cluster
        ResourceResult batch = t.resource("BatchCluster");
        assertThat(batch.variant()).isEqualTo("undetermined");
        assertThat(duty(batch, "os-patching")).isEqualTo(Responsibility.SHARED);
    }

    @Test
    void a_parameter_given_a_value_names_the_cluster_of_that_name() throws Exception {
        EvaluatedTemplate t = EvaluatedTemplate.of(ECS.resolve("user-data-cluster-evidence.yaml"),
                TemplateParameters.of(Map.of("BatchClusterName", "nightly-batch")));
        ResourceResult batch = t.resource("BatchCluster");

        assertThat(batch.variant()).isEqualTo("ec2");
        assertThat(batch.reason()).contains("BatchHosts");
        assertThat(t.resource("ReportsCluster").variant()).isEqualTo("undetermined");
    }

    /** The clusters the CloudFormation reader finds in the user data of each launcher of the template. */
    private static Map<String, List<String>> clustersOfUserData(String yaml) throws Exception {
        Scenario s = new CloudFormationReader().read("cluster.yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0);
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (String id : List.of("Tagged", "Suffixed", "ShellVariable", "ByArn", "OtherVariable", "Conditional", "Plain")) {
            if (s.resource(id) != null) {
                out.put(id, s.resource(id).settings().stream().filter(x -> x.path().startsWith(UserData.KEY + "["))
                        .map(Setting::value).toList());
            }
        }
        return out;
    }

    @Test
    void only_a_ref_of_a_cluster_or_its_cluster_name_as_the_whole_value_of_ecs_cluster_counts() throws Exception {
        String template = """
                Parameters:
                  KeepLegacyCluster:
                    Type: String
                    AllowedValues: ["true", "false"]
                    Default: "false"
                Conditions:
                  InLegacyAccount: !Equals [!Ref KeepLegacyCluster, "true"]
                Resources:
                  ECSCluster:
                    Type: AWS::ECS::Cluster
                    Properties:
                      ClusterName: payments
                  LegacyCluster:
                    Type: AWS::ECS::Cluster
                    Condition: InLegacyAccount
                  Plain:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash -xe
                          echo ECS_CLUSTER=${ECSCluster} >> /etc/ecs/ecs.config
                  Tagged:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: |
                          #!/bin/bash -xe
                          echo "ECS_CLUSTER=payments" >> /etc/ecs/ecs.config
                  Suffixed:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash -xe
                          echo ECS_CLUSTER=${ECSCluster}-blue >> /etc/ecs/ecs.config
                  ShellVariable:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: |
                          #!/bin/bash -xe
                          CLUSTER=$(aws ssm get-parameter --name /payments/cluster --query Parameter.Value --output text)
                          echo ECS_CLUSTER=$CLUSTER >> /etc/ecs/ecs.config
                  ByArn:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash -xe
                          echo ECS_CLUSTER=${ECSCluster.Arn} >> /etc/ecs/ecs.config
                  OtherVariable:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash -xe
                          echo BACKUP_ECS_CLUSTER=${ECSCluster} >> /etc/app.env
                  Conditional:
                    Type: AWS::EC2::Instance
                    Properties:
                      ImageId: ami-0abcdef1234567890
                      UserData:
                        Fn::Base64: !Sub |
                          #!/bin/bash -xe
                          echo ECS_CLUSTER=${LegacyCluster} >> /etc/ecs/ecs.config
                """;

        Map<String, List<String>> found = clustersOfUserData(template);

        assertThat(found).containsEntry("Plain", List.of("ECSCluster")).containsEntry("Tagged", List.of("ECSCluster"));
        // ${ECSCluster}-blue is another name; $CLUSTER only the shell knows; an ARN is not the name; BACKUP_ECS_CLUSTER
        // is not the agent's variable; a cluster whose condition is false does not exist
        assertThat(found).containsEntry("Suffixed", List.of()).containsEntry("ShellVariable", List.of())
                .containsEntry("ByArn", List.of()).containsEntry("OtherVariable", List.of()).containsEntry("Conditional", List.of());
    }
}
