package dev.srm.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.srm.model.GroupBy;
import dev.srm.model.InputFormat;
import dev.srm.input.config.ConfigReader;
import dev.srm.input.cloudformation.CloudFormationReader;
import dev.srm.input.cloudformation.TemplateParameters;
import dev.srm.input.scenario.ScenarioReader;
import dev.srm.input.terraform.TerraformReader;
import dev.srm.model.Scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every input reader srm has, and the one place that picks a reader for an input: the one the
 * user forced, or the first whose {@link InputReader#claims} says the content is its format;
 * srm's own scenario format is the fallback.
 */
public final class Inputs {
    private final ScenarioReader scenarios = new ScenarioReader();
    private final List<InputReader> readers;

    /** The readers of every format srm knows. */
    public Inputs() {
        this(TemplateParameters.NONE);
    }

    /** The readers of every format srm knows, templates reading their parameters from {@code parameters}. */
    public Inputs(TemplateParameters parameters) {
        this(List.of(new CloudFormationReader(parameters), new TerraformReader(), new ConfigReader(GroupBy.account)));
    }

    /** The scenario reader plus these readers, asked in order when the format is detected. */
    public Inputs(List<InputReader> others) {
        List<InputReader> all = new ArrayList<>(others);
        all.add(new ScenarioInput(scenarios));
        this.readers = List.copyOf(all);
    }

    /** srm's own scenario reader (for JSON Lines of scenarios and the schema). */
    public ScenarioReader scenarioReader() {
        return scenarios;
    }

    /** Reads a file in the given format ({@code auto}: detected by content). */
    public List<Scenario> read(Path file, InputFormat format) throws InputException {
        return readAll(file, format).stream().map(ReadScenario::scenario).toList();
    }

    /** Reads the content of a file the user named (read already): a template's nested stacks beside it are followed. */
    public List<Scenario> readFile(Path file, byte[] bytes, InputFormat format) throws InputException {
        try {
            return readerFor(file.toString(), bytes, format).readFile(file, bytes);
        } catch (RuntimeException e) {
            throw unexpected(file.toString(), e);
        }
    }

    /** Reads content held in memory; {@code name} is how messages name it. */
    public List<Scenario> read(String name, byte[] bytes, InputFormat format) throws InputException {
        return readWithWarnings(name, bytes, format).stream().map(ReadScenario::scenario).toList();
    }

    /** As {@link #read(String, byte[], InputFormat)}, each scenario with the reader's warnings about it. */
    public List<ReadScenario> readWithWarnings(String name, byte[] bytes, InputFormat format) throws InputException {
        try {
            byte[] content = Content.utf8(name, bytes);
            return readerFor(name, content, format).readWithWarnings(name, content);
        } catch (RuntimeException e) {
            throw unexpected(name, e);
        }
    }

    /**
     * The one problem of an input on which a reader failed in a way it did not foresee (a bug in
     * srm, not in the input): the input is reported in one line and a batch goes on with the next
     * one, instead of the whole run ending in an internal error. {@code SRM_DEBUG} prints the trace.
     */
    static InputException unexpected(String name, RuntimeException e) {
        if (System.getenv("SRM_DEBUG") != null) {
            e.printStackTrace();
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof java.io.UncheckedIOException) { // the machine's (a full disk), not srm's
            return InputFiles.problem(name, "", "cannot be read: " + message);
        }
        return InputFiles.problem(name, "", "srm failed to read this input (" + e.getClass().getSimpleName()
                + (message.isEmpty() ? "" : ": " + message) + "): a bug in srm, please report it with the input");
    }

    // ---------------------------------------------------------------- streams (Terraform and AWS Config)

    /** These readers, with inventories of many accounts grouped as {@code groupBy} says. */
    public Inputs groupedBy(GroupBy groupBy) {
        List<InputReader> others = new ArrayList<>();
        for (InputReader r : readers) {
            if (r instanceof ConfigReader c) {
                others.add(c.groupedBy(groupBy));
            } else if (!(r instanceof ScenarioInput)) {
                others.add(r);
            }
        }
        return new Inputs(others);
    }

    /**
     * Opens a file (gzipped or not) as a stream of scenarios with the readers' warnings: a reader
     * that streams reads it as the stream is consumed; the others read it whole.
     */
    public ScenarioStream open(Path file, InputFormat format) throws InputException {
        String name = file.toString();
        try {
            byte[] head = Content.head(file);
            InputReader reader = readerFor(name, head, format);
            if (reader instanceof StreamingInput s) {
                return guarded(name, s.open(file));
            }
            byte[] bytes = head.length < Content.HEAD && head.length == sizeOf(file) ? head : Content.bytes(file);
            reader = readerFor(name, bytes, format);
            return ScenarioStream.of(reader.readFile(file, bytes).stream().map(ReadScenario::of).toList());
        } catch (RuntimeException e) {
            throw unexpected(name, e);
        }
    }

    /** A stream whose unforeseen failures are the input's one problem, as {@link #unexpected} says. */
    private static ScenarioStream guarded(String name, ScenarioStream stream) {
        return new ScenarioStream() {
            @Override
            public ReadScenario next() throws InputException {
                try {
                    return stream.next();
                } catch (RuntimeException e) {
                    throw unexpected(name, e);
                }
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /** Every scenario of a file with the readers' warnings (read whole: for inputs that fit in memory). */
    public List<ReadScenario> readAll(Path file, InputFormat format) throws InputException {
        List<ReadScenario> out = new ArrayList<>();
        try (ScenarioStream s = open(file, format)) {
            for (ReadScenario r = s.next(); r != null; r = s.next()) {
                out.add(r);
            }
        }
        return out;
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The reader for the content: the forced format's, or the first that claims it. */
    public InputReader readerFor(String name, byte[] bytes, InputFormat format) throws InputException {
        for (InputReader r : readers) {
            if (format == InputFormat.auto && r instanceof ScenarioInput) {
                refuseTerraformConfiguration(name); // nothing else claimed it: not a plan or a state
                refuseOwnResults(name, bytes);
                refuseParametersFile(name, bytes);
                refuseOtherTemplateFile(name); // a *.template the CloudFormation reader did not claim
            }
            if (format == InputFormat.auto ? r.claims(name, bytes) : r.format() == format) {
                return r;
            }
        }
        if (format != InputFormat.auto) {
            throw InputFiles.problem(name, "", "srm cannot read the " + format + " format yet");
        }
        return readers.get(readers.size() - 1);
    }

    /** Terraform's own files, which no reader claims, named for what they are: srm reads plans, not configuration. */
    private static void refuseTerraformConfiguration(String name) throws InputException {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".tf") || lower.endsWith(".tf.json") || lower.endsWith(".tfvars") || lower.endsWith(".tfvars.json")
                || lower.endsWith(".hcl")) {
            throw InputFiles.problem(name, "", "Terraform configuration, not a plan: srm reads a plan's JSON (terraform plan"
                    + " -out=tfplan, then terraform show -json tfplan > plan.json)");
        }
    }

    /**
     * srm's own JSON results ({@code srm evaluate --format json}, an audit's {@code audit.json}) given back as an input:
     * named for what they are, not refused line by line as a scenario with unknown properties.
     */
    private static void refuseOwnResults(String name, byte[] head) throws InputException {
        boolean results;
        try (JsonParser p = new JsonFactory().createParser(head)) {
            results = ownResults(p);
        } catch (IOException e) {
            results = false; // not JSON, or what decides it lies beyond the head
        }
        if (results) {
            throw InputFiles.problem(name, "1:1", "srm's own results (srm evaluate --format json, or an audit's audit.json), not an"
                    + " input: srm reads scenarios, CloudFormation templates, Terraform plans and AWS Config items (srm crm reads"
                    + " results; --baseline takes an audit's baseline file)");
        }
    }

    /**
     * A CloudFormation parameters file (what {@code --parameters-file} takes) given or found as an input, as AWS's
     * repositories keep them beside their templates: named for what it is, not refused as a scenario that is a list.
     */
    private static void refuseParametersFile(String name, byte[] head) throws InputException {
        String shape = TemplateParameters.shapeOf(head);
        if (shape != null) {
            throw InputFiles.problem(name, "1:1", "a CloudFormation parameters file (" + shape + "), not an input: give it"
                    + " with --parameters-file " + name + " (its values then apply to every template of the run)");
        }
    }

    /**
     * A {@code *.template} file no reader claimed: the suffix is CloudFormation's (AWS Quick Starts), but this one is not a
     * template, so it is not read as a scenario (whose files are *.yaml, *.yml, *.json) and refused line by line.
     */
    private static void refuseOtherTemplateFile(String name) throws InputException {
        if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".template")) {
            throw InputFiles.problem(name, "", "a .template file that is not a CloudFormation template (neither AWSTemplateFormatVersion"
                    + " nor Resources with AWS:: types): srm reads CloudFormation templates, scenarios (*.yaml, *.yml, *.json),"
                    + " Terraform plans and AWS Config items");
        }
    }

    /**
     * Whether a JSON document, at its start, is srm's results: an object whose first field that tells is
     * {@code evaluations} (a list) or {@code scenario} (an object); other fields ({@code srmReport}) are passed over.
     */
    public static boolean ownResults(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("evaluations".equals(name)) {
                return value == JsonToken.START_ARRAY;
            }
            if ("scenario".equals(name)) {
                return value == JsonToken.START_OBJECT;
            }
            p.skipChildren();
        }
        return false;
    }

    /** srm's scenario format: claims everything, so it is asked last. */
    private record ScenarioInput(ScenarioReader reader) implements InputReader {
        @Override
        public InputFormat format() {
            return InputFormat.scenario;
        }

        @Override
        public boolean claims(String name, byte[] bytes) {
            return true;
        }

        @Override
        public List<Scenario> read(String name, byte[] bytes) throws InputException {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".jsonl") || lower.endsWith(".jsonl.gz")) {
                return jsonLines(name, bytes);
            }
            Format f = Format.ofName(name);
            return reader.readAll(name, bytes, f == null ? ScenarioReader.sniff(bytes) : f, 0);
        }

        /**
         * A file of JSON Lines, one scenario per line (what {@code srm audit -} reads from standard
         * input): blank lines are skipped; a problem on a line names it ({@code file:7:12}) and stops
         * the file, as a problem in one document of a YAML stream does.
         */
        private List<Scenario> jsonLines(String name, byte[] bytes) throws InputException {
            List<Scenario> out = new ArrayList<>();
            int start = 0;
            for (int line = 0; start < bytes.length; line++) {
                int end = start;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                byte[] one = java.util.Arrays.copyOfRange(bytes, start, end);
                if (!InputFiles.isBlank(one)) {
                    out.addAll(reader.readAll(name, one, Format.JSON, line));
                }
                start = end + 1;
            }
            if (out.isEmpty()) {
                throw InputFiles.problem(name, "", "the file is empty; expected JSON Lines, one scenario per line");
            }
            return out;
        }
    }
}
