package dev.srm.spark;

import dev.srm.api.ExitCode;
import dev.srm.api.SrmException;
import org.apache.spark.sql.SparkSession;

import java.util.Arrays;
import java.util.List;

/**
 * The job's entry point:
 * {@code spark-submit --class dev.srm.spark.Main srm-spark.jar audit --input PATH... --output DIR ...}.
 * Exits with srm's codes: 0 clean, 1 internal error, 2 usage, 3 an input or the rules could not
 * be read, 4 a finding at or above {@code --fail-on}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command in this JVM's Spark session (created when there is none) and returns the exit code. */
    public static int run(String... args) {
        List<String> all = Arrays.asList(args);
        if (all.isEmpty() || !all.get(0).equals("audit")) {
            if (!all.isEmpty() && (all.get(0).equals("--help") || all.get(0).equals("-h"))) {
                System.out.println(Options.USAGE);
                return ExitCode.OK.code();
            }
            System.err.println("srm-spark: " + (all.isEmpty() ? "missing command" : "unknown command '" + all.get(0) + "'")
                    + " (the command is audit)");
            System.err.println(Options.USAGE);
            return ExitCode.USAGE.code();
        }
        Options options;
        try {
            options = Options.parse(all.subList(1, all.size()));
        } catch (Options.UsageException e) {
            System.err.println("srm-spark: " + e.getMessage());
            System.err.println(Options.USAGE);
            return ExitCode.USAGE.code();
        }
        try {
            SparkSession spark = SparkSession.builder().appName("srm audit").getOrCreate();
            // Evaluation costs far more than reading: smaller splits spread a large JSON Lines file
            // over more tasks (a setting given to spark-submit wins).
            if (!spark.conf().contains("spark.sql.files.maxPartitionBytes")) {
                spark.conf().set("spark.sql.files.maxPartitionBytes", "16m");
            }
            return new AuditJob(spark, options, System.err).run();
        } catch (SrmException e) {
            e.problems().forEach(p -> System.err.println("srm-spark: " + p));
            return e.exitCode().code();
        } catch (Exception e) {
            System.err.println("srm-spark: internal error: " + e);
            if (System.getenv("SRM_DEBUG") != null) {
                e.printStackTrace();
            }
            return ExitCode.INTERNAL.code();
        }
    }
}
