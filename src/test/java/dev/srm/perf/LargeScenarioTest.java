package dev.srm.perf;

import dev.srm.testing.Slow;
import dev.srm.bench.CorpusGenerator;
import dev.srm.engine.Evaluator;
import dev.srm.model.ControlResult;
import dev.srm.model.DutyResult;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.model.Responsibility;
import dev.srm.model.ResourceResult;
import dev.srm.model.Scenario;
import dev.srm.model.Status;
import dev.srm.report.Json;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.srm.testing.Results.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One account of thousands of resources (tens of thousands in the long run): the engine
 * evaluates such a scenario in parts whose answers are those of one session. At the default
 * size each part's session stays far below the bound on firings (about 120,000 firings for
 * 24,000 facts, against a bound of 5.7 million); that the bound grows with the facts and leaves
 * the pack room is {@link dev.srm.engine.FiringLimitTest}'s.
 */
@Slow
class LargeScenarioTest {
    private static final CorpusGenerator GENERATOR = new CorpusGenerator(42);
    /** Resources of the large scenario: 6,000 by default to keep the suite short; -Dsrm.large.resources=50000 for the long run. */
    private static final int LARGE = Integer.getInteger("srm.large.resources", 6_000);
    /** Resources of the parts-against-one-session comparison (parts of 500): -Dsrm.parts.resources=3000 for the long run. */
    private static final int PARTS = Integer.getInteger("srm.parts.resources", 1_600);

    @Test
    void a_scenario_of_many_thousand_resources_is_evaluated_through_the_api_not_taken_for_a_loop() throws Exception {
        byte[] json = GENERATOR.json(GENERATOR.largeScenario("one-big-account", LARGE));

        List<Evaluation> evaluations = Packs.srm().evaluate("one-big-account.json", json, InputFormat.scenario, false);

        assertThat(evaluations).hasSize(1);
        Evaluation e = evaluations.get(0);
        assertThat(e.resources()).hasSizeGreaterThanOrEqualTo(LARGE);
        assertThat(e.resources()).allSatisfy(r -> assertThat(r.layers()).isNotEmpty());
        assertThat(account(e, "account-multi-region-trail").status()).isEqualTo(Status.MET);
        assertThat(rotation(e).party()).isEqualTo(Responsibility.SHARED);
        assertThat(e.findings()).isNotEmpty();
    }

    @Test
    void a_scenario_evaluated_in_parts_gives_the_same_json_as_one_session(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("account.json");
        Map<String, Object> account = GENERATOR.largeScenario("one-account", PARTS);
        @SuppressWarnings("unchecked")
        List<Object> resources = (List<Object>) account.get("resources");
        // last in the file, so that they would fall in the last part if they were split like the others: the
        // support role is read only for the account (the first part holds every principal), the bucket policy
        // for its bucket (every part holds it), the rotation schedule for its secret, far ahead in the first part
        resources.add(Map.of("id", "support-team", "type", "AWS::IAM::Role", "configuration", Map.of(
                "AssumeRolePolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                        "Principal", Map.of("AWS", "arn:aws:iam::111122223333:root"), "Action", "sts:AssumeRole"))),
                "ManagedPolicyArns", List.of("arn:aws:iam::aws:policy/AWSSupportAccess"))));
        resources.add(Map.of("id", "late-bucket", "type", "AWS::S3::Bucket", "configuration", Map.of(
                "BucketName", "one-account-late-bucket")));
        resources.add(Map.of("id", "late-bucket-policy", "type", "AWS::S3::BucketPolicy", "configuration", Map.of(
                "Bucket", "late-bucket", "PolicyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Sid", "DenyInsecureTransport", "Effect", "Deny", "Principal", "*", "Action", "s3:*",
                                "Resource", List.of("arn:aws:s3:::one-account-late-bucket", "arn:aws:s3:::one-account-late-bucket/*"),
                                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))));
        // the subnets first, the function that runs in them last: Lambda.5 reads their zones across parts
        resources.add(0, Map.of("id", "app-subnet-a", "type", "AWS::EC2::Subnet", "configuration", Map.of(
                "VpcId", "vpc-0a1b2c3d4e5f60718", "CidrBlock", "10.20.1.0/24", "AvailabilityZone", "us-east-1a")));
        resources.add(1, Map.of("id", "app-subnet-b", "type", "AWS::EC2::Subnet", "configuration", Map.of(
                "VpcId", "vpc-0a1b2c3d4e5f60718", "CidrBlock", "10.20.2.0/24", "AvailabilityZone", "us-east-1b")));
        // an Elastic IP last, the association that puts it in use first: EC2.12 reads the association across parts
        resources.add(0, Map.of("id", "nat-eip-association", "type", "AWS::EC2::EIPAssociation", "configuration", Map.of(
                "AllocationId", "late-eip", "InstanceId", "i-0abc123def4567890")));
        resources.add(Map.of("id", "late-eip", "type", "AWS::EC2::EIP", "configuration", Map.of("Domain", "vpc")));
        resources.add(Map.of("id", "late-vpc-function", "type", "AWS::Lambda::Function", "configuration", Map.of(
                "Runtime", "python3.12", "Handler", "app.handler", "Role", "arn:aws:iam::111122223333:role/orders-fn",
                "Code", Map.of("S3Bucket", "one-account-artifacts", "S3Key", "orders/app.zip"),
                "VpcConfig", Map.of("SubnetIds", List.of("app-subnet-a", "app-subnet-b"),
                        "SecurityGroupIds", List.of("sg-0123456789abcdef0")))));
        Files.write(file, GENERATOR.json(account));
        Scenario scenario = Packs.reader().read(file);

        Evaluation parts = new Evaluator(Packs.bundled(), 500).evaluate(scenario);
        Evaluation whole = new Evaluator(Packs.bundled(), Integer.MAX_VALUE).evaluate(scenario);

        assertThat(json(parts)).isEqualTo(json(whole));
        // the cross-resource conclusions are there, whichever part their resources fell in
        assertThat(account(parts, "account-multi-region-trail").status()).isEqualTo(Status.MET);
        assertThat(account(parts, "account-guardduty").status()).isEqualTo(Status.MET);
        assertThat(account(parts, "iam-support-role").status()).isEqualTo(Status.MET);
        assertThat(rotation(parts).party()).isEqualTo(Responsibility.SHARED);
        assertThat(control(parts, "late-bucket", "s3-bucket-ssl-requests-only").status()).isEqualTo(Status.MET);
        assertThat(control(parts, "late-vpc-function", "lambda-vpc-multi-az").status()).isEqualTo(Status.MET);
        assertThat(control(parts, "late-eip", "ec2-unused-eip-removed").status()).isEqualTo(Status.MET);
    }

    private static ControlResult account(Evaluation e, String id) {
        return e.accountControls().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static DutyResult rotation(Evaluation e) {
        ResourceResult secret = e.resources().stream().filter(r -> r.id().equals("db-secret")).findFirst().orElseThrow();
        return secret.layers().stream().flatMap(l -> l.duties().stream()).filter(d -> d.duty().equals("secret-rotation"))
                .findFirst().orElseThrow();
    }

    private static String json(Evaluation e) throws Exception {
        StringWriter w = new StringWriter();
        Json.write(Json.evaluation(e), w);
        return w.toString();
    }
}
