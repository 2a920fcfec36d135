package dev.srm.spark;

import dev.srm.api.SrmOptions;
import dev.srm.facts.Severity;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code audit} was asked: the inputs and their format, where the tables go, the rule pack
 * and the exit threshold. Serializable: the executors receive it with their tasks and load the
 * pack it names (paths of a rules directory must exist on every node, see docs/spark.md).
 *
 * @param failOn  null for {@code none}
 * @param asOf    the day waivers are judged on: the one given, else the driver's today (decided once, so every executor uses the same day)
 * @param waivers a waivers file (any path Spark reads), or null
 */
record Options(List<String> inputs, String output, InputKind format, String rules, List<String> extraRules, Severity failOn,
               LocalDate asOf, String waivers) implements Serializable {
    static final String USAGE = """
            usage: srm-spark audit --input PATH... --output DIR
                                   [--input-format scenario-jsonl|cloudformation|config|terraform]
                                   [--rules DIR] [--extra-rules DIR]... [--fail-on SEVERITY] [--as-of DATE] [--waivers FILE]""";

    /** The input formats, by the names {@code --input-format} takes. */
    enum InputKind {
        SCENARIO_JSONL("scenario-jsonl"), CLOUDFORMATION("cloudformation"), CONFIG("config"), TERRAFORM("terraform");

        final String flag;

        InputKind(String flag) {
            this.flag = flag;
        }

        static InputKind of(String text) {
            for (InputKind k : values()) {
                if (k.flag.equals(text)) {
                    return k;
                }
            }
            throw new UsageException("--input-format: unknown format '" + text
                    + "' (expected scenario-jsonl, cloudformation, config or terraform)");
        }

        /** The core's name of a whole-file format. */
        dev.srm.model.InputFormat core() {
            return switch (this) {
                case SCENARIO_JSONL -> dev.srm.model.InputFormat.scenario;
                case CLOUDFORMATION -> dev.srm.model.InputFormat.cloudformation;
                case CONFIG -> dev.srm.model.InputFormat.config;
                case TERRAFORM -> dev.srm.model.InputFormat.terraform;
            };
        }
    }

    /** A bad command line: exit 2 with the message and the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    Options {
        inputs = List.copyOf(inputs);
        extraRules = List.copyOf(extraRules);
    }

    /** The core's options for the pack; executors build their {@link dev.srm.api.Srm} from them. */
    SrmOptions srmOptions() {
        SrmOptions o = rules == null ? SrmOptions.bundled() : SrmOptions.bundled().withRules(Path.of(rules));
        for (String extra : extraRules) {
            o = o.withExtraRules(Path.of(extra));
        }
        return o;
    }

    /** Parses the arguments after {@code audit}. */
    static Options parse(List<String> args) {
        List<String> inputs = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        String output = null;
        String rules = null;
        InputKind format = InputKind.SCENARIO_JSONL;
        Severity failOn = Severity.HIGH;
        LocalDate asOf = null;
        String waivers = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--input" -> {
                    int before = inputs.size();
                    while (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                        inputs.add(args.get(++i));
                    }
                    if (inputs.size() == before) {
                        throw new UsageException("--input: give at least one path");
                    }
                }
                case "--output" -> output = value(args, ++i, a);
                case "--input-format" -> format = InputKind.of(value(args, ++i, a));
                case "--rules" -> rules = value(args, ++i, a);
                case "--extra-rules" -> extra.add(value(args, ++i, a));
                case "--fail-on" -> failOn = severity(value(args, ++i, a));
                case "--as-of" -> asOf = date(value(args, ++i, a));
                case "--waivers" -> waivers = value(args, ++i, a);
                default -> throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException("--input is required");
        }
        if (output == null) {
            throw new UsageException("--output is required");
        }
        return new Options(inputs, output, format, rules, extra, failOn, asOf == null ? LocalDate.now() : asOf, waivers);
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new UsageException(flag + ": missing value");
        }
        String v = args.get(i);
        if (v.isBlank()) {
            throw new UsageException(flag + ": empty value");
        }
        return v;
    }

    private static Severity severity(String text) {
        if ("none".equals(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        for (Severity s : Severity.values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new UsageException("--fail-on: '" + text + "' is not a severity (expected critical, high, medium, low, info or none)");
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--as-of: '" + text + "' is not a date (expected yyyy-mm-dd)");
        }
    }
}
