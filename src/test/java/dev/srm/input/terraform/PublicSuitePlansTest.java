package dev.srm.input.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.input.ReadScenario;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans from other tools' public test suites (Checkov's, Regula's; see the README of each folder)
 * that srm read wrongly: tags kept in a list, a log bucket named by reference, a load balancer's
 * subnets by reference, an attachment's empty user name, and several account password policies.
 */
class PublicSuitePlansTest {
    private static final Path TF = Path.of("src/test/resources/terraform");
    private static final Path TAGS = TF.resolve("checkov/plan-tags-variety.json");
    private static final Path TERRAGOAT = TF.resolve("checkov/plan-terragoat.json");
    private static final Path ATTACHMENTS = TF.resolve("regula/plan-user-attached-policy.json");
    private static final Path PASSWORD_POLICIES = TF.resolve("regula/plan-password-length.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An Auto Scaling group keeps its tags in a list, not a map: tag blocks, or (providers before 5.x) the list of maps
     * tags, whose propagate_at_launch is a text. Both are the group's Tags, as CloudFormation's TagProperty, and its
     * tags: AutoScaling.10 was MISSING on both groups.
     */
    @Test
    void an_auto_scaling_groups_tag_blocks_and_tags_list_are_its_tags() throws Exception {
        List<Evaluation> e = evaluate(TAGS);
        for (String group : List.of("aws_autoscaling_group.example", "aws_autoscaling_group.example2")) {
            ControlResult tagged = control(e, group, "autoscaling-group-tagged");
            assertThat(tagged.status()).as("%s %s", group, tagged.evidence()).isEqualTo(Status.MET);
            assertThat(tagged.evidence()).anyMatch(x -> x.contains("tag1, tag2"));
        }
        Map<String, ResourceSpec> read = read(TAGS);
        assertThat(read.get("aws_autoscaling_group.example").tags()).containsEntry("tag1", "test").containsEntry("tag2", "test");
        assertThat(settings(read.get("aws_autoscaling_group.example"))).containsEntry("Tags[0].Key", "tag1")
                .containsEntry("Tags[0].Value", "test").containsEntry("Tags[0].PropagateAtLaunch", "true");
        assertThat(settings(read.get("aws_autoscaling_group.example2"))).containsEntry("Tags[1].Key", "tag2")
                .containsEntry("Tags[1].PropagateAtLaunch", "true");
    }

    /** A group of provider 5.x (no tags attribute) with no tag block states that it has no tags. */
    @Test
    void an_auto_scaling_group_without_tag_blocks_is_untagged() throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(TAGS.toFile());
        for (JsonNode r : plan.at("/planned_values/root_module/resources")) {
            if (r.path("address").asText().equals("aws_autoscaling_group.example2")) {
                ((ObjectNode) r.get("values")).remove("tags");
                ((ObjectNode) r.get("values")).putArray("tag");
            }
        }
        for (JsonNode r : plan.path("resource_changes")) {
            if (r.path("address").asText().equals("aws_autoscaling_group.example2")) {
                ((ObjectNode) r.at("/change/after")).remove("tags");
                ((ObjectNode) r.at("/change/after")).putArray("tag");
                ((ObjectNode) r.at("/change/after_unknown")).putArray("tag");
            }
        }
        List<Evaluation> e = Packs.srm().evaluate("untagged.json", JSON.writeValueAsBytes(plan), InputFormat.terraform, false);
        ControlResult tagged = control(e, "aws_autoscaling_group.example2", "autoscaling-group-tagged");
        assertThat(tagged.status()).as("%s", tagged.evidence()).isEqualTo(Status.MISSING);
    }

