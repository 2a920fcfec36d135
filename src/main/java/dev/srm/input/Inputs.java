package dev.srm.input;

import dev.srm.model.InputFormat;
import dev.srm.input.cloudformation.CloudFormationReader;
import dev.srm.input.cloudformation.TemplateParameters;
import dev.srm.input.scenario.ScenarioReader;
import dev.srm.model.Scenario;

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
        this(List.of(new CloudFormationReader(parameters)));
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
        return read(file.toString(), InputFiles.bytes(file), format);
    }

    /** Reads content held in memory; {@code name} is how messages name it. */
    public List<Scenario> read(String name, byte[] bytes, InputFormat format) throws InputException {
        return readerFor(name, bytes, format).read(name, bytes);
    }

    /** The reader for the content: the forced format's, or the first that claims it. */
    public InputReader readerFor(String name, byte[] bytes, InputFormat format) throws InputException {
        for (InputReader r : readers) {
            if (format == InputFormat.auto ? r.claims(name, bytes) : r.format() == format) {
                return r;
            }
        }
        if (format != InputFormat.auto) {
            throw InputFiles.problem(name, "", "srm cannot read the " + format + " format yet");
        }
        return readers.get(readers.size() - 1);
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
            Format f = Format.ofName(name);
            return List.of(reader.read(name, bytes, f == null ? ScenarioReader.sniff(bytes) : f, 0));
        }
    }
}
