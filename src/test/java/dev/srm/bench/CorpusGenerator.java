package dev.srm.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of realistic scenario corpora for benchmarks: workloads teams actually
 * run (an EC2 web tier behind a security group, a serverless API, a data lake, RDS databases
 * standard and Custom, containers on ECS and EKS, Elastic Beanstalk apps), with a mix of
 * good and bad settings, sometimes an account block or a complete inventory.
 *
 * <p>Scenario {@code i} depends only on the seed and {@code i}: the first thousand scenarios
 * of a 10,000 corpus are the 1,000 corpus. Output is YAML files (one directory per team) or
 * JSON Lines for {@code srm audit -}. Run it from the built jar:
 *
 * <pre>java -cp target/srm.jar dev.srm.bench.CorpusGenerator --count 10000 --seed 42 --out corpus
 * java -cp target/srm.jar dev.srm.bench.CorpusGenerator --count 10000 --jsonl - | ./srm audit - --format json</pre>
 */
public final class CorpusGenerator {
    static final List<String> TEAMS = List.of("payments", "orders", "search", "identity", "billing", "platform", "data",
            "mobile", "growth", "risk", "support", "analytics");
    private static final List<String> RUNTIMES = List.of("python3.12", "python3.11", "nodejs20.x", "nodejs18.x", "java21",
            "java17", "python3.8", "nodejs14.x", "go1.x");
    private static final List<String> ENGINES = List.of("postgres", "mysql", "mariadb", "custom-oracle-ee", "custom-sqlserver-se");