    /**
     * TerraGoat's data_science bucket logs to aws_s3_bucket.logs.id, known only after apply: the reference names the log
     * bucket, so S3.9 is met (it was UNKNOWN); its ELB names one subnet, so it spans one zone (ELB.10 was UNKNOWN).
     */
    @Test
    void terragoat_log_bucket_and_load_balancer_subnets_are_read_by_reference() throws Exception {
        List<Evaluation> e = evaluate(TERRAGOAT);
        ControlResult logging = control(e, "aws_s3_bucket.data_science", "s3-access-logging");
        assertThat(logging.status()).as("%s", logging.evidence()).isEqualTo(Status.MET);
        assertThat(settings(read(TERRAGOAT).get("aws_s3_bucket.data_science")))
                .containsEntry("LoggingConfiguration.DestinationBucketName", "aws_s3_bucket.logs");
        assertThat(control(e, "aws_s3_bucket.data", "s3-access-logging").status()).isEqualTo(Status.MISSING);
        ControlResult zones = control(e, "aws_elb.weblb", "elb-clb-multi-az");
        assertThat(zones.status()).as("%s", zones.evidence()).isEqualTo(Status.MISSING);
        assertThat(settings(read(TERRAGOAT).get("aws_elb.weblb"))).containsEntry("Subnets[0]", "aws_subnet.web_subnet")
                .doesNotContainKey("Subnets[1]").doesNotContainKey("AvailabilityZones");
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("aws_s3_bucket.data_science: known only after apply"));
    }

    /**
     * A plan's attribute left null is set by neither the provider nor the configuration: AWS's default applies, which
     * CloudFormation's page documents. The evidence says so, not that it is CloudFormation's.
     */
    @Test
    void a_default_a_plan_leaves_to_aws_is_worded_as_aws_default() throws Exception {
        List<Evaluation> e = evaluate(TERRAGOAT);
        for (String[] c : List.of(new String[] {"aws_db_instance.default", "rds-instance-deletion-protection", "DeletionProtection = false"},
                new String[] {"aws_db_instance.default", "rds-iam-authentication", "EnableIAMDatabaseAuthentication = false"},
                new String[] {"aws_ecr_repository.repository", "ecr-image-scanning", "ImageScanningConfiguration.ScanOnPush = false"},
                new String[] {"aws_ecr_repository.repository", "ecr-kms-encryption", "EncryptionConfiguration.EncryptionType = AES256"})) {
            ControlResult r = control(e, c[0], c[1]);
            assertThat(r.status()).as("%s", r.evidence()).isEqualTo(Status.MISSING);
            assertThat(r.evidence()).anyMatch(x -> x.contains(c[2] + " (AWS default: the input leaves it unset), per https://"))
                    .noneMatch(x -> x.contains("CloudFormation default"));
        }
    }

    /**
     * users = [""] names no user: the attachment adds its policy to its group and makes no user of its own (srm
     * warned that the user '' was not in the plan and assessed an IAM user for IAM.2).
     */
    @Test
    void an_attachment_whose_users_list_holds_an_empty_name_attaches_to_its_group_only() throws Exception {
        ReadScenario read = new TerraformReader().readScenario(ATTACHMENTS.toString(), Files.readAllBytes(ATTACHMENTS));
        assertThat(read.warnings()).noneMatch(w -> w.contains("valid_group_policy_attachment_blank_users"));
        assertThat(read.scenario().resources()).extracting(ResourceSpec::id)
                .doesNotContain("aws_iam_policy_attachment.valid_group_policy_attachment_blank_users");
        ResourceSpec group = read.scenario().resources().stream().filter(r -> r.id().equals("aws_iam_group.valid_group_blank_users"))
                .findFirst().orElseThrow();
        assertThat(settings(group)).containsKey("ManagedPolicyArns"); // the policy's ARN, known only after apply
        // a user the attachment does name still takes the policy, and IAM.2 finds it
        assertThat(control(evaluate(ATTACHMENTS), "aws_iam_user.invalid_normal_policy_user", "iam-user-no-attached-policies").status())
                .isEqualTo(Status.MISSING);
    }

    /**
     * An account has one password policy. Regula's plan holds three (minimum length 4, 6 and 8) that Terraform applies in
     * no set order: a warning names them, the length is one of the three (IAM.15's 14 is met by none; IAM.7's 8 by one),
     * and the settings all three leave out are IAM's defaults (false, 0), which fail the controls: they were UNKNOWN.
     */
    @Test
    void several_password_policies_are_said_and_their_differences_are_unknown() throws Exception {
        List<Evaluation> e = evaluate(PASSWORD_POLICIES);
        assertThat(e.get(0).warnings()).anyMatch(w -> w.contains("3 aws_iam_account_password_policy resources (aws_iam_account_password_policy"
                + ".invalid_1, aws_iam_account_password_policy.invalid_2, aws_iam_account_password_policy.valid)")
                && w.contains("passwordPolicy.MinimumPasswordLength: 4, 6, 8"));
        assertThat(account(e, "iam-password-policy-length-14").status()).isEqualTo(Status.MISSING);
        ControlResult strong = account(e, "iam-password-policy-strong");
        assertThat(strong.status()).as("%s", strong.evidence()).isEqualTo(Status.MISSING);
        assertThat(strong.evidence()).anyMatch(x -> x.startsWith("UNKNOWN: passwordPolicy.MinimumPasswordLength >= 8 cannot be decided"))
                .anyMatch(x -> x.equals("NOT_MET: expected passwordPolicy.RequireSymbols = true, found false"));
        assertThat(account(e, "iam-password-policy-reuse-24").evidence()).anyMatch(x -> x.contains("PasswordReusePrevention >= 24, found 0"));
        // no MaxPasswordAge: passwords never expire, which a plan shows as no setting (the account states none whole)
        assertThat(account(e, "iam-password-policy-max-age-90").evidence()).noneMatch(x -> x.startsWith("MET"));
    }

    /**
     * srm import writes the plan as a scenario that reads back: the length the three policies leave undetermined is said
     * in a comment, not written where the scenario format takes a number.
     */
    @Test
    void the_imported_scenario_leaves_out_the_undetermined_length_and_says_so(@TempDir Path out) throws Exception {
        dev.srm.api.Srm srm = Packs.LOADER.load(dev.srm.api.SrmOptions.bundled());
        srm.importScenarios(new dev.srm.api.ImportRequest(List.of(PASSWORD_POLICIES), InputFormat.auto, null, out));
        String scenario = Files.readString(out.resolve("plan-password-length.yaml"));
        assertThat(scenario).contains("# warning: account: passwordPolicy.MinimumPasswordLength is ${unknown, one of '4', '6', '8': ")
                .contains("RequireSymbols: false");
        List<Evaluation> e = srm.evaluate("plan-password-length.yaml", scenario.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                InputFormat.scenario, false);
        assertThat(account(e, "iam-password-policy-symbol").status()).isEqualTo(Status.MISSING);
    }

    /** One policy alone decides the length, without a warning. */
    @Test
    void one_password_policy_sets_the_account_alone() throws Exception {
        ObjectNode plan = (ObjectNode) JSON.readTree(PASSWORD_POLICIES.toFile());
        for (String list : List.of("/planned_values/root_module/resources", "/resource_changes", "/configuration/root_module/resources")) {
            ArrayNode resources = (ArrayNode) plan.at(list);
            for (int i = resources.size() - 1; i >= 0; i--) {
                if (!resources.get(i).path("address").asText().endsWith(".valid")) {
                    resources.remove(i);
                }
            }
        }
        List<Evaluation> e = Packs.srm().evaluate("one-policy.json", JSON.writeValueAsBytes(plan), InputFormat.terraform, false);
        assertThat(e.get(0).warnings()).noneMatch(w -> w.contains("aws_iam_account_password_policy"));
        assertThat(account(e, "iam-password-policy-pci").evidence()).anyMatch(x -> x.startsWith("MET: passwordPolicy.MinimumPasswordLength >= 7"));
        assertThat(account(e, "iam-password-policy-uppercase").status()).isEqualTo(Status.MISSING);
    }

    private static ControlResult account(List<Evaluation> e, String id) {
        return e.get(0).accountControls().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not on the account"));
    }

    private static Map<String, ResourceSpec> read(Path plan) throws Exception {
        Map<String, ResourceSpec> out = new LinkedHashMap<>();
        new TerraformReader().readScenario(plan.toString(), Files.readAllBytes(plan)).scenario().resources().forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static Map<String, String> settings(ResourceSpec r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.settings().forEach(s -> out.put(s.path(), s.value()));
        return out;
    }

    private static List<Evaluation> evaluate(Path plan) throws Exception {
        return Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
    }
}
