package dev.srm.spark;

import dev.srm.api.ScenarioIds;
import dev.srm.api.Srm;
import dev.srm.model.InputFormat;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/**
 * The scenario ids of whole-file inputs, settled before anything is evaluated, as {@code srm
 * audit}'s first pass settles them: a later template whose id was made from its path
 * ({@code orders/infra/template.yaml} beside {@code billing/infra/template.yaml}) is evaluated
 * under a qualified id instead of being dropped as a duplicate, and its findings, fingerprints and
 * waivers follow that id.
 *
 * <p>Each task reads its files' scenario ids (one row per scenario: the input, the index, the id,
 * whether it was made from the file's name). Only the ids held more than once reach the driver;
 * the driver then fetches the inputs that hold them, or hold an id one of them may be qualified
 * to, until no new id comes in, and settles those inputs in audit's order. Every other input
 * keeps its ids. In a batch without clashes that is one aggregation and nothing else.
 */
final class IdSettling {
    static final StructType IDS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("source", DataTypes.StringType, false),
            DataTypes.createStructField("index", DataTypes.IntegerType, false),
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("fromName", DataTypes.BooleanType, false)));

    private IdSettling() {
    }

    /** The settlement of the ids of {@code files} (rows of {@code path, content}), read as {@code format}. */
    static ScenarioIds settle(SparkSession spark, Dataset<Row> files, Options pack, InputFormat format) {
        Dataset<Row> ids = files.mapPartitions(readIds(pack, format), Encoders.row(IDS)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Set<String> wanted = new HashSet<>();
            ids.groupBy(col("id")).agg(count(lit(1)).as("n")).filter(col("n").gt(1)).select(col("id")).collectAsList()
                    .forEach(r -> wanted.add(r.getString(0)));
            if (wanted.isEmpty()) {
                return ScenarioIds.NONE;
            }
            Map<String, ScenarioIds.Input> inputs = new TreeMap<>();
            while (true) {
                Dataset<Row> wantedIds = spark.createDataset(new ArrayList<>(wanted), Encoders.STRING()).toDF("id");
                Dataset<Row> holders = ids.join(broadcast(wantedIds), "id").select(col("source")).distinct();
                inputs = inputs(ids.join(broadcast(holders), "source").collectAsList());
                Set<String> more = new HashSet<>(wanted);
                for (ScenarioIds.Input input : inputs.values()) {
                    for (int i = 0; i < input.ids().size(); i++) {
                        String id = input.ids().get(i);
                        more.add(id);
                        if (input.fromName().contains(i) && wanted.contains(id)) {
                            more.addAll(ScenarioIds.qualifications(id, input.source()));
                        }
                    }
                }
                if (more.size() == wanted.size()) {
                    return ScenarioIds.settle(inputs.values());
                }
                wanted.addAll(more);
            }
        } finally {
            ids.unpersist();
        }
    }

    /** The inputs of the rows ({@code source, index, id, fromName} in any order), each with its ids in its order. */
    private static Map<String, ScenarioIds.Input> inputs(List<Row> rows) {
        Map<String, TreeMap<Integer, Row>> bySource = new TreeMap<>();
        for (Row r : rows) {
            bySource.computeIfAbsent(r.getAs("source"), k -> new TreeMap<>()).put(r.getAs("index"), r);
        }
        Map<String, ScenarioIds.Input> out = new TreeMap<>();
        bySource.forEach((source, byIndex) -> {
            List<String> list = new ArrayList<>();
            Set<Integer> fromName = new HashSet<>();
            byIndex.forEach((i, r) -> {
                if (r.<Boolean>getAs("fromName")) {
                    fromName.add(list.size());
                }
                list.add(r.getAs("id"));
            });
            out.put(source, new ScenarioIds.Input(source, list, fromName));
        });
        return out;
    }

    private static MapPartitionsFunction<Row, Row> readIds(Options pack, InputFormat format) {
        return rows -> {
            Srm srm = Packs.get(pack);
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                String name = AuditJob.displayName(r.getString(0));
                byte[] bytes;
                try {
                    bytes = AuditJob.gunzipped(r.getAs(1));
                } catch (java.io.IOException e) {
                    continue; // evaluating it reports why
                }
                ScenarioIds.Input input = srm.scenarioIds(name, bytes, format);
                if (input == null) {
                    continue;
                }
                for (int i = 0; i < input.ids().size(); i++) {
                    out.add(RowFactory.create(name, i, input.ids().get(i), input.fromName().contains(i)));
                }
            }
            return out.iterator();
        };
    }
}
