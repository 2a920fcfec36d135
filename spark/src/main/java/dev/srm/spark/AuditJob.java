package dev.srm.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.api.AuditResult;
import dev.srm.api.EvaluateResult;
import dev.srm.api.ExitCode;
import dev.srm.api.Rollup;
import dev.srm.api.ScenarioIds;
import dev.srm.api.Srm;
import dev.srm.api.SrmException;
import dev.srm.model.ControlResult;
import dev.srm.model.Evaluation;
import dev.srm.model.FindingResult;
import dev.srm.model.InputFormat;
import dev.srm.model.InputProblem;
import dev.srm.model.LayerResult;
import dev.srm.model.ResourceResult;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

/**
 * {@code srm audit} on Spark. Inputs are read by Spark's own data sources ({@code text} for
 * JSON Lines, split across tasks; {@code binaryFile} for whole files), evaluated by the core's
 * public API inside {@code mapPartitions} with one rule pack per executor JVM, and kept once in
 * Spark's cache. Scenario ids are settled as {@code srm audit} settles them: for whole files before
 * they are evaluated ({@link IdSettling}), for JSON Lines from the cached outcomes. The job writes the tables, and adds the core's portfolio roll-ups up per partition and
 * merges them on the driver. The exit code is the core's.
 */
final class AuditJob {
    static final String TABLES = "scenarios, resources, controls, findings, problems";
    private static final String EVALUATION = "evaluation";
    private static final String PROBLEM = "problem";
    private static final Pattern ACCOUNT_ID = Pattern.compile("^(\\d{12})(?:-.*)?$");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:[^:]+:[^:]*:[^:]*:(\\d{12}):.*$");

