package dev.srm.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic AWS resources as CloudFormation describes them: a type, a name to build ids from and
 * the properties a team would write (S3 buckets, EC2 instances, RDS databases, Lambda functions,
 * security groups, DynamoDB tables, KMS keys, CloudTrail trails), each property present or not.
 * Values are valid for the type, so that a scenario or template built from them is valid input.
 */
final class Resources {
    /** One generated resource: its CloudFormation type, a readable base for its id, its properties. */
    record Resource(String type, String service, String base, Map<String, Object> properties) {
    }

    private Resources() {
    }

    static Arbitrary<Resource> any() {
        return Arbitraries.oneOf(s3Bucket(), ec2Instance(), rdsInstance(), lambdaFunction(), securityGroup(), dynamoTable(),
                kmsKey(), trail());
    }

    /** A property: its key and how its value is drawn; absent in about a third of the cases. */
    private record Prop(String key, Arbitrary<?> value) {
    }

    private static Prop prop(String key, Arbitrary<?> value) {
        return new Prop(key, value);
    }

    /** The properties that are present, in the order given (as a person writes them). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<Map<String, Object>> props(Prop... props) {
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Prop p : props) {
            values.add((Arbitrary<Object>) (Arbitrary) p.value().injectNull(0.35));
        }
        return Combinators.combine(values).as(vs -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < props.length; i++) {
                if (vs.get(i) != null) {
                    m.put(props[i].key(), vs.get(i));
                }
            }
            return m;
        });
    }

    /** Properties that are always there, then the optional ones. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<Map<String, Object>> props(Prop[] required, Prop... optional) {
        List<Arbitrary<Object>> values = new ArrayList<>();
        for (Prop p : required) {
            values.add((Arbitrary<Object>) (Arbitrary) p.value());
        }
        Arbitrary<Map<String, Object>> rest = props(optional);
        return Combinators.combine(Combinators.combine(values).as(vs -> vs), rest).as((vs, m) -> {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < required.length; i++) {
                all.put(required[i].key(), vs.get(i));
            }
            all.putAll(m);
            return all;
        });
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Arbitrary<Boolean> bool() {
        return Arbitraries.of(true, false);
    }

    private static Arbitrary<String> team() {
        return Arbitraries.of("payments", "orders", "platform", "data-science", "identity", "web");
    }

    private static Arbitrary<String> word() {
        return Arbitraries.of("orders", "invoices", "customer-data", "audit-logs", "media", "reports", "backups", "sessions");
    }

    private static Arbitrary<List<Object>> tags() {
        Arbitrary<Object> tag = Combinators.combine(Arbitraries.of("owner", "env", "data", "cost-center"),
                Arbitraries.of("payments", "prod", "staging", "confidential", "cc-1042")).as((k, v) -> map("Key", k, "Value", v));
        return tag.list().ofMinSize(1).ofMaxSize(3).uniqueElements(t -> ((Map<?, ?>) t).get("Key"));
    }

    private static Arbitrary<String> cidr() {
        return Arbitraries.of("0.0.0.0/0", "10.0.0.0/8", "10.20.0.0/16", "192.168.1.0/24", "203.0.113.7/32");
    }

    static Arbitrary<Resource> s3Bucket() {
        Arbitrary<Object> encryption = Arbitraries.of("AES256", "aws:kms", "aws:kms:dsse").map(alg -> map(
                "ServerSideEncryptionConfiguration", List.of(map("ServerSideEncryptionByDefault", alg.equals("AES256")
                        ? map("SSEAlgorithm", alg) : map("SSEAlgorithm", alg, "KMSMasterKeyID", "alias/orders-data")))));
        Arbitrary<Object> pab = Combinators.combine(bool(), bool(), bool(), bool()).as((a, b, c, d) -> map(
                "BlockPublicAcls", a, "BlockPublicPolicy", b, "IgnorePublicAcls", c, "RestrictPublicBuckets", d));
        return Combinators.combine(word(), props(
                prop("BucketName", word().map(w -> "acme-" + w + "-eu-west-1")),
                prop("VersioningConfiguration", Arbitraries.of("Enabled", "Suspended").map(s -> map("Status", s))),
                prop("PublicAccessBlockConfiguration", pab),
                prop("BucketEncryption", encryption),
                prop("LoggingConfiguration", word().map(w -> map("DestinationBucketName", "acme-" + w + "-logs", "LogFilePrefix", "s3/"))),
                prop("ObjectLockEnabled", bool()),
                prop("OwnershipControls", Arbitraries.of("BucketOwnerEnforced", "ObjectWriter", "BucketOwnerPreferred")
                        .map(o -> map("Rules", List.of(map("ObjectOwnership", o))))),
                prop("Tags", tags()),
                prop("dataClassification", Arbitraries.of("public", "internal", "confidential", "restricted")),
                prop("backupPlan", Arbitraries.of("daily-35d", "weekly")))).as((w, p) -> new Resource("AWS::S3::Bucket", "S3", w, p));
    }

    static Arbitrary<Resource> ec2Instance() {
        Arbitrary<Object> volume = Combinators.combine(bool(), Arbitraries.integers().between(8, 2000),
                Arbitraries.of("gp3", "gp2", "io2")).as((enc, size, type) -> map("DeviceName", "/dev/xvda",
                "Ebs", map("Encrypted", enc, "VolumeSize", size, "VolumeType", type, "DeleteOnTermination", true)));
        return Combinators.combine(Arbitraries.of("web-server", "bastion", "batch-worker", "build-agent"), props(
                new Prop[]{prop("ImageId", Arbitraries.strings().withChars("0123456789abcdef").ofLength(17).map(h -> "ami-" + h))},
                prop("InstanceType", Arbitraries.of("t3.micro", "m6i.large", "c7g.xlarge", "r6i.2xlarge")),
                prop("SubnetId", Arbitraries.of("subnet-0a1b2c3d4e5f60718", "subnet-01234567")),
                prop("Monitoring", bool()),
                prop("MetadataOptions", Arbitraries.of("required", "optional").map(t -> map("HttpTokens", t, "HttpEndpoint", "enabled"))),
                prop("BlockDeviceMappings", volume.list().ofMinSize(1).ofMaxSize(2)),
                prop("IamInstanceProfile", Arbitraries.of("web-server-profile", "ssm-managed")),
                prop("Tags", tags()),
                prop("patching", Arbitraries.of("manual", "patch-manager", "automated")),
                prop("ssmManaged", bool()),
                prop("osPatchedWithinDays", Arbitraries.integers().between(0, 365)),
                prop("internetFacing", bool()))).as((b, p) -> new Resource("AWS::EC2::Instance", "EC2", b, p));
    }

    static Arbitrary<Resource> rdsInstance() {
        return Combinators.combine(Arbitraries.of("orders-db", "billing-db", "analytics-db"), props(
                new Prop[]{prop("Engine", Arbitraries.of("mysql", "postgres", "mariadb", "oracle-ee", "sqlserver-se", "custom-oracle-ee")),
                        prop("DBInstanceClass", Arbitraries.of("db.t3.medium", "db.r6g.large", "db.m6i.xlarge"))},
                prop("AllocatedStorage", Arbitraries.integers().between(20, 16384).map(String::valueOf)),
                prop("StorageEncrypted", bool()),
                prop("PubliclyAccessible", bool()),
                prop("MultiAZ", bool()),
                prop("BackupRetentionPeriod", Arbitraries.integers().between(0, 35)),
                prop("DeletionProtection", bool()),
                prop("AutoMinorVersionUpgrade", bool()),
                prop("EnableIAMDatabaseAuthentication", bool()),
                prop("MasterUsername", Arbitraries.of("admin", "app")),
                prop("Tags", tags()),
                prop("containsPersonalData", bool()))).as((b, p) -> new Resource("AWS::RDS::DBInstance", "RDS", b, p));
    }

    static Arbitrary<Resource> lambdaFunction() {
        return Combinators.combine(Arbitraries.of("resize-images", "orders-api", "nightly-report"), props(
                new Prop[]{prop("Role", Arbitraries.of("arn:aws:iam::111122223333:role/lambda-exec"))},
                prop("Runtime", Arbitraries.of("python3.12", "nodejs20.x", "java21", "provided.al2023", "python2.7", "nodejs12.x")),
                prop("Handler", Arbitraries.of("index.handler", "app.lambda_handler")),
                prop("MemorySize", Arbitraries.integers().between(128, 10240)),
                prop("Timeout", Arbitraries.integers().between(1, 900)),
                prop("PackageType", Arbitraries.of("Zip", "Image")),
                prop("TracingConfig", Arbitraries.of("Active", "PassThrough").map(m -> map("Mode", m))),
                prop("VpcConfig", Arbitraries.of(map("SubnetIds", List.of("subnet-0a1b2c3d"), "SecurityGroupIds", List.of("sg-0123abcd")))),
                prop("Environment", Arbitraries.of("eu-west-1", "us-east-1").map(r -> map("Variables", map("TABLE", "orders", "REGION", r)))),
                prop("ReservedConcurrentExecutions", Arbitraries.integers().between(0, 100)),
                prop("Tags", tags()))).as((b, p) -> new Resource("AWS::Lambda::Function", "Lambda", b, p));
    }

    static Arbitrary<Resource> securityGroup() {
        Arbitrary<Object> rule = Combinators.combine(Arbitraries.of("tcp", "udp", "-1"), Arbitraries.of(22, 80, 443, 3306, 3389, 5432),
                cidr()).as((proto, port, cidr) -> map("IpProtocol", proto, "FromPort", port, "ToPort", port, "CidrIp", cidr,
                "Description", "port " + port));
        return Combinators.combine(Arbitraries.of("web-sg", "db-sg", "admin-sg"), props(
                new Prop[]{prop("GroupDescription", Arbitraries.of("Web tier", "Database access", "Admin access"))},
                prop("VpcId", Arbitraries.of("vpc-0a1b2c3d4e5f60718")),
                prop("SecurityGroupIngress", rule.list().ofMinSize(1).ofMaxSize(4)),
                prop("SecurityGroupEgress", Arbitraries.of(List.of(map("IpProtocol", "-1", "CidrIp", "0.0.0.0/0")))),
                prop("Tags", tags()))).as((b, p) -> new Resource("AWS::EC2::SecurityGroup", "VPC", b, p));
    }

    static Arbitrary<Resource> dynamoTable() {
        return Combinators.combine(Arbitraries.of("orders-table", "sessions-table"), props(
                new Prop[]{prop("KeySchema", Arbitraries.of(List.of(map("AttributeName", "pk", "KeyType", "HASH")))),
                        prop("AttributeDefinitions", Arbitraries.of(List.of(map("AttributeName", "pk", "AttributeType", "S"))))},
                prop("BillingMode", Arbitraries.of("PAY_PER_REQUEST", "PROVISIONED")),
                prop("SSESpecification", bool().map(b -> map("SSEEnabled", b))),
                prop("PointInTimeRecoverySpecification", bool().map(b -> map("PointInTimeRecoveryEnabled", b))),
                prop("DeletionProtectionEnabled", bool()),
                prop("Tags", tags()))).as((b, p) -> new Resource("AWS::DynamoDB::Table", "DynamoDB", b, p));
    }

    static Arbitrary<Resource> kmsKey() {
        return Combinators.combine(Arbitraries.of("orders-key", "logs-key"), props(
                prop("Description", Arbitraries.of("Key for the orders data", "Key for logs")),
                prop("EnableKeyRotation", bool()),
                prop("KeySpec", Arbitraries.of("SYMMETRIC_DEFAULT", "RSA_2048")),
                prop("PendingWindowInDays", Arbitraries.integers().between(7, 30)),
                prop("Tags", tags()))).as((b, p) -> new Resource("AWS::KMS::Key", "KMS", b, p));
    }

    static Arbitrary<Resource> trail() {
        return Combinators.combine(Arbitraries.of("org-trail", "account-trail"), props(
                new Prop[]{prop("IsLogging", bool()), prop("S3BucketName", word().map(w -> "acme-" + w + "-trail"))},
                prop("IsMultiRegionTrail", bool()),
                prop("EnableLogFileValidation", bool()),
                prop("IncludeGlobalServiceEvents", bool()),
                prop("KMSKeyId", Arbitraries.of("alias/trail"))))
                .as((b, p) -> new Resource("AWS::CloudTrail::Trail", "CloudTrail", b, p));
    }

    /** The team that owns a resource, as the {@code owner} tag of a scenario names it. */
    static Arbitrary<String> owner() {
        return team();
    }

    static List<String> types() {
        return Arrays.asList("AWS::S3::Bucket", "AWS::EC2::Instance", "AWS::RDS::DBInstance", "AWS::Lambda::Function",
                "AWS::EC2::SecurityGroup", "AWS::DynamoDB::Table", "AWS::KMS::Key", "AWS::CloudTrail::Trail");
    }
}