    private final long seed;
    private final ObjectMapper json = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());

    public CorpusGenerator(long seed) {
        this.seed = seed;
    }

    /** The team that owns scenario {@code index}. */
    public String team(int index) {
        return TEAMS.get(Math.floorMod(index, TEAMS.size()));
    }

    /** Scenario {@code index} as the tree a scenario file holds (srm, id, title, owner, account, resources). */
    public Map<String, Object> scenario(int index) {
        Random r = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        String team = team(index);
        int workloads = 1 + r.nextInt(3);
        List<Object> resources = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int w = 0; w < workloads; w++) {
            String kind = pick(r, "web", "web", "serverless", "serverless", "data", "database", "containers", "beanstalk");
            kinds.add(kind);
            String prefix = kind + "-" + w;
            switch (kind) {
                case "web" -> web(r, prefix, resources);
                case "serverless" -> serverless(r, prefix, resources);
                case "data" -> data(r, prefix, resources);
                case "database" -> database(r, prefix, resources);
                case "containers" -> containers(r, prefix, resources);
                default -> beanstalk(r, prefix, resources);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("srm", 1);
        s.put("id", String.format(Locale.ROOT, "%s-%06d", team, index));
        s.put("title", capital(team) + " " + String.join(" + ", kinds) + " #" + index);
        s.put("owner", team);
        if (r.nextInt(5) == 0) {
            s.put("inventory", "complete");
        }
        if (r.nextInt(5) < 2) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("organization", r.nextInt(4) > 0);
            account.put("rootMfa", r.nextInt(10) > 0);
            account.put("rootAccessKeys", r.nextInt(12) == 0);
            account.put("guardDuty", r.nextInt(3) > 0);
            account.put("configRecorder", r.nextInt(3) > 0);
            s.put("account", account);
        }
        s.put("resources", resources);
        return s;
    }

    /**
     * One scenario of (at least) {@code resources} resources: the workloads of scenarios 0, 1, ...
     * (their ids prefixed with the scenario's number) in one account with an account block, a
     * complete inventory, and the resources account-wide controls read (a multi-Region trail, a
     * GuardDuty detector, a Config recorder) and a secret with a rotation schedule.
     */
    public Map<String, Object> largeScenario(String id, int resources) {
        List<Object> all = new ArrayList<>();
        all.add(resource("org-trail", "type", "AWS::CloudTrail::Trail", map("IsLogging", true, "IsMultiRegionTrail", true,
                "S3BucketName", "central-cloudtrail-logs")));
        all.add(resource("threat-detector", "type", "AWS::GuardDuty::Detector", map("Enable", true)));
        all.add(resource("config-recorder", "type", "AWS::Config::ConfigurationRecorder", map("Name", "default",
                "RoleARN", "arn:aws:iam::111122223333:role/config")));
        all.add(resource("db-secret", "type", "AWS::SecretsManager::Secret", map("Description", "database credentials")));
        all.add(resource("db-secret-rotation", "type", "AWS::SecretsManager::RotationSchedule", map("SecretId", map("Ref", "db-secret"),
                "HostedRotationLambda", map("RotationType", "PostgreSQLSingleUser"), "RotationRules", map("AutomaticallyAfterDays", 30))));
        for (int i = 0; all.size() < resources; i++) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> own = (List<Map<String, Object>>) scenario(i).get("resources");
            for (Map<String, Object> r : own) {
                Map<String, Object> copy = new LinkedHashMap<>(r);
                copy.put("id", "w" + i + "-" + r.get("id"));
                all.add(copy);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("srm", 1);
        s.put("id", id);
        s.put("title", "One account of " + all.size() + " resources");
        s.put("inventory", "complete");
        s.put("account", map("organization", true, "rootMfa", true, "rootAccessKeys", false, "guardDuty", true, "configRecorder", true));
        s.put("resources", all);
        return s;
    }

    /** The scenario as JSON. */
    public byte[] json(Map<String, Object> scenario) throws IOException {
        return json.writeValueAsBytes(scenario);
    }

    private static void web(Random r, String p, List<Object> out) {
        Map<String, Object> ebs = map("DeviceName", "/dev/xvda", "Ebs", map("VolumeSize", 20 + r.nextInt(200), "Encrypted", r.nextInt(5) > 0));
        out.add(resource(p + "-instance", "type", "AWS::EC2::Instance", map(
                "InstanceType", pick(r, "t3.small", "t3.medium", "m6i.large", "c7g.xlarge"),
                "MetadataOptions", map("HttpTokens", r.nextInt(4) > 0 ? "required" : "optional"),
                "BlockDeviceMappings", List.of(ebs),
                "patching", pick(r, "patch-manager", "patch-manager", "automated", "manual"))));
        List<Object> ingress = new ArrayList<>();
        ingress.add(map("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443, "CidrIp", "0.0.0.0/0"));
        if (r.nextInt(6) == 0) {
            ingress.add(map("IpProtocol", "tcp", "FromPort", 22, "ToPort", 22, "CidrIp", "0.0.0.0/0"));
        } else {
            ingress.add(map("IpProtocol", "tcp", "FromPort", 22, "ToPort", 22, "CidrIp", "10.0.0.0/8"));
        }
        out.add(resource(p + "-sg", "type", "AWS::EC2::SecurityGroup", map("GroupDescription", "web tier", "SecurityGroupIngress", ingress)));
        if (r.nextBoolean()) {
            out.add(resource(p + "-data", "type", "AWS::EC2::Volume", map("Size", 50 + r.nextInt(500), "Encrypted", r.nextInt(4) > 0)));
        }
    }

    private static void serverless(Random r, String p, List<Object> out) {
        boolean image = r.nextInt(4) == 0;
        Map<String, Object> fn = image ? map("PackageType", "Image", "Role", "arn:aws:iam::111122223333:role/" + p)
                : map("Runtime", pick(r, RUNTIMES.toArray(String[]::new)), "Handler", "app.handler",
                        "Role", "arn:aws:iam::111122223333:role/" + p);
        out.add(resource(p + "-fn", "type", "AWS::Lambda::Function", fn));
        Object action = r.nextInt(8) == 0 ? "*" : List.of("dynamodb:GetItem", "dynamodb:PutItem", "logs:PutLogEvents");
        out.add(resource(p + "-role", "type", "AWS::IAM::Role", map("Policies", List.of(map("PolicyName", "app",
                "PolicyDocument", map("Statement", List.of(map("Effect", "Allow", "Action", action, "Resource", "*"))))))));
        if (r.nextBoolean()) {
            out.add(resource(p + "-invoke", "type", "AWS::Lambda::Permission", map("FunctionName", p + "-fn",
                    "Action", "lambda:InvokeFunction", "Principal", r.nextInt(6) == 0 ? "*" : "apigateway.amazonaws.com")));
        }
    }

    private static void data(Random r, String p, List<Object> out) {
        int buckets = 1 + r.nextInt(3);
        for (int b = 0; b < buckets; b++) {
            boolean block = r.nextInt(6) > 0;
            Map<String, Object> config = map("PublicAccessBlockConfiguration", map("BlockPublicAcls", block,
                    "BlockPublicPolicy", block, "IgnorePublicAcls", block, "RestrictPublicBuckets", block));
            if (r.nextInt(5) > 0) {
                config.put("BucketEncryption", map("ServerSideEncryptionConfiguration", List.of(map("ServerSideEncryptionByDefault",
                        map("SSEAlgorithm", pick(r, "AES256", "aws:kms"))))));
            }
            if (r.nextBoolean()) {
                config.put("VersioningConfiguration", map("Status", r.nextInt(4) > 0 ? "Enabled" : "Suspended"));
            }
            if (r.nextBoolean()) {
                config.put("LoggingConfiguration", map("DestinationBucketName", "central-access-logs"));
            }
            out.add(resource(p + "-bucket-" + b, "service", "S3", config));
        }
        if (r.nextBoolean()) {
            out.add(resource(p + "-table", "service", "DynamoDB", map("BillingMode", "PAY_PER_REQUEST",
                    "PointInTimeRecoverySpecification", map("PointInTimeRecoveryEnabled", r.nextInt(3) > 0))));
        }
    }

    private static void database(Random r, String p, List<Object> out) {
        out.add(resource(p + "-db", "service", "RDS", map("Engine", pick(r, ENGINES.toArray(String[]::new)),
                "DBInstanceClass", pick(r, "db.t3.medium", "db.m6g.large", "db.r6g.xlarge"),
                "BackupRetentionPeriod", pick(r, 1, 7, 7, 14, 35), "StorageEncrypted", r.nextInt(4) > 0,
                "PubliclyAccessible", r.nextInt(10) == 0)));
    }

    private static void containers(Random r, String p, List<Object> out) {
        out.add(resource(p + "-svc", "type", "AWS::ECS::Service", map("LaunchType", r.nextBoolean() ? "FARGATE" : "EC2",
                "patching", pick(r, "automated", "manual"))));
        if (r.nextBoolean()) {
            out.add(resource(p + "-eks", "type", "AWS::EKS::Cluster", map("Name", p)));
            out.add(resource(p + "-nodes", "type", "AWS::EKS::Nodegroup", map("patching", pick(r, "automated", "patch-manager", "manual"))));
        }
    }

    private static void beanstalk(Random r, String p, List<Object> out) {
        out.add(resource(p + "-env", "service", "Elastic Beanstalk", map("ApplicationName", p,
                "SolutionStackName", pick(r, "64bit Amazon Linux 2023 v4.0.0 running Python 3.11", "64bit Amazon Linux 2 v3.5.0 running Node.js 18"))));
    }

    private static Map<String, Object> resource(String id, String key, String value, Map<String, Object> configuration) {
        return map("id", id, key, value, "configuration", configuration);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Writes scenarios 0..count-1 as YAML files, {@code DIR/<team>/<id>.yaml}. */
    public void writeYaml(Path dir, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Map<String, Object> s = scenario(i);
            Path file = dir.resolve(team(i)).resolve(s.get("id") + ".yaml");
            Files.createDirectories(file.getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                out.write(("# generated by dev.srm.bench.CorpusGenerator, seed " + seed + ", scenario " + i + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                yaml.writeValue(out, s);
            }
        }
    }

    /** Writes scenarios 0..count-1 as JSON Lines, one scenario per line. */
    public void writeJsonLines(OutputStream out, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            json.writeValue(out, scenario(i));
            out.write('\n');
        }
        out.flush();
    }

    /** {@code --count N [--seed S] (--out DIR | --jsonl FILE|-)}. */
    public static void main(String[] args) throws IOException {
        int count = 1000;
        long seed = 42;
        Path out = null;
        String jsonl = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--count" -> count = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--out" -> out = Path.of(v);
                case "--jsonl" -> jsonl = v;
                default -> {
                    System.err.println("usage: CorpusGenerator --count N [--seed S] (--out DIR | --jsonl FILE|-)");
                    System.exit(2);
                }
            }
            i++;
        }
        CorpusGenerator g = new CorpusGenerator(seed);
        if (jsonl != null) {
            if ("-".equals(jsonl)) {
                g.writeJsonLines(new BufferedOutputStream(System.out, 1 << 16), count);
            } else {
                try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(Path.of(jsonl)), 1 << 16)) {
                    g.writeJsonLines(o, count);
                }
            }
        } else if (out != null) {
            g.writeYaml(out, count);
        } else {
            System.err.println("usage: CorpusGenerator --count N [--seed S] (--out DIR | --jsonl FILE|-)");
            System.exit(2);
        }
    }
}
