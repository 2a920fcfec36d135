package dev.srm.input.config;

import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items of resource types srm judged in templates but did not read from AWS Config (each gave
 * "no srm mapping for AWS Config type ...: N items not assessed"), shaped as AWS Config records
 * them (the properties awslabs/aws-config-resource-schema lists for each type): the controls that
 * read them now answer, and what an item does not record stays undecided.
 */
class MoreItemTypesTest {
    private static final Path DIR = Path.of("src/test/resources/config");
    private static final ConfigReader READER = new ConfigReader(GroupBy.account);

    private static Evaluation evaluate(String file) throws Exception {
        List<Evaluation> e = Packs.srm().evaluate(file, Files.readAllBytes(DIR.resolve(file)), InputFormat.config, false);
        assertThat(e).hasSize(1);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("no srm mapping")).noneMatch(w -> w.contains("unknown configuration key"));
        return e.get(0);
    }

    private static Status status(Evaluation e, String resource, String control) {
        if (resource.equals("account")) {
            return e.accountControls().stream().filter(x -> x.id().equals(control)).findFirst()
                    .orElseThrow(() -> new AssertionError(control + " not on the account")).status();
        }
        ControlResult c = e.resources().stream().filter(r -> r.id().equals(resource)).flatMap(r -> r.controls().stream())
                .filter(x -> x.id().equals(control)).findFirst().orElseThrow(() -> new AssertionError(control + " not on " + resource));
        return c.status();
    }

    /** ECS.19: the item of a capacity provider records its Auto Scaling group provider's managed termination protection. */
    @Test
    void ecs_capacity_providers_are_judged_on_their_managed_termination_protection() throws Exception {
        Evaluation e = evaluate("ecs-capacity-providers.json");
        String cp = "arn:aws:ecs:eu-west-1:444455556666:capacity-provider/";
        assertThat(status(e, cp + "orders-ec2-capacity", "ecs-capacity-provider-termination-protection")).isEqualTo(Status.MET);
        assertThat(status(e, cp + "batch-ec2-capacity", "ecs-capacity-provider-termination-protection")).isEqualTo(Status.MISSING);
    }

    /** S3.24: a Multi-Region Access Point's item records its four Block Public Access settings. */
    @Test
    void multi_region_access_points_are_judged_on_their_block_public_access_settings() throws Exception {
        Evaluation e = evaluate("s3-multi-region-access-points.json");
        assertThat(status(e, "arn:aws:s3::444455556666:accesspoint/mfzwi23gnjvgw.mrap", "s3-multi-region-access-point-block-public-access")).isEqualTo(Status.MET);
        // BlockPublicPolicy and RestrictPublicBuckets false
        assertThat(status(e, "arn:aws:s3::444455556666:accesspoint/h3kq9x2rwv4fe.mrap", "s3-multi-region-access-point-block-public-access")).isEqualTo(Status.MISSING);
    }

    /** IAM.28: an analyzer of type ACCOUNT is an external access analyzer; an unused access analyzer is not one. */
    @Test
    void an_external_access_analyzers_item_meets_iam_28_and_an_unused_access_analyzer_does_not() throws Exception {
        assertThat(status(evaluate("access-analyzers.json"), "account", "iam-access-analyzer-external")).isEqualTo(Status.MET);
        assertThat(status(evaluate("access-analyzer-unused-only.json"), "account", "iam-access-analyzer-external")).isNotEqualTo(Status.MET);
    }

    /**
     * EFS.2, DynamoDB.4 and EC2.28: a backup selection's item takes resources in by Resources and ListOfTags. The
     * properties Config lists for the type leave out ListOfTags and Conditions: a selection whose item leaves them
     * out does not decide (a condition may leave out the table its Resources name), where one whose item records
     * them, empty ones too, does.
     */
    @Test
    void backup_selections_put_tables_and_volumes_in_a_backup_plan_as_far_as_their_items_say() throws Exception {
        Evaluation e = evaluate("backup-selections.json");
        assertThat(status(e, "arn:aws:dynamodb:eu-west-1:444455556666:table/orders", "dynamodb-in-backup-plan")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:volume/vol-0d4e6f8a1b3c5e7f9", "ebs-volume-in-backup-plan"))
                .isEqualTo(Status.MET); // tag backup=daily
        assertThat(status(e, "arn:aws:dynamodb:eu-west-1:444455556666:table/sessions", "dynamodb-in-backup-plan"))
                .isEqualTo(Status.UNKNOWN); // named by a selection whose item does not record its Conditions
    }

    /**
     * EC2.39, EC2.40, RDS.33: Config records an internet gateway's, a NAT gateway's and a DB subnet group's tags
     * whole ({} for none). An attached internet gateway's item names its VPC: the attachment a template declares.
     */
    @Test
    void gateways_and_db_subnet_groups_are_read_with_their_tags_subnets_and_attachment() throws Exception {
        Scenario s = ConfigReaderTest.read(READER, DIR.resolve("network-gateways-subnet-groups.json")).get(0).scenario();
        String igw = "arn:aws:ec2:eu-west-1:444455556666:internet-gateway/igw-0d4f6a8c0e2b4d6f8";
        assertThat(ConfigReaderTest.settings(s.resource(igw + "/attachment"))).containsEntry("VpcId", "vpc-0c3e5a7b9d1f2e4a6")
                .containsEntry("InternetGatewayId", "igw-0d4f6a8c0e2b4d6f8");
        assertThat(s.resources()).as("no attachment for the detached gateway").noneMatch(r -> r.id().contains("igw-0e5a7b9d1f3c5e7a9/"));
        assertThat(ConfigReaderTest.settings(s.resource("arn:aws:rds:eu-west-1:444455556666:subgrp:orders-db-subnets")))
                .containsEntry("SubnetIds[0]", "subnet-0a7c9e1b3d5f7a9c1").containsEntry("SubnetIds[1]", "subnet-0b8d0f2c4e6a8b0d2");
        assertThat(ConfigReaderTest.settings(s.resource("arn:aws:ec2:eu-west-1:444455556666:natgateway/nat-0b3d5f7a9c2e4a6b8")))
                .containsEntry("ConnectivityType", "private").containsEntry("SubnetId", "subnet-0f2b4d6c8e0a2b3c4");

        Evaluation e = evaluate("network-gateways-subnet-groups.json");
        assertThat(status(e, igw, "ec2-internet-gateway-tagged")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:internet-gateway/igw-0e5a7b9d1f3c5e7a9", "ec2-internet-gateway-tagged"))
                .isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:natgateway/nat-0a2c4e6f8b1d3f5a7", "ec2-nat-gateway-tagged")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:ec2:eu-west-1:444455556666:natgateway/nat-0b3d5f7a9c2e4a6b8", "ec2-nat-gateway-tagged"))
                .isEqualTo(Status.MISSING);
        assertThat(status(e, "arn:aws:rds:eu-west-1:444455556666:subgrp:orders-db-subnets", "rds-db-subnet-group-tagged")).isEqualTo(Status.MET);
        assertThat(status(e, "arn:aws:rds:eu-west-1:444455556666:subgrp:default-vpc-0c3e5a7b9d1f2e4a6", "rds-db-subnet-group-tagged"))
                .isEqualTo(Status.MISSING);
    }

    /**
     * SageMaker.17 and SageMaker.18 now run on a feature group's item, but the properties Config lists for the type
     * do not name the stores' KmsKeyId: without it they stay UNKNOWN, never MISSING. A Studio domain is read as
     * recorded (its duties follow the domain).
     */
    @Test
    void sagemaker_feature_groups_and_domains_are_read_and_what_their_items_leave_out_stays_undecided() throws Exception {
        Scenario s = ConfigReaderTest.read(READER, DIR.resolve("sagemaker.json")).get(0).scenario();
        assertThat(ConfigReaderTest.settings(s.resource("arn:aws:sagemaker:eu-west-1:444455556666:domain/d-7kq2xw9rtb4m")))
                .containsEntry("AuthMode", "IAM").containsEntry("AppNetworkAccessType", "VpcOnly")
                .containsEntry("KmsKeyId", "arn:aws:kms:eu-west-1:444455556666:key/0e2a4c6e-8b1d-4f3a-9c5e-7a9c1e3b5d7f");
        Evaluation e = evaluate("sagemaker.json");
        String group = "arn:aws:sagemaker:eu-west-1:444455556666:feature-group/customer-features";
        assertThat(status(e, group, "sagemaker-feature-group-offline-store-kms")).isEqualTo(Status.UNKNOWN);
        assertThat(status(e, group, "sagemaker-feature-group-online-store-kms")).isEqualTo(Status.UNKNOWN);
    }
}
