package dev.srm.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.srm.facts.Inventory;
import dev.srm.input.InputException;
import dev.srm.input.Inputs;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;
import dev.srm.input.Settings;
import dev.srm.input.scenario.ScenarioDocument;
import dev.srm.model.InputFormat;
import dev.srm.model.InputProblem;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the scenarios srm derives from its inputs as scenario files ({@code <id>.yaml}), one
 * at a time as the inputs are streamed: the configuration is rebuilt from the settings, with
 * the reader's warnings as comments at the top. The files read back as the same scenarios.
 */
public final class ImportRun {
    /** The files written, the readers' warnings and the inputs that could not be read. */
    public record Result(List<Path> written, List<String> warnings, List<InputProblem> problems) {
        public Result {
            written = List.copyOf(written);
            warnings = List.copyOf(warnings);
            problems = List.copyOf(problems);
        }
    }

    private final Inputs inputs;
    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    public ImportRun(Inputs inputs) {
        this.inputs = inputs;
    }

    public Result run(List<Path> paths, InputFormat format, Path outDir) {
        ScenarioFiles.Expansion expansion = ScenarioFiles.expand(paths);
        List<InputProblem> problems = new ArrayList<>(expansion.problems());
        List<String> warnings = new ArrayList<>();
        List<Path> written = new ArrayList<>();
        BatchIds ids = new BatchIds();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        for (Path file : expansion.files()) {
            try (ScenarioStream stream = inputs.open(file, format)) {
                for (ReadScenario read = stream.next(); read != null; read = stream.next()) {
                    ReadScenario claimed = ids.admit(read, problems);
                    if (claimed == null) {
                        continue;
                    }
                    warnings.addAll(claimed.warnings());
                    written.add(write(outDir, claimed));
                }
            } catch (InputException e) {
                problems.add(e.problem());
            }
        }
        return new Result(written, warnings, problems);
    }

    private Path write(Path outDir, ReadScenario read) {
        Scenario s = read.scenario();
        List<String> notWritten = new ArrayList<>();
        List<ScenarioDocument.Resource> resources = new ArrayList<>();
        for (ResourceSpec r : s.resources()) {
            resources.add(new ScenarioDocument.Resource(r.id(), r.type(), r.service(), r.tags(),
                    Settings.tree(r.settings(), lost -> notWritten.add("resource '" + r.id() + "': " + lost.path())),
                    List.copyOf(r.stated())));
        }
        // the scenario format types the account's keys: a value the input could not determine (one of several password
        // policies' lengths) is said, not written
        List<String> undetermined = new ArrayList<>();
        List<dev.srm.facts.Setting> account = new ArrayList<>();
        s.account().forEach(a -> {
            if (a.isUnknown()) {
                undetermined.add("account: " + a.path() + " is " + a.value());
            } else {
                account.add(a);
            }
        });
        ScenarioDocument document = new ScenarioDocument(ScenarioDocument.VERSION, s.id(), s.title(), s.description(),
                // as the input was read: a template is complete for its own resources (not the account), and the file says so
                s.inventory() == Inventory.COMPLETE ? "complete" : s.inventory() == Inventory.RESOURCES ? "resources" : "partial",
                Settings.tree(account, lost -> notWritten.add("account: " + lost.path())), resources);
        StringBuilder text = new StringBuilder("# Written by srm import from ").append(oneLine(s.file()))
                .append(": edit and keep it, evaluate it (srm evaluate), or add an expect block and test it (srm test).\n");
        for (String w : read.warnings()) {
            text.append("# warning: ").append(oneLine(w)).append('\n');
        }
        for (String lost : undetermined) {
            text.append("# warning: ").append(oneLine(lost)).append(": the scenario format takes a known value there; not written\n");
        }
        for (String lost : notWritten) {
            text.append("# warning: ").append(oneLine(lost))
                    .append(": a key that is not a property path of this configuration (it clashes with another, or names a list index far past its end); not written\n");
        }
        Path target = outDir.resolve(s.id() + ".yaml");
        try {
            text.append(yaml.writeValueAsString(document));
            Path tmp = Files.createTempFile(outDir, s.id(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Text for a YAML comment: every character YAML reads as a line break becomes a space, so no input text ends the comment. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ");
    }
}
