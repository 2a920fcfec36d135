package dev.srm.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;
import dev.srm.input.config.ConfigReader;
import dev.srm.model.GroupBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The AWS Config inventory benchmark: generates a gzipped snapshot of N configuration items
 * (buckets, instances, volumes, security groups, database instances, in the documented item
 * shapes) over many accounts, and reads it with srm's reader, one scenario per account.
 * <pre>
 *   java -cp ... dev.srm.bench.ConfigSnapshotBench --generate snapshot.json.gz --items 1000000 --accounts 2000
 *   java -Xmx512m -cp ... dev.srm.bench.ConfigSnapshotBench --read snapshot.json.gz
 * </pre>
 * Prints items, scenarios, resources, seconds and the heap used; run it under
 * {@code /usr/bin/time -f %M} for the peak resident set size.
 */
public final class ConfigSnapshotBench {
    private ConfigSnapshotBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--generate")) {
            long items = Long.parseLong(value(args, "--items", "1000000"));
            int accounts = Integer.parseInt(value(args, "--accounts", "2000"));
            long bytes = generate(Path.of(args[1]), items, accounts, 42);
            System.out.println("generated " + items + " items over " + accounts + " accounts: " + bytes + " bytes uncompressed, "
                    + Files.size(Path.of(args[1])) + " bytes gzipped");
        } else if (args.length >= 2 && args[0].equals("--read")) {
            read(Path.of(args[1]), GroupBy.parse(value(args, "--group-by", "account")));
        } else {
            System.err.println("usage: --generate FILE [--items N] [--accounts A] | --read FILE [--group-by account|account-region]");
            System.exit(2);
        }
    }

    private static String value(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static void read(Path file, GroupBy groupBy) throws Exception {
        long start = System.nanoTime();
        long scenarios = 0;
        long resources = 0;
        long settings = 0;
        try (ScenarioStream s = new ConfigReader(groupBy).open(file)) {
            for (ReadScenario r = s.next(); r != null; r = s.next()) {
                scenarios++;
                resources += r.scenario().resources().size();
                for (var res : r.scenario().resources()) {
                    settings += res.settings().size();
                }
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("read %d scenarios, %d resources, %d settings in %.1f s (%.0f resources/s); max heap %d MB%n",
                scenarios, resources, settings, secs, resources / secs, rt.maxMemory() / (1024 * 1024));
    }

    /** Writes the snapshot, streaming: the generator never holds more than one item. Returns the uncompressed size. */
    static long generate(Path file, long items, int accounts, long seed) throws IOException {
        Random random = new Random(seed);
        String[] regions = {"eu-west-1", "us-east-1", "ap-southeast-2"};
        CountingStream counter;
        try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
             JsonGenerator g = new JsonFactory().createGenerator(counter = new CountingStream(out))) {
            g.writeStartObject();
            g.writeStringField("fileVersion", "1.0");
            g.writeStringField("configSnapshotId", "bench-" + seed);
            g.writeArrayFieldStart("configurationItems");
            long perAccount = Math.max(1, items / accounts);
            for (long i = 0; i < items; i++) {
                String account = String.format("%012d", 100000000000L + Math.min(i / perAccount, accounts - 1));
                String region = regions[(int) (i % regions.length)];
                item(g, random, i, account, region);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return counter.count;
    }

    private static void item(JsonGenerator g, Random random, long i, String account, String region) throws IOException {
        int kind = (int) (i % 5);
        String[] types = {"AWS::S3::Bucket", "AWS::EC2::Instance", "AWS::EC2::Volume", "AWS::EC2::SecurityGroup", "AWS::RDS::DBInstance"};
        String id = switch (kind) {
            case 0 -> "bench-bucket-" + i;
            case 1 -> "i-" + Long.toHexString(0x10000000000L + i);
            case 2 -> "vol-" + Long.toHexString(0x10000000000L + i);
            case 3 -> "sg-" + Long.toHexString(0x10000000000L + i);
            default -> "db-" + i;
        };
        String arn = switch (kind) {
            case 0 -> "arn:aws:s3:::" + id;
            case 1 -> "arn:aws:ec2:" + region + ":" + account + ":instance/" + id;
            case 2 -> "arn:aws:ec2:" + region + ":" + account + ":volume/" + id;
            case 3 -> "arn:aws:ec2:" + region + ":" + account + ":security-group/" + id;
            default -> "arn:aws:rds:" + region + ":" + account + ":db:" + id;
        };
        g.writeStartObject();
        g.writeArrayFieldStart("relatedEvents");
        g.writeEndArray();
        g.writeArrayFieldStart("relationships");
        g.writeStartObject();
        g.writeStringField("resourceId", "vpc-0a1b2c3d");
        g.writeStringField("resourceType", "AWS::EC2::VPC");
        g.writeStringField("name", "Is contained in Vpc");
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("configuration");
        switch (kind) {
            case 0 -> {
                g.writeStringField("name", id);
                g.writeObjectFieldStart("owner");
                g.writeStringField("id", "c0ffee");
                g.writeEndObject();
                g.writeStringField("creationDate", "2025-11-20T10:00:00.000Z");
            }
            case 1 -> {
                g.writeStringField("instanceId", id);
                g.writeStringField("imageId", "ami-0abcdef1234567890");
                g.writeStringField("instanceType", random.nextBoolean() ? "t3.micro" : "m6i.large");
                g.writeStringField("subnetId", "subnet-0a1b2c3d");
                g.writeStringField("vpcId", "vpc-0a1b2c3d");
                g.writeObjectFieldStart("monitoring");
                g.writeStringField("state", "disabled");
                g.writeEndObject();
                g.writeObjectFieldStart("metadataOptions");
                g.writeStringField("state", "applied");
                g.writeStringField("httpTokens", random.nextInt(3) == 0 ? "optional" : "required");
                g.writeNumberField("httpPutResponseHopLimit", 1);
                g.writeStringField("httpEndpoint", "enabled");
                g.writeEndObject();
                g.writeArrayFieldStart("networkInterfaces");
                g.writeStartObject();
                g.writeObjectFieldStart("attachment");
                g.writeNumberField("deviceIndex", 0);
                g.writeStringField("status", "attached");
                g.writeEndObject();
                g.writeStringField("subnetId", "subnet-0a1b2c3d");
                g.writeEndObject();
                g.writeEndArray();
            }
            case 2 -> {
                g.writeStringField("volumeId", id);
                g.writeStringField("availabilityZone", region + "a");
                g.writeBooleanField("encrypted", random.nextInt(4) != 0);
                g.writeNumberField("size", 8 + random.nextInt(500));
                g.writeStringField("volumeType", "gp3");
            }
            case 3 -> {
                g.writeStringField("groupId", id);
                g.writeStringField("groupName", "sg-" + i);
                g.writeStringField("description", "generated");
                g.writeStringField("vpcId", "vpc-0a1b2c3d");
                g.writeArrayFieldStart("ipPermissions");
                g.writeStartObject();
                g.writeNumberField("fromPort", random.nextBoolean() ? 22 : 443);
                g.writeNumberField("toPort", 443);
                g.writeStringField("ipProtocol", "tcp");
                g.writeArrayFieldStart("ipv4Ranges");
                g.writeStartObject();
                g.writeStringField("cidrIp", random.nextInt(5) == 0 ? "0.0.0.0/0" : "10.0.0.0/8");
                g.writeEndObject();
                g.writeEndArray();
                g.writeArrayFieldStart("ipv6Ranges");
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeArrayFieldStart("ipPermissionsEgress");
                g.writeEndArray();
            }
            default -> {
                g.writeStringField("dBInstanceIdentifier", id);
                g.writeStringField("dBInstanceClass", "db.t4g.micro");
                g.writeStringField("engine", random.nextBoolean() ? "postgres" : "mysql");
                g.writeStringField("engineVersion", "16.3");
                g.writeNumberField("backupRetentionPeriod", random.nextInt(15));
                g.writeBooleanField("multiAZ", random.nextBoolean());
                g.writeBooleanField("publiclyAccessible", random.nextInt(10) == 0);
                g.writeBooleanField("storageEncrypted", random.nextInt(5) != 0);
                g.writeBooleanField("autoMinorVersionUpgrade", true);
                g.writeBooleanField("deletionProtection", random.nextBoolean());
                g.writeBooleanField("copyTagsToSnapshot", true);
            }
        }
        g.writeEndObject();
        g.writeObjectFieldStart("supplementaryConfiguration");
        if (kind == 0) {
            g.writeObjectFieldStart("PublicAccessBlockConfiguration");
            boolean block = random.nextInt(4) != 0;
            g.writeBooleanField("blockPublicAcls", block);
            g.writeBooleanField("ignorePublicAcls", block);
            g.writeBooleanField("blockPublicPolicy", block);
            g.writeBooleanField("restrictPublicBuckets", block);
            g.writeEndObject();
            g.writeObjectFieldStart("ServerSideEncryptionConfiguration");
            g.writeArrayFieldStart("rules");
            g.writeStartObject();
            g.writeObjectFieldStart("applyServerSideEncryptionByDefault");
            g.writeStringField("sseAlgorithm", random.nextBoolean() ? "aws:kms" : "AES256");
            g.writeEndObject();
            g.writeBooleanField("bucketKeyEnabled", true);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("BucketVersioningConfiguration");
            g.writeStringField("status", random.nextBoolean() ? "Enabled" : "Off");
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("tags");
        g.writeStringField("owner", "team-" + random.nextInt(40));
        g.writeStringField("env", random.nextBoolean() ? "prod" : "dev");
        g.writeEndObject();
        g.writeStringField("configurationItemVersion", "1.3");
        g.writeStringField("configurationItemCaptureTime", "2026-03-01T08:00:00.000Z");
        g.writeNumberField("configurationStateId", 1709280000000L + i);
        g.writeStringField("awsAccountId", account);
        g.writeStringField("configurationItemStatus", i % 97 == 0 ? "ResourceDeleted" : "OK");
        g.writeStringField("resourceType", types[kind]);
        g.writeStringField("resourceId", id);
        g.writeStringField("resourceName", id);
        g.writeStringField("ARN", arn);
        g.writeStringField("awsRegion", region);
        g.writeStringField("availabilityZone", kind == 2 ? region + "a" : "Not Applicable");
        g.writeStringField("configurationStateMd5Hash", "");
        g.writeStringField("resourceCreationTime", "2025-11-20T10:00:00.000Z");
        g.writeEndObject();
    }

    /** Counts the uncompressed bytes written. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
