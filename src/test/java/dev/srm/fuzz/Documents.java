package dev.srm.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.srm.fuzz.Resources.map;

/**
 * Valid input documents as trees (maps, lists, strings, numbers, booleans): srm scenarios
 * (docs/scenario-format.md), CloudFormation templates, and ASFF findings of Security Hub,
 * GuardDuty and Inspector. {@link Spelling} writes them as YAML or JSON, {@link Mutations}
 * breaks them.
 */
final class Documents {
    private Documents() {
    }

    /** Text a person writes in a title or description, odd characters included: srm must escape them, not refuse them. */
    static Arbitrary<String> freeText() {
        return Arbitraries.oneOf(
                Arbitraries.of("Orders platform, production", "Données clients — Paris", "決済システム", "Ünïcödé 🚀 bucket",
                        "Shop \"frontend\" & <api>"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).withCharRange(' ', '~'),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12).withChars("a\u202e\u200b\u0007\u001b[2J\u00a0\u2028é中"),
                Arbitraries.of("\ud83d\ude80 launch", "flag \ud83c\udff3\ufe0f\u200d\ud83c\udf08", "math \ud835\udc00")); // whole code points: a lone surrogate is not text
    }

    private static Arbitrary<String> scenarioId() {
        return Arbitraries.of("shop", "orders-prod", "payments-eu", "data-lake", "web-tier-2026");
    }

    /** A valid scenario: one to four realistic resources, sometimes an account block and an owner. */
    static Arbitrary<Map<String, Object>> scenario() {
        Arbitrary<List<Resources.Resource>> resources = Resources.any().list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<Object> account = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as((org, mfa, gd, hub) -> map(
                "organization", org, "rootMfa", mfa, "guardDuty", gd, "securityHub", hub)).map(m -> (Object) m).injectNull(0.5);
        return Combinators.combine(scenarioId(), freeText().injectNull(0.3), Arbitraries.of("partial", "complete").injectNull(0.5),
                Resources.owner().injectNull(0.5), account, resources, Arbitraries.of(true, false)).as(
                (id, title, inventory, owner, acct, rs, byService) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("srm", 1);
                    s.put("id", id);
                    if (title != null) {
                        s.put("title", title);
                    }
                    if (inventory != null) {
                        s.put("inventory", inventory);
                    }
                    if (owner != null) {
                        s.put("owner", owner);
                    }
                    if (acct != null) {
                        s.put("account", acct);
                    }
                    List<Object> list = new ArrayList<>();
                    for (int i = 0; i < rs.size(); i++) {
                        Resources.Resource r = rs.get(i);
                        Map<String, Object> res = new LinkedHashMap<>();
                        res.put("id", r.base() + "-" + (i + 1));
                        if (byService && !"VPC".equals(r.service())) {
                            res.put("service", r.service());
                        } else {
                            res.put("type", r.type());
                        }
                        res.put("tags", map("owner", owner == null ? "platform" : owner));
                        if (!r.properties().isEmpty()) {
                            res.put("configuration", r.properties());
                        }
                        list.add(res);
                    }
                    s.put("resources", list);
                    return s;
                });
    }

    /** A valid CloudFormation template of one to four resources, sometimes with a parameter referenced by a property. */
    static Arbitrary<Map<String, Object>> template() {
        return Combinators.combine(Resources.any().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false),
                freeText().injectNull(0.4)).as((rs, withParameter, description) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("AWSTemplateFormatVersion", "2010-09-09");
            if (description != null) {
                t.put("Description", description);
            }
            if (withParameter) {
                t.put("Parameters", map("Environment", map("Type", "String", "Default", "prod",
                        "AllowedValues", List.of("prod", "staging"))));
            }
            Map<String, Object> resources = new LinkedHashMap<>();
            for (int i = 0; i < rs.size(); i++) {
                Resources.Resource r = rs.get(i);
                Map<String, Object> props = new LinkedHashMap<>(r.properties());
                props.keySet().removeIf(k -> Character.isLowerCase(k.charAt(0))); // srm keys are not CloudFormation properties
                if (withParameter && props.containsKey("Tags")) {
                    props.put("Tags", List.of(map("Key", "env", "Value", map("Ref", "Environment"))));
                }
                Map<String, Object> res = new LinkedHashMap<>();
                res.put("Type", r.type());
                if (!props.isEmpty()) {
                    res.put("Properties", props);
                }
                resources.put(logicalId(r.base()) + (i + 1), res);
            }
            t.put("Resources", resources);
            return t;
        });
    }

    private static String logicalId(String base) {
        StringBuilder b = new StringBuilder();
        for (String part : base.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private record AsffResource(String type, String id, Map<String, Object> details) {
    }

    private static Arbitrary<AsffResource> asffResource() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("acme-customer-data", "acme-orders-eu"), Arbitraries.of(true, false)).as((b, blocked) ->
                        new AsffResource("AwsS3Bucket", "arn:aws:s3:::" + b, map("AwsS3Bucket", map(
                                "OwnerId", "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
                                "PublicAccessBlockConfiguration", map("BlockPublicAcls", blocked, "BlockPublicPolicy", blocked,
                                        "IgnorePublicAcls", blocked, "RestrictPublicBuckets", blocked))))),
                Arbitraries.of("i-0f1e2d3c4b5a69788", "i-0123456789abcdef0").map(i -> new AsffResource("AwsEc2Instance",
                        "arn:aws:ec2:eu-west-1:111122223333:instance/" + i, map("AwsEc2Instance", map(
                        "Type", "m6i.large", "ImageId", "ami-0abcdef1234567890", "IamInstanceProfileArn",
                        "arn:aws:iam::111122223333:instance-profile/web", "VpcId", "vpc-0a1b2c3d")))),
                Arbitraries.of("orders-api", "resize-images").map(f -> new AsffResource("AwsLambdaFunction",
                        "arn:aws:lambda:eu-west-1:111122223333:function:" + f, map("AwsLambdaFunction", map(
                        "FunctionName", f, "Runtime", "python3.12", "Handler", "app.handler", "MemorySize", 512)))),
                Arbitraries.of("orders-db").map(d -> new AsffResource("AwsRdsDbInstance",
                        "arn:aws:rds:eu-west-1:111122223333:db:" + d, map("AwsRdsDbInstance", map(
                        "Engine", "postgres", "DbInstanceClass", "db.r6g.large", "StorageEncrypted", true, "PubliclyAccessible", false)))),
                Arbitraries.of("AKIAIOSFODNN7EXAMPLE").map(k -> new AsffResource("AwsIamAccessKey", "AWS::IAM::AccessKey:" + k,
                        map("AwsIamAccessKey", map("AccessKeyId", k, "PrincipalName", "ops-admin", "PrincipalType", "IAMUser",
                                "Status", "Active")))));
    }

    /** A valid ASFF finding file: one finding (as GuardDuty exports it) or a {@code Findings} batch of one or two. */
    static Arbitrary<Object> asff() {
        Arbitrary<Map<String, Object>> finding = Combinators.combine(
                Arbitraries.of("Effects/Data Exposure/Policy:S3-BucketBlockPublicAccessDisabled",
                        "TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS",
                        "Software and Configuration Checks/Vulnerabilities/CVE",
                        "Unusual Behaviors/User/UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS",
                        "Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices"),
                Arbitraries.of("guardduty", "inspector", "securityhub"), Arbitraries.of("LOW", "MEDIUM", "HIGH", "CRITICAL"),
                asffResource().list().ofMinSize(1).ofMaxSize(2).uniqueElements(AsffResource::type), freeText(),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)).as((type, product, label, rs, title, hex) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("SchemaVersion", "2018-10-08");
            f.put("Id", "arn:aws:" + product + ":eu-west-1:111122223333:finding/" + hex);
            f.put("ProductArn", "arn:aws:securityhub:eu-west-1::product/aws/" + product);
            f.put("GeneratorId", product + "-generator");
            f.put("AwsAccountId", "111122223333");
            f.put("Types", List.of(type));
            f.put("CreatedAt", "2026-04-18T22:10:02.845Z");
            f.put("UpdatedAt", "2026-04-18T22:36:44.118Z");
            f.put("Severity", map("Label", label));
            f.put("Title", title);
            f.put("Description", "Seen by " + product + " on " + rs.get(0).id());
            List<Object> resources = new ArrayList<>();
            for (AsffResource r : rs) {
                resources.add(map("Type", r.type(), "Id", r.id(), "Partition", "aws", "Region", "eu-west-1",
                        "Tags", map("owner", "payments"), "Details", r.details()));
            }
            f.put("Resources", resources);
            return f;
        });
        return Arbitraries.oneOf(finding.map(f -> (Object) f),
                finding.list().ofMinSize(1).ofMaxSize(2).map(fs -> (Object) map("Findings", fs)));
    }
}
