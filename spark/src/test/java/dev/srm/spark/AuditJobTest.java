package dev.srm.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.api.AuditRequest;
import dev.srm.api.AuditResult;
import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;
import dev.srm.bench.CorpusGenerator;
import dev.srm.report.audit.AuditFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job against the single-machine {@code srm audit} of the same JSON Lines: every row of
 * every table equals, field by field, what the audit's JSON report says (sorted, since Spark has
 * no order), the summary equals its roll-ups and errors, and the exit code is the same. Spark
 * runs on {@code local[2]} in this JVM.
 */
class AuditJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;
    private static Srm srm;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("srm-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                // account ids are strings: 012345678901 must not become a number
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        srm = Packs.get(SrmOptions.bundled());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void bundled_scenarios_give_the_rows_of_the_single_machine_audit() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("srm.scenarios", "../scenarios")))) {
            files = s.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$") && !p.endsWith("srm-waivers.yaml")).sorted().toList();
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        StringBuilder lines = new StringBuilder();
        for (Path f : files) {
            lines.append(JSON.writeValueAsString(yaml.readTree(f.toFile()))).append('\n');
        }
        assertThat(files).hasSizeGreaterThan(100);
        compare("bundled", lines.toString(), Map.of());
    }

    @Test
    void a_generated_corpus_with_accounts_and_broken_lines_gives_the_same_rows_and_lands_the_broken_lines_in_problems()
            throws Exception {
        CorpusGenerator generator = new CorpusGenerator(7);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 80; i++) { // the broken lines below are all before 80
            ObjectNode s = JSON.valueToTree(generator.scenario(i));
            if (i % 3 == 0) { // a third of the scenarios are named after their AWS account, as per-account inventories are
                s.put("id", String.format("%012d-%s", 100000000000L + i % 4, s.get("id").asText()));
            }
            lines.append(JSON.writeValueAsString(s)).append(i % 5 == 0 ? "\r\n" : "\n");
            switch (i) {
                case 17 -> lines.append("{\"srm\": 1, \"id\": \"broken-json\", \"resources\": [\n");        // not JSON
                case 40 -> lines.append("{\"srm\": 1, \"id\": \"no-resources\", \"resources\": 3}\n");     // fails the schema
                case 41 -> lines.append("   \n\n");                                                      // blank: skipped, counted
                case 59 -> lines.append(JSON.writeValueAsString(JSON.valueToTree(generator.scenario(4)))).append('\n'); // duplicate id
                case 75 -> lines.append("[1, 2, 3]\n");                                                 // not an object
                default -> {
                }
            }
        }
        // small splits (the file is about 90 KB: ten or more splits): the file is read by several tasks, and line numbers
        // must still be the file's
        JsonNode summary = compare("corpus", lines.toString(), Map.of("spark.sql.files.maxPartitionBytes", "8k"));

        assertThat(summary.get("errors")).hasSize(4);
        Path out = tmp.resolve("corpus-out");
        assertThat(out.resolve("resources")).isDirectoryContaining(p -> p.getFileName().toString().equals("account=100000000002"));
        List<Row> accounts = spark.read().parquet(out.resolve("findings").toString()).select("account", "scenario").distinct()
                .collectAsList();
        for (Row r : accounts) {
            String id = r.getString(1);
            assertThat(r.isNullAt(0) ? null : r.getString(0)).isEqualTo(id.matches("\\d{12}-.*") ? id.substring(0, 12) : null);
        }
    }

    @Test
    void whole_files_are_read_with_the_format_given_and_none_is_dropped() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(in.resolve("bucket.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n"
                + "    Type: AWS::S3::Bucket\n");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(in.resolve("queue.json.gz")))) {
            o.write("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(in.resolve("notes.txt"), "not a template");
        Path out = tmp.resolve("templates-out");
        int code = Main.run("audit", "--input", in.toString(), "--output", out.toString(), "--input-format", "cloudformation",
                "--fail-on", "none");

        List<String> named = new ArrayList<>();
        spark.read().parquet(out.resolve("problems").toString()).select("file").collectAsList().forEach(r -> named.add(r.getString(0)));
        spark.read().parquet(out.resolve("scenarios").toString()).select("file").collectAsList().forEach(r -> named.add(r.getString(0)));
        assertThat(named).extracting(n -> Path.of(n).getFileName().toString())
                .contains("bucket.yaml", "queue.json.gz", "notes.txt");
        // until the core reads templates, each is a problem saying so; after, the audit's own code
        assertThat(code).isIn(0, 3);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.at("/portfolio/totals/failedInputs").asInt() + summary.at("/portfolio/totals/scenarios").asInt())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void templates_of_the_same_name_get_the_ids_srm_audit_gives_them_and_none_is_dropped() throws Exception {
        Path in = tmp.resolve("stacks");
        String bucket = """
                AWSTemplateFormatVersion: '2010-09-09'
                Description: %s data bucket
                Resources:
                  DataBucket:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: %s-data-eu-west-1
                      VersioningConfiguration:
                        Status: %s
                """;
        for (String team : List.of("shipping", "billing", "orders")) {
            Path t = Files.createDirectories(in.resolve(team).resolve("infra")).resolve("template.yaml");
            Files.writeString(t, bucket.formatted(team, team, team.equals("billing") ? "Enabled" : "Suspended"));
        }
        // declares the id the orders 'infra' template would be qualified to: a declared id is the user's, so that template
        // goes up one more directory (stacks-orders-infra), as srm audit settles it
        Files.writeString(Files.createDirectories(in.resolve("audit")).resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Metadata:
                  srm:
                    id: orders-infra
                Resources:
                  AuditQueue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: audit-events
                """);
        Files.writeString(Files.createDirectories(in.resolve("web")).resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  SiteBucket:
                    Type: AWS::S3::Bucket
                """);

        JsonNode summary = compareFiles(in, "cloudformation", "stacks");

        List<String> ids = new ArrayList<>();
        spark.read().parquet(tmp.resolve("stacks-out/scenarios").toString()).select("scenario").collectAsList()
                .forEach(r -> ids.add(r.getString(0)));
        assertThat(ids).containsExactlyInAnyOrder("billing-infra", "orders-infra", "stacks-orders-infra", "shipping-infra", "web");
        assertThat(summary.get("errors")).isEmpty();
    }

    @Test
    void aws_config_snapshots_and_aggregator_output_give_the_rows_of_the_single_machine_audit() throws Exception {
        Path resources = Path.of(System.getProperty("srm.testResources", "../src/test/resources"));
        Path in = tmp.resolve("config-bucket");
        // as AWS Config delivers snapshots to S3, gzipped, beside query output of an aggregator (many accounts)
        Path delivery = Files.createDirectories(in.resolve("AWSLogs/123456789012/Config/eu-west-1/2026/12/1/ConfigSnapshot"));
        Files.copy(resources.resolve("config/snapshot.json.gz"),
                delivery.resolve("123456789012_Config_eu-west-1_ConfigSnapshot_20261201T030102Z_8d1d4d2c.json.gz"));
        Files.copy(resources.resolve("config/aggregator-select.json"), Files.createDirectories(in.resolve("queries"))
                .resolve("aggregator-select.json"));

        JsonNode summary = compareFiles(in, "config", "config");

        // both inputs describe account 111122223333: the query output, later in input order, takes its file's name in front
        // of the id, as in srm audit (it was left out as a duplicate)
        assertThat(summary.at("/portfolio/totals/scenarios").asInt()).isGreaterThan(2);
        assertThat(summary.get("errors")).isEmpty();
    }

    @Test
    void terraform_plans_named_alike_get_the_ids_srm_audit_gives_them() throws Exception {
        Path resources = Path.of(System.getProperty("srm.testResources", "../src/test/resources"));
        Path in = tmp.resolve("plans");
        for (String[] p : List.of(new String[] {"storage", "plan-s3-module.json"}, new String[] {"network", "plan-modules.json"},
                new String[] {"api", "plan-websocket-stages.json"})) {
            Files.copy(resources.resolve("terraform").resolve(p[1]), Files.createDirectories(in.resolve(p[0])).resolve("plan.json"));
        }

        JsonNode summary = compareFiles(in, "terraform", "plans");

        assertThat(summary.at("/portfolio/totals/scenarios").asInt()).isEqualTo(3);
        assertThat(summary.get("errors")).isEmpty();
    }

    @Test
    void bad_command_lines_exit_2_before_spark_is_asked_anything() {
        assertThat(Main.run()).isEqualTo(2);
        assertThat(Main.run("evaluate")).isEqualTo(2);
        assertThat(Main.run("audit", "--output", "x")).isEqualTo(2);
        assertThat(Main.run("audit", "--input", "a", "--output", "x", "--fail-on", "severe")).isEqualTo(2);
        assertThat(Main.run("audit", "--input", "a", "--output", "x", "--input-format", "asff")).isEqualTo(2);
        assertThat(Main.run("audit", "--input", "a", "--output", "x", "--as-of", "2026-13-01")).isEqualTo(2);
        assertThat(Main.run("audit", "--input", "a", "--output", "x", "--waivers")).isEqualTo(2);
    }

    @Test
    void a_waivers_file_and_as_of_judge_findings_as_srm_audit_does() throws Exception {
        Path in = tmp.resolve("website.jsonl");
        Files.writeString(in, "{\"srm\": 1, \"id\": \"website\", \"resources\": [{\"id\": \"assets\", \"service\": \"S3\", "
                + "\"configuration\": {\"PublicAccessBlockConfiguration\": {\"BlockPublicAcls\": false, \"BlockPublicPolicy\": false, "
                + "\"IgnorePublicAcls\": false, \"RestrictPublicBuckets\": false}}}]}\n");
        Path waivers = tmp.resolve("srm-waivers.yaml");
        Files.writeString(waivers, """
                srmWaivers: 1
                waivers:
                  - control: s3-block-public-access
                    scenario: website
                    resource: assets
                    reason: Public website assets, served through CloudFront from April
                    owner: web-platform
                    expires: 2027-03-31
                """);
        Path before = tmp.resolve("waived-before");
        assertThat(Main.run("audit", "--input", in.toString(), "--output", before.toString(), "--waivers", waivers.toString(),
                "--as-of", "2027-01-15", "--fail-on", "high")).isEqualTo(0);
        assertThat(status(before, "s3-block-public-access")).isEqualTo("WAIVED");
        Path after = tmp.resolve("waived-after");
        assertThat(Main.run("audit", "--input", in.toString(), "--output", after.toString(), "--waivers", waivers.toString(),
                "--as-of", "2027-04-01", "--fail-on", "high")).as("the waiver ended on 2027-03-31: the finding counts again")
                .isEqualTo(4);
        assertThat(status(after, "s3-block-public-access")).isEqualTo("OPEN");

        Files.writeString(waivers, "srmWaivers: 1\nwaivers:\n  - control: s3-no-such-control\n    reason: r\n    owner: o\n    expires: 2027-03-31\n");
        assertThat(Main.run("audit", "--input", in.toString(), "--output", tmp.resolve("waived-bad").toString(), "--waivers",
                waivers.toString())).as("a waivers file naming an unknown control is refused before any task").isEqualTo(3);
    }

    private static String status(Path out, String rule) {
        List<Row> rows = spark.read().parquet(out.resolve("findings").toString()).filter("rule = '" + rule + "'").select("status")
                .collectAsList();
        assertThat(rows).hasSize(1);
        return rows.get(0).getString(0);
    }

    @Test
    void a_rule_that_throws_on_one_line_makes_that_line_a_problem_row_and_the_others_are_evaluated() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("cost-center-rules"));
        Files.writeString(rules.resolve("costs.drl"), """
                package bank.costs;
                import dev.srm.facts.*;

                rule "bank-cost-center-number"
                    @kind("policy")
                    @title("Read the cost center as a number")
                    @source("https://wiki.example.com/cloud/cost-centers")
                when
                    $r : Resource( tags.containsKey("cost-center") )
                then
                    int number = Integer.parseInt($r.tags().get("cost-center"));
                end
                """);
        Path in = tmp.resolve("tagged.jsonl");
        Files.writeString(in, "{\"srm\": 1, \"id\": \"ledger\", \"resources\": [{\"id\": \"entries\", \"service\": \"S3\","
                + " \"tags\": {\"cost-center\": \"7310\"}}]}\n"
                + "{\"srm\": 1, \"id\": \"campaign\", \"resources\": [{\"id\": \"assets\", \"service\": \"S3\","
                + " \"tags\": {\"cost-center\": \"marketing\"}}]}\n");
        Path out = tmp.resolve("tagged-out");

        int code = Main.run("audit", "--input", in.toString(), "--output", out.toString(), "--extra-rules", rules.toString(),
                "--fail-on", "none");

        assertThat(code).as("an input the rules failed on: INPUT, as srm audit").isEqualTo(3);
        List<Row> problems = spark.read().parquet(out.resolve("problems").toString()).select("file", "message").collectAsList();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).getString(0)).isEqualTo(in + ":2");
        assertThat(problems.get(0).getString(1)).isEqualTo("rule 'bank-cost-center-number' failed on scenario 'campaign':"
                + " NumberFormatException: For input string: \"marketing\"; check the rules given with --rules or --extra-rules");
        assertThat(spark.read().parquet(out.resolve("scenarios").toString()).select("scenario").collectAsList())
                .extracting(r -> r.getString(0)).containsExactly("ledger");
    }

    @Test
    void unreadable_rules_exit_3() throws Exception {
        Path in = tmp.resolve("one.jsonl");
        Files.writeString(in, "{}\n");
        assertThat(Main.run("audit", "--input", in.toString(), "--output", tmp.resolve("no-rules-out").toString(),
                "--rules", tmp.resolve("no-such-rules").toString())).isEqualTo(3);
    }

    // ------------------------------------------------------------------ the comparison

    /**
     * Runs both audits over the same lines and compares; returns the job's summary. The Spark
     * job names the file's lines {@code PATH:N} where the single machine says {@code <stdin>:N}.
     */
    private JsonNode compare(String name, String jsonl, Map<String, String> conf) throws Exception {
        Path in = tmp.resolve(name + ".jsonl");
        Files.writeString(in, jsonl);
        Path out = tmp.resolve(name + "-out");

        StringWriter report = new StringWriter();
        AuditResult single = srm.audit(AuditRequest.of(List.of(Path.of("-")))
                .stdin(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8))).jobs(2).formats(AuditFormat.json).toWriter(report)
                .build());
        JsonNode expected = JSON.readTree(report.toString());

        Map<String, String> before = new TreeMap<>();
        conf.forEach((k, v) -> {
            before.put(k, spark.conf().get(k, null));
            spark.conf().set(k, v);
        });
        int code;
        try {
            code = Main.run("audit", "--input", in.toString(), "--output", out.toString(), "--fail-on", "high");
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    spark.conf().unset(k);
                } else {
                    spark.conf().set(k, v);
                }
            });
        }
        return check(expected, out, in.toString(), code, single);
    }

    /**
     * Runs both audits over the whole files of a directory, read as {@code format}, and compares;
     * returns the job's summary.
     */
    private JsonNode compareFiles(Path in, String format, String name) throws Exception {
        Path out = tmp.resolve(name + "-out");
        StringWriter report = new StringWriter();
        AuditResult single = srm.audit(AuditRequest.of(List.of(in)).inputFormat(dev.srm.model.InputFormat.valueOf(format)).jobs(2)
                .formats(AuditFormat.json).toWriter(report).build());
        JsonNode expected = JSON.readTree(report.toString());
        int code = Main.run("audit", "--input", in.toString(), "--output", out.toString(), "--input-format", format,
                "--fail-on", "high");
        return check(expected, out, "\0no path to replace", code, single);
    }

    /** The job's tables, summary and exit code against the single machine's report and exit code. */
    private JsonNode check(JsonNode expected, Path out, String path, int code, AuditResult single) throws Exception {
        assertThat(table(out, "resources", path, "scenario", "file", "resource", "service", "type", "variant", "serviceModel",
                "customerShare", "resourceRule", "resourceReason", "notices", "layer", "party", "rule", "reason"))
                .containsExactlyElementsOf(expectedResources(expected));
        assertThat(table(out, "controls", path, "scenario", "resource", "control", "title", "layer", "status", "severity",
                "integrations", "evidence", "reason", "rule", "source", "securityHub", "configRules", "frameworks"))
                .containsExactlyElementsOf(expectedControls(expected));
        assertThat(table(out, "findings", path, "scenario", "finding", "rule", "severity", "resource", "layer", "owner", "title",
                "remediation", "integrations", "source", "securityHub"))
                .containsExactlyElementsOf(expectedFindings(expected));
        assertThat(table(out, "scenarios", path, "scenario", "title", "file", "warnings"))
                .containsExactlyElementsOf(expectedScenarios(expected));
        assertThat(table(out, "problems", path, "file", "where", "message", "error"))
                .containsExactlyElementsOf(sorted(expected.get("errors"), e -> List.of(e.get("file").asText(), e.get("where").asText(),
                        e.get("message").asText(), e.get("error").asText())));

        JsonNode summary = JSON.readTree(Files.readString(out.resolve("summary.json")).replace(path, "<stdin>"));
        assertThat(summary.get("portfolio")).isEqualTo(expected.get("portfolio"));
        assertThat(summary.get("errors")).isEqualTo(expected.get("errors"));
        assertThat(code).isEqualTo(single.exitCode(dev.srm.facts.Severity.HIGH).code());
        return summary;
    }

    /** A table's rows as lists of canonical strings, sorted, with the input's path as the single machine names it. */
    private static List<String> table(Path out, String name, String path, String... columns) {
        List<String> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(out.resolve(name).toString()).selectExpr(columns).collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                values.add(canon(r.isNullAt(i) ? null : r.get(i)));
            }
            rows.add(values.toString().replace(path, "<stdin>"));
        }
        rows.sort(null);
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Object canon(Object v) {
        if (v instanceof scala.collection.Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Map<Object, Object>) m)
                    .forEach((k, x) -> out.put(k.toString(), canon(x)));
            return out;
        }
        if (v instanceof scala.collection.Iterable<?> s) {
            List<Object> out = new ArrayList<>();
            scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Iterable<Object>) s).forEach(x -> out.add(canon(x)));
            return out;
        }
        if (v instanceof JsonNode n) {
            if (n.isNull() || n.isMissingNode()) {
                return null;
            }
            if (n.isArray()) {
                List<Object> out = new ArrayList<>();
                n.forEach(x -> out.add(canon(x)));
                return out;
            }
            if (n.isObject()) {
                Map<String, Object> out = new TreeMap<>();
                n.fields().forEachRemaining(e -> out.put(e.getKey(), canon(e.getValue())));
                return out;
            }
            return n.asText();
        }
        return v == null ? null : v.toString();
    }

    private static List<Object> values(Object... v) {
        List<Object> out = new ArrayList<>();
        for (Object x : v) {
            out.add(canon(x));
        }
        return out;
    }

    private interface RowsOf {
        List<Object> of(JsonNode n);
    }

    private static List<String> sorted(JsonNode array, RowsOf f) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(f.of(n).toString()));
        out.sort(null);
        return out;
    }

    private static Iterable<JsonNode> each(JsonNode n) {
        return n == null ? List.of() : n::elements;
    }

    private static List<String> expectedScenarios(JsonNode audit) {
        return sorted(audit.get("evaluations"), e -> values(e.at("/scenario/id"), e.at("/scenario/title"), e.at("/scenario/file"),
                e.get("warnings")));
    }

    private static List<String> expectedResources(JsonNode audit) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : each(audit.get("evaluations"))) {
            for (JsonNode r : each(e.get("resources"))) {
                List<Object> head = values(e.at("/scenario/id"), e.at("/scenario/file"), r.get("id"), r.get("service"), r.get("type"),
                        r.get("variant"), r.get("serviceModel"), r.get("customerShare"), r.get("rule"), r.get("reason"));
                head.add(r.has("notices") ? canon(r.get("notices")) : List.of());
                Iterator<JsonNode> layers = r.get("layers").elements();
                if (!layers.hasNext()) {
                    List<Object> row = new ArrayList<>(head);
                    row.addAll(Arrays.asList(null, null, null, null));
                    out.add(row.toString());
                }
                while (layers.hasNext()) {
                    JsonNode l = layers.next();
                    List<Object> row = new ArrayList<>(head);
                    row.addAll(values(l.get("layer"), l.get("party"), l.get("rule"), l.get("reason")));
                    out.add(row.toString());
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<Object> control(JsonNode e, String resource, JsonNode c) {
        return values(e.at("/scenario/id"), resource, c.get("id"), c.get("title"), c.get("layer"), c.get("status"),
                c.get("severity"), c.get("integrations"), c.get("evidence"), c.get("reason"), c.get("rule"), c.get("source"),
                c.at("/references/securityHub"), c.at("/references/configRules"), c.at("/references/frameworks"));
    }

    private static List<String> expectedControls(JsonNode audit) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : each(audit.get("evaluations"))) {
            for (JsonNode r : each(e.get("resources"))) {
                for (JsonNode c : each(r.get("controls"))) {
                    out.add(control(e, r.get("id").asText(), c).toString());
                }
            }
            for (JsonNode c : each(e.at("/account/controls"))) {
                out.add(control(e, "account", c).toString());
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> expectedFindings(JsonNode audit) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : each(audit.get("evaluations"))) {
            for (JsonNode f : each(e.get("findings"))) {
                out.add(values(e.at("/scenario/id"), f.get("id"), f.get("rule"), f.get("severity"), f.get("resource"), f.get("layer"),
                        f.get("owner"), f.get("title"), f.get("remediation"), f.get("integrations"), f.get("source"),
                        f.get("securityHub")).toString());
            }
        }
        out.sort(null);
        return out;
    }
}
