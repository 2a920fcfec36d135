package dev.srm.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.srm.facts.Inventory;
import dev.srm.facts.Setting;
import dev.srm.input.InputException;
import dev.srm.input.Inputs;
import dev.srm.input.ReadScenario;
import dev.srm.input.ScenarioStream;
import dev.srm.model.InputFormat;
import dev.srm.model.InputProblem;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");
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
        Map<String, String> ids = new HashMap<>();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        for (Path file : expansion.files()) {
            try (ScenarioStream stream = inputs.open(file, format)) {
                for (ReadScenario read = stream.next(); read != null; read = stream.next()) {
                    Scenario s = read.scenario();
                    String other = ids.putIfAbsent(s.id(), s.file());
                    if (other != null) {
                        problems.add(new InputProblem(s.file(), "/id", "duplicate scenario id '" + s.id() + "' (also used by " + other
                                + "); scenario ids must be unique within a batch"));
                        continue;
                    }
                    warnings.addAll(read.warnings());
                    written.add(write(outDir, read));
                }
            } catch (InputException e) {
                problems.add(e.problem());
            }
        }
        return new Result(written, warnings, problems);
    }

    private Path write(Path outDir, ReadScenario read) {
        Scenario s = read.scenario();
        ObjectNode root = NODES.objectNode();
        root.put("srm", 1).put("id", s.id()).put("title", s.title());
        if (s.description() != null) {
            root.put("description", s.description());
        }
        root.put("inventory", s.inventory() == Inventory.COMPLETE ? "complete" : "partial");
        ObjectNode account = tree(s.account());
        if (!account.isEmpty()) {
            root.set("account", account);
        }
        ArrayNode resources = root.putArray("resources");
        for (ResourceSpec r : s.resources()) {
            ObjectNode o = resources.addObject().put("id", r.id());
            if (r.type() != null) {
                o.put("type", r.type());
            }
            if (r.service() != null) {
                o.put("service", r.service());
            }
            if (!r.tags().isEmpty()) {
                ObjectNode tags = o.putObject("tags");
                r.tags().forEach(tags::put);
            }
            ObjectNode configuration = tree(r.settings());
            if (!configuration.isEmpty()) {
                o.set("configuration", configuration);
            }
        }
        StringBuilder text = new StringBuilder("# Written by srm import from ").append(s.file())
                .append(": edit and keep it, evaluate it (srm evaluate), or add an expect block and test it (srm test).\n");
        for (String w : read.warnings()) {
            text.append("# warning: ").append(w.replace('\n', ' ')).append('\n');
        }
        Path target = outDir.resolve(s.id() + ".yaml");
        try {
            text.append(yaml.writeValueAsString(root));
            Path tmp = Files.createTempFile(outDir, s.id(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** The configuration the settings were flattened from (settings addressed by a key selector are the same leaves again). */
    static ObjectNode tree(List<Setting> settings) {
        ObjectNode root = NODES.objectNode();
        for (Setting s : settings) {
            if (s.path().matches(".*\\[[^\\]0-9][^\\]]*].*")) {
                continue;
            }
            List<Object> steps = new ArrayList<>();
            for (String part : s.path().split("\\.(?![^\\[]*])")) {
                Matcher m = SEGMENT.matcher(part);
                if (!m.matches()) {
                    steps.clear();
                    break;
                }
                steps.add(m.group(1));
                Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(m.group(2));
                while (idx.find()) {
                    steps.add(Integer.valueOf(idx.group(1)));
                }
            }
            if (!steps.isEmpty()) {
                put(root, steps, leaf(s.value()));
            }
        }
        return root;
    }

    private static void put(JsonNode root, List<Object> steps, JsonNode value) {
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            JsonNode child;
            if (step instanceof String name && node instanceof ObjectNode o) {
                child = o.get(name);
                if (last) {
                    if (child == null || !child.isContainerNode()) {
                        o.set(name, value);
                    }
                    return;
                }
                if (child == null || !child.isContainerNode()) {
                    child = steps.get(i + 1) instanceof Integer ? o.putArray(name) : o.putObject(name);
                }
            } else if (step instanceof Integer index && node instanceof ArrayNode a) {
                while (a.size() <= index) {
                    a.addNull();
                }
                child = a.get(index);
                if (last) {
                    if (!child.isContainerNode()) {
                        a.set(index, value);
                    }
                    return;
                }
                if (!child.isContainerNode()) {
                    child = steps.get(i + 1) instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                    a.set(index, child);
                }
            } else {
                return;
            }
            node = child;
        }
    }

    /** A value as it was written: booleans and numbers back to their JSON type when their text is theirs exactly. */
    private static JsonNode leaf(String value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value.equals("{}")) {
            return NODES.objectNode();
        }
        if (value.equals("[]")) {
            return NODES.arrayNode();
        }
        if (value.equals("true") || value.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (value.matches("-?(0|[1-9]\\d{0,17})(\\.\\d+)?")) {
            BigDecimal n = new BigDecimal(value);
            // a number only when reading it back gives the same text: "7.10" (an engine version) would come back as 7.1
            if (n.toString().equals(value) && (value.indexOf('.') < 0 || Double.toString(Double.parseDouble(value)).equals(value))) {
                return NODES.numberNode(n);
            }
        }
        return NODES.textNode(value);
    }
}
