package dev.srm.input.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srm.api.ImportRequest;
import dev.srm.api.Srm;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceResult;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Status;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Terraform plan holds every attribute of a resource, null for one the configuration leaves
 * out: where it states an attribute, its absence is evidence, as in a template. A plan is still a
 * partial inventory for what it does not state (an attribute known only after apply, a property
 * no mapping reads, a split-out resource that may live in another configuration).
 */
class StatedAttributesTest {
    private static final Path TF = Path.of("src/test/resources/terraform");
    private static final Path SECRET = TF.resolve("checkov/plan-secret-default-key.json");
    private static final Path TERRAGOAT = TF.resolve("checkov/plan-terragoat.json");

    @Test
    void a_secret_whose_plan_leaves_kms_key_id_null_uses_the_aws_managed_key() throws Exception {
        ControlResult c = control(evaluate(SECRET), "aws_secretsmanager_secret.not_specified", "secretsmanager-customer-managed-key");
        assertThat(c.status()).as("%s", c.evidence()).isEqualTo(Status.MISSING);
        assertThat(c.evidence()).isNotEmpty().allMatch(x -> x.startsWith("NOT_MET: expected KmsKeyId") && x.contains("found it not set"));
    }

    @Test
    void the_same_plan_without_the_attribute_states_nothing_about_it() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = (ObjectNode) json.readTree(SECRET.toFile());
        ((ObjectNode) plan.at("/planned_values/root_module/resources/0/values")).remove("kms_key_id");
        List<Evaluation> e = Packs.srm().evaluate("cut.json", json.writeValueAsBytes(plan), InputFormat.terraform, false);
        ControlResult c = control(e, "aws_secretsmanager_secret.not_specified", "secretsmanager-customer-managed-key");
        assertThat(c.status()).as("%s", c.evidence()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void terragoat_is_judged_on_the_attributes_its_plan_leaves_null() throws Exception {
        List<Evaluation> e = evaluate(TERRAGOAT);
        // documented defaults apply to a null attribute as to a property a template leaves out
        assertThat(control(e, "aws_db_instance.default", "rds-instance-deletion-protection").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_ecr_repository.repository", "ecr-image-scanning").evidence())
                .anyMatch(x -> x.contains("ScanOnPush = false (AWS default: the input leaves it unset)"));
        // an empty block states that nothing is configured in it
        assertThat(control(e, "aws_lambda_function.analysis_lambda", "lambda-in-vpc").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_lambda_function.analysis_lambda", "lambda-vpc-multi-az").status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(control(e, "aws_elb.weblb", "elb-clb-access-logging").status()).isEqualTo(Status.MISSING);
        assertThat(control(e, "aws_elb.weblb", "elb-clb-acm-certificate").status()).as("HTTP listeners only")
                .isEqualTo(Status.NOT_APPLICABLE);
        // what the control accepts when absent is accepted: S3 encrypts every bucket with SSE-S3
        assertThat(control(e, "aws_s3_bucket.data", "s3-default-encryption").status()).isEqualTo(Status.MET);
        assertThat(control(e, "aws_s3_bucket.data", "s3-access-logging").status()).isEqualTo(Status.MISSING);
        // Block Public Access is a resource of its own in Terraform: a plan without one may sit beside another that has it
        assertThat(control(e, "aws_s3_bucket.data", "s3-block-public-access").status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void tags_are_stated_by_tags_all_when_the_plan_knows_it() throws Exception {
        // provider 2.x/3.x: no tags_all, tags = null on the cluster
        assertThat(control(evaluate(TERRAGOAT), "aws_eks_cluster.eks_cluster", "eks-cluster-tagged").status()).isEqualTo(Status.MISSING);
        // tags_all known only after apply: the provider's default_tags may tag the secret
        ControlResult secret = control(evaluate(SECRET), "aws_secretsmanager_secret.not_specified", "secretsmanager-secret-tagged");
        assertThat(secret.status()).as("%s", secret.evidence()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void an_attribute_known_only_after_apply_states_nothing() throws Exception {
        // provider 4 and later: a bucket's logging is computed (aws_s3_bucket_logging may set it), so a new bucket's is unknown
        ControlResult c = control(evaluate(TF.resolve("plan-modules.json")), "aws_s3_bucket.logs", "s3-access-logging");
        assertThat(c.status()).as("%s", c.evidence()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void the_paths_a_plan_states_are_those_its_mapping_reads_from_attributes_that_are_there() throws Exception {
        TerraformReader reader = new TerraformReader();
        Map<String, ResourceSpec> byId = new TreeMap<>();
        reader.readScenario(TERRAGOAT.toString(), Files.readAllBytes(TERRAGOAT)).scenario().resources().forEach(r -> byId.put(r.id(), r));
        assertThat(byId.get("aws_s3_bucket.data").stated())
                .contains("LoggingConfiguration.DestinationBucketName", "BucketEncryption.ServerSideEncryptionConfiguration")
                .noneMatch(p -> p.startsWith("PublicAccessBlockConfiguration"));   // folded in from another resource, none here
        assertThat(byId.get("aws_lambda_function.analysis_lambda").stated()).contains("KmsKeyArn", "VpcConfig.SubnetIds");
        // a role's managed policies come from attachments, each a resource that adds one: none says the list is whole
        assertThat(byId.get("aws_iam_role.iam_for_eks").stated()).noneMatch(p -> p.startsWith("ManagedPolicyArns"));
    }

    /**
     * The guard on the whole change: read every Terraform and AWS Config fixture twice, as srm
     * imports it (partial, with the paths the input states) and as if it were a template (complete
     * for its resources). Where the input decides a control, the template reading decides it the
     * same way: stating a path may turn UNKNOWN into an answer, never into a different answer.
     * One difference is by design: a template creates its buckets, and a new bucket that states no
     * PublicAccessBlockConfiguration has all four Block Public Access settings on (S3's default since
     * April 2023), which make S3 ignore a public ACL and restrict a public policy; a deployed bucket
     * (AWS Config, a state) or a plan's may predate the default (DeployedDefaultsTest). So S3.2, S3.3
     * and CloudTrail.6, MISSING on such a bucket as read, are MET in the template reading on that
     * default and that default only.
     */
    @Test
    void where_an_input_decides_a_control_a_template_of_the_same_resources_decides_it_alike(@TempDir Path out) throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (Path dir : List.of(TF, Path.of("src/test/resources/config"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl") || p.toString().endsWith(".json.gz"))
                        .sorted().forEach(inputs::add);
            }
        }
        Srm srm = Packs.LOADER.load(dev.srm.api.SrmOptions.bundled());
        List<String> differences = new ArrayList<>();
        int decided = 0;
        int stated = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Path dir = Files.createDirectories(out.resolve(Integer.toString(i)));
            srm.importScenarios(new ImportRequest(List.of(inputs.get(i)), InputFormat.auto, null, dir));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path imported : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    String partial = Files.readString(imported);
                    assertThat(partial).contains("\ninventory: partial\n");
                    stated += partial.contains("\n  stated:\n") ? 1 : 0;
                    String complete = partial.replace("\ninventory: partial\n", "\ninventory: resources\n");
                    Map<String, Status> asRead = statuses(srm, imported.getFileName().toString(), partial);
                    Map<String, ControlResult> template = results(srm, imported.getFileName().toString(), complete);
                    Map<String, Status> asTemplate = new TreeMap<>();
                    template.forEach((k, c) -> asTemplate.put(k, c.status()));
                    for (Map.Entry<String, Status> c : asRead.entrySet()) {
                        if (c.getValue() != Status.UNKNOWN) {
                            decided++;
                            if (c.getValue() != asTemplate.get(c.getKey()) && !newBucketDefault(c.getKey(), c.getValue(), template)) {
                                differences.add(inputs.get(i) + " " + c.getKey() + ": as read " + c.getValue() + ", as a template "
                                        + asTemplate.get(c.getKey()));
                            }
                        }
                    }
                }
            }
        }
        assertThat(stated).as("imported scenarios with stated paths").isGreaterThan(20);
        assertThat(decided).as("controls the inputs decide").isGreaterThan(500);
        assertThat(differences).isEmpty();
    }

    private static Map<String, Status> statuses(Srm srm, String name, String yaml) {
        Map<String, Status> out = new TreeMap<>();
        results(srm, name, yaml).forEach((k, c) -> out.put(k, c.status()));
        return out;
    }

    private static Map<String, ControlResult> results(Srm srm, String name, String yaml) {
        Map<String, ControlResult> out = new TreeMap<>();
        for (Evaluation e : srm.evaluate(name, yaml.getBytes(StandardCharsets.UTF_8), InputFormat.scenario, false)) {
            for (ResourceResult r : e.resources()) {
                r.controls().forEach(c -> out.put(r.id() + " " + c.id(), c));
            }
        }
        return out;
    }

    /**
     * Whether {@code key} (resource and control), {@code asRead} MISSING, is S3.2, S3.3 or CloudTrail.6 met in the template
     * reading because the bucket takes the Block Public Access default of a new bucket: its S3.2 or S3.3 evidence says so.
     */
    private static boolean newBucketDefault(String key, Status asRead, Map<String, ControlResult> template) {
        String resource = key.substring(0, key.lastIndexOf(' '));
        String control = key.substring(key.lastIndexOf(' ') + 1);
        if (asRead != Status.MISSING || template.get(key) == null || template.get(key).status() != Status.MET
                || !List.of("s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited", "cloudtrail-s3-bucket-not-public")
                        .contains(control)) {
            return false;
        }
        return Stream.of("s3-bucket-public-read-prohibited", "s3-bucket-public-write-prohibited")
                .map(id -> template.get(resource + " " + id)).filter(c -> c != null)
                .anyMatch(c -> c.evidence().stream().anyMatch(ev -> ev.startsWith("MET: no PublicAccessBlockConfiguration: S3 turns all four")));
    }

    private static List<Evaluation> evaluate(Path plan) throws Exception {
        return Packs.srm().evaluate(plan.toString(), Files.readAllBytes(plan), InputFormat.terraform, false);
    }
}