    static final StructType PROBLEM_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("where", DataTypes.StringType, false),
            DataTypes.createStructField("message", DataTypes.StringType, false),
            DataTypes.createStructField("error", DataTypes.StringType, false)));

    /** One outcome per scenario evaluated or input that failed. */
    static final StructType OUTCOME = DataTypes.createStructType(List.of(
            DataTypes.createStructField("kind", DataTypes.StringType, false),
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("account", DataTypes.StringType, true),
            DataTypes.createStructField(EVALUATION, RecordRows.schema(Evaluation.class), true),
            DataTypes.createStructField(PROBLEM, PROBLEM_SCHEMA, true)));

    private final SparkSession spark;
    private final Options options;
    private final java.io.PrintStream err;

    AuditJob(SparkSession spark, Options options, java.io.PrintStream err) {
        this.spark = spark;
        this.options = options;
        this.err = err;
    }

    /** Runs the audit; returns the exit code (0, 3 or 4). */
    int run() throws IOException {
        Options pack = options;
        Srm srm = Packs.get(pack); // a broken pack fails here, on the driver, before any task
        Judging judging = judging(options);
        judging.policy(srm); // a broken waivers file fails here too, with its lines, before any task
        String out = options.output().replaceAll("/+$", "");

        // Evaluated once, kept by Spark's cache on the executors' local disks and read by every
        // table and the roll-ups. On disk only: a task's evaluated results are several times its
        // input (a 16 MB split of 67,000 resources), and holding them in the heap's storage share
        // ran a 4 GB executor out of memory after 4 of 15 tasks of a 1M-resource audit. (Staging
        // as Parquet cost more than evaluating: encoding the nested results twice.)
        List<InputProblem> problems = new ArrayList<>();
        Dataset<Row> staged = evaluate(pack, judging, problems).persist(StorageLevel.DISK_ONLY());

        // srm audit's rule for a scenario id used by several lines: the first in input order keeps it
        // (whole files had their ids settled before they were evaluated)
        Set<String> losers = new HashSet<>();
        for (Row r : staged.filter(col("kind").equalTo(EVALUATION)).groupBy(col("id"))
                .agg(count(lit(1)).as("n"), collect_list(col("source")).as("sources"))
                .filter(col("n").gt(1)).collectAsList()) {
            for (InputProblem p : Srm.duplicateIds(r.getString(0), r.<String>getList(2))) {
                problems.add(p);
                losers.add(r.getString(0) + '\0' + p.file());
            }
        }
        Dataset<Row> kept = staged.filter(col("kind").equalTo(EVALUATION));
        if (!losers.isEmpty()) {
            kept = kept.filter((FilterFunction<Row>) row -> !losers.contains(row.getAs("id") + "\0" + row.getAs("source")));
        }
        boolean byAccount = !kept.filter(col("account").isNotNull()).limit(1).isEmpty();

        Tables tables = new Tables(kept.select(col("account"), col(EVALUATION + ".*")));
        write(tables.scenarios(), out + "/scenarios", byAccount);
        write(tables.resources(), out + "/resources", byAccount);
        write(tables.controls(), out + "/controls", byAccount);
        write(tables.findings(), out + "/findings", byAccount);

        for (Row r : staged.filter(col("kind").equalTo(PROBLEM)).select(col(PROBLEM + ".*")).collectAsList()) {
            problems.add(new InputProblem(r.getString(0), r.getString(1), r.getString(2)));
        }
        List<Row> problemRows = problems.stream().map(AuditJob::problemRow).toList();
        write(spark.createDataFrame(problemRows, PROBLEM_SCHEMA).coalesce(1), out + "/problems", false);

        Rollup rollup = srm.rollup();
        for (byte[] piece : kept.select(col(EVALUATION)).mapPartitions(rollUp(pack), Encoders.BINARY()).collectAsList()) {
            rollup.merge(srm.rollup(piece));
        }
        StringWriter json = new StringWriter();
        rollup.writeJson(problems, json);
        FileSystem fs = FileSystem.get(URI.create(out), hadoop());
        try (Writer w = new OutputStreamWriter(fs.create(new org.apache.hadoop.fs.Path(out + "/summary.json"), true),
                StandardCharsets.UTF_8)) {
            w.write(json.toString());
        }
        staged.unpersist();

        AuditResult result = rollup.result(problems);
        ExitCode code = result.exitCode(options.failOn());
        JsonNode report = new ObjectMapper().readTree(json.toString());
        err.println(summaryLine(report, out));
        int shown = 0;
        for (JsonNode p : report.get("errors")) { // sorted as srm audit sorts them
            if (shown++ == 20) {
                err.println("srm-spark: ... and " + (problems.size() - 20) + " more in " + out + "/problems");
                break;
            }
            err.println("srm-spark: " + p.get("error").asText());
        }
        return code.code();
    }

    private Configuration hadoop() {
        return spark.sparkContext().hadoopConfiguration();
    }

    private static void write(Dataset<Row> table, String path, boolean byAccount) {
        var w = table.write().mode(SaveMode.Overwrite);
        if (byAccount) {
            w = w.partitionBy("account");
        }
        w.parquet(path);
    }

    private static Row problemRow(InputProblem p) {
        return RowFactory.create(p.file(), p.where(), p.message(), p.toString());
    }

    private static String summaryLine(JsonNode report, String out) {
        JsonNode p = report.get("portfolio");
        JsonNode t = p.get("totals");
        List<String> severities = new ArrayList<>();
        p.get("findings").get("bySeverity").fields()
                .forEachRemaining(e -> severities.add(e.getKey().toLowerCase(Locale.ROOT) + " " + e.getValue().asInt()));
        return "srm-spark audit: " + t.get("scenarios").asInt() + " scenarios, " + t.get("resources").asInt() + " resources, "
                + t.get("findings").asInt() + " findings (" + String.join(", ", severities) + "), " + t.get("failedInputs").asInt()
                + " inputs failed; tables (" + TABLES + ") and summary.json in " + out;
    }

    // ------------------------------------------------------------------ reading and evaluating

    /** Every input read by Spark and evaluated by the core: one {@link #OUTCOME} row per scenario or failed input. */
    /**
     * What findings are judged against, as it travels to the executors: the waivers file's
     * content (read once by the driver, through Spark, so any path Spark reads works) and the day.
     */
    record Judging(String name, byte[] content, java.time.LocalDate asOf) implements java.io.Serializable {
        dev.srm.api.Policy policy(Srm srm) {
            return srm.policy(name, content, asOf);
        }
    }

    private Judging judging(Options options) {
        if (options.waivers() == null) {
            return new Judging(null, null, options.asOf());
        }
        List<Row> file = spark.read().format("binaryFile").load(options.waivers()).select(col("content")).collectAsList();
        if (file.size() != 1) {
            throw SrmException.input(List.of(options.waivers() + ": " + (file.isEmpty() ? "no such file" : "names " + file.size()
                    + " files") + "; expected one waivers file (srm-waivers.yaml)"));
        }
        return new Judging(options.waivers(), file.get(0).getAs(0), options.asOf());
    }

    /**
     * Every input evaluated: JSON Lines line by line; whole files after their scenario ids were
     * settled as {@code srm audit} settles them ({@link IdSettling}), whose duplicates join
     * {@code problems}.
     */
    private Dataset<Row> evaluate(Options pack, Judging judging, List<InputProblem> problems) {
        String[] paths = options.inputs().toArray(String[]::new);
        if (options.format() == Options.InputKind.SCENARIO_JSONL) {
            Dataset<Row> lines = spark.read().option("lineSep", "\n").text(paths)
                    .select(col("_metadata.file_path").as("file"), col("_metadata.file_block_start").as("start"),
                            col("value").cast(DataTypes.BinaryType).as("line"));
            Broadcast<Map<String, Long>> starts = spark.sparkContext().broadcast(lineStarts(spark.read().option("lineSep", "\n")
                    .text(paths)), scala.reflect.ClassTag$.MODULE$.apply(Map.class));
            return lines.mapPartitions(jsonLines(pack, judging, starts), Encoders.row(OUTCOME));
        }
        Dataset<Row> files = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(paths)
                .select(col("path"), col("content"));
        // ids are settled as srm audit settles them: two files of one AWS Config account, two templates named alike
        ScenarioIds ids = IdSettling.settle(spark, files, pack, options.format().core());
        problems.addAll(ids.problems());
        return files.mapPartitions(wholeFiles(pack, judging, options.format().core(), ids), Encoders.row(OUTCOME));
    }

    /**
     * The number of lines before each split of each file. Spark splits a large file between
     * tasks; a line's number is the lines of the earlier splits plus its place in its own.
     */
    private static Map<String, Long> lineStarts(Dataset<Row> text) {
        Map<String, TreeMap<Long, Long>> counts = new HashMap<>();
        for (Row r : text.select(col("_metadata.file_path"), col("_metadata.file_block_start")).groupBy(col("file_path"),
                col("file_block_start")).count().collectAsList()) {
            counts.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getLong(1), r.getLong(2));
        }
        Map<String, Long> starts = new HashMap<>();
        counts.forEach((file, blocks) -> {
            long before = 0;
            for (Map.Entry<Long, Long> b : blocks.entrySet()) {
                starts.put(file + '\0' + b.getKey(), before);
                before += b.getValue();
            }
        });
        return starts;
    }

    private static MapPartitionsFunction<Row, Row> jsonLines(Options pack, Judging judging, Broadcast<Map<String, Long>> starts) {
        return rows -> {
            Srm srm = Packs.get(pack);
            dev.srm.api.Policy policy = judging.policy(srm);
            Map<String, Long> start = starts.value();
            return new FlatIterator(rows, new Function<>() {
                String split;
                long line;

                @Override
                public List<Row> apply(Row r) {
                    String file = r.getString(0);
                    String key = file + '\0' + r.getLong(1);
                    if (!key.equals(split)) {
                        split = key;
                        line = start.getOrDefault(key, 0L);
                    }
                    line++;
                    byte[] bytes = withoutCarriageReturn(r.getAs(2));
                    if (blank(bytes)) {
                        return List.of();
                    }
                    String name = displayName(file);
                    EvaluateResult result = line > Integer.MAX_VALUE
                            ? problem(new InputProblem(name + ":" + line, "", "line number beyond srm's limit of 2^31"))
                            : srm.evaluateLine(name, (int) line, bytes, false, policy);
                    return outcomes(name + ":" + line, result);
                }
            });
        };
    }

    private static MapPartitionsFunction<Row, Row> wholeFiles(Options pack, Judging judging, InputFormat format, ScenarioIds ids) {
        return rows -> {
            Srm srm = Packs.get(pack);
            dev.srm.api.Policy policy = judging.policy(srm);
            return new FlatIterator(rows, r -> {
                String name = displayName(r.getString(0));
                byte[] bytes = r.getAs(1);
                EvaluateResult result;
                try {
                    result = srm.evaluateInput(name, gunzipped(bytes), format, false, policy, ids);
                } catch (IOException e) {
                    result = problem(new InputProblem(name, "", "is not a readable gzip file: " + e.getMessage()));
                }
                return outcomes(name, result);
            });
        };
    }

    private static EvaluateResult problem(InputProblem p) {
        return new EvaluateResult(List.of(), List.of(p));
    }

    private static List<Row> outcomes(String source, EvaluateResult result) {
        List<Row> out = new ArrayList<>();
        for (Evaluation e : result.evaluations()) {
            out.add(RowFactory.create(EVALUATION, source, e.scenario().id(), account(e), RecordRows.row(e), null));
        }
        for (InputProblem p : result.problems()) {
            out.add(RowFactory.create(PROBLEM, source, null, null, null, problemRow(p)));
        }
        return out;
    }

    /**
     * The AWS account a scenario is about: the 12-digit account id its id starts with (how
     * per-account inventories name their scenarios), else the one account the ARNs of its
     * resources name, else none.
     */
    static String account(Evaluation e) {
        Matcher m = ACCOUNT_ID.matcher(e.scenario().id());
        if (m.matches()) {
            return m.group(1);
        }
        String found = null;
        for (ResourceResult r : e.resources()) {
            Matcher a = ARN_ACCOUNT.matcher(r.id());
            if (a.matches()) {
                if (found != null && !found.equals(a.group(1))) {
                    return null;
                }
                found = a.group(1);
            }
        }
        return found;
    }

    /** A local file as a plain path; anything else (s3://, hdfs://) as Spark names it. */
    static String displayName(String sparkPath) {
        if (sparkPath.startsWith("file:")) {
            return URI.create(sparkPath).getPath();
        }
        return sparkPath;
    }

    private static byte[] withoutCarriageReturn(byte[] b) {
        return b.length > 0 && b[b.length - 1] == '\r' ? Arrays.copyOf(b, b.length - 1) : b;
    }

    private static boolean blank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    static byte[] gunzipped(byte[] b) throws IOException {
        if (b.length < 2 || (b[0] & 0xff) != 0x1f || (b[1] & 0xff) != 0x8b) {
            return b;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        }
    }

    private static MapPartitionsFunction<Row, byte[]> rollUp(Options pack) {
        return rows -> {
            Rollup piece = Packs.get(pack).rollup();
            while (rows.hasNext()) {
                piece.add(RecordRows.record(rows.next().getStruct(0), Evaluation.class));
            }
            return List.of(piece.toBytes()).iterator();
        };
    }

    /** The rows each row of a partition turns into, one list after another, computed as they are read. */
    private static final class FlatIterator implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final Function<Row, List<Row>> each;
        private Iterator<Row> current = List.<Row>of().iterator();

        FlatIterator(Iterator<Row> rows, Function<Row, List<Row>> each) {
            this.rows = rows;
            this.each = each;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && rows.hasNext()) {
                current = each.apply(rows.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    // ------------------------------------------------------------------ tables

    /**
     * The tables, flattened from the staged evaluations: every component of the core's result
     * records becomes a column (so a field the core adds appears without a change here), with
     * the renames that keep names unique in a flat row.
     */
    static final class Tables {
        private final Dataset<Row> evaluations;

        Tables(Dataset<Row> evaluations) {
            this.evaluations = evaluations;
        }

        private static Column[] with(List<Column> head, List<Column> tail) {
            List<Column> all = new ArrayList<>(head);
            all.addAll(tail);
            return all.toArray(Column[]::new);
        }

        private static List<Column> fields(String struct, Class<?> record, Map<String, String> renames, Set<String> skip) {
            List<Column> out = new ArrayList<>();
            for (StructField f : RecordRows.schema(record).fields()) {
                if (!skip.contains(f.name())) {
                    out.add(col(struct + "." + f.name()).as(renames.getOrDefault(f.name(), f.name())));
                }
            }
            return out;
        }

        private Dataset<Row> base() {
            return evaluations.select(col("account"), col("scenario.id").as("scenario"), col("scenario.file").as("file"),
                    col("resources"), col("accountControls"), col("findings"));
        }

        private static final List<Column> KEYS = List.of(col("account"), col("scenario"), col("file"));

        /** One row per scenario: its id, title, file, warnings and integrations, and how many resources and findings. */
        Dataset<Row> scenarios() {
            List<Column> cols = new ArrayList<>(List.of(col("account"), col("scenario.id").as("scenario"),
                    col("scenario.title").as("title"), col("scenario.file").as("file"), size(col("resources")).as("resources"),
                    size(col("findings")).as("findings")));
            for (StructField f : RecordRows.schema(Evaluation.class).fields()) {
                if (!Set.of("scenario", "resources", "accountControls", "findings").contains(f.name())) {
                    cols.add(col(f.name()));
                }
            }
            return evaluations.select(cols.toArray(Column[]::new));
        }

        /** One row per resource and layer: what the resource is, and who owns the layer, by which rule and why. */
        Dataset<Row> resources() {
            Set<String> layerFields = Set.of(RecordRows.schema(LayerResult.class).fieldNames());
            Map<String, String> renames = new HashMap<>();
            renames.put("id", "resource");
            for (String f : RecordRows.schema(ResourceResult.class).fieldNames()) {
                if (layerFields.contains(f)) {
                    renames.put(f, "resource" + Character.toUpperCase(f.charAt(0)) + f.substring(1));
                }
            }
            List<Column> resource = new ArrayList<>();
            List<Column> carried = new ArrayList<>();
            for (String f : RecordRows.schema(ResourceResult.class).fieldNames()) {
                if (!f.equals("layers") && !f.equals("controls")) {
                    String name = renames.getOrDefault(f, f);
                    resource.add(col("r." + f).as(name));
                    carried.add(col(name));
                }
            }
            return base().select(with(KEYS, List.of(explode(col("resources")).as("r"))))
                    .select(with(KEYS, with2(resource, List.of(explode_outer(col("r.layers")).as("l")))))
                    .select(with(KEYS, with2(carried, fields("l", LayerResult.class, Map.of(), Set.of()))));
        }

        /** One row per control on a resource or on the account ({@code resource} is {@code account}). */
        Dataset<Row> controls() {
            List<Column> control = fields("c", ControlResult.class, Map.of("id", "control"), Set.of());
            Dataset<Row> onResources = base().select(with(KEYS, List.of(explode(col("resources")).as("r"))))
                    .select(with(KEYS, List.of(col("r.id").as("resource"), explode(col("r.controls")).as("c"))))
                    .select(with(KEYS, with2(List.of(col("resource")), control)));
            Dataset<Row> onAccount = base().select(with(KEYS, List.of(lit("account").as("resource"),
                            explode(col("accountControls")).as("c"))))
                    .select(with(KEYS, with2(List.of(col("resource")), control)));
            return onResources.unionByName(onAccount);
        }

        /** One row per finding: rule, severity, resource, layer, owner, remediation, Security Hub ids, source. */
        Dataset<Row> findings() {
            return base().select(with(KEYS, List.of(explode(col("findings")).as("f"))))
                    .select(with(KEYS, fields("f", FindingResult.class, Map.of("id", "finding"), Set.of())));
        }

        private static List<Column> with2(List<Column> a, List<Column> b) {
            List<Column> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
