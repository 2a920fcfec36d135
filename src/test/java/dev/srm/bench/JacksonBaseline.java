package dev.srm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline srm's speed is judged against: a plain JVM that reads scenarios with Jackson
 * (parse and bind to a tree) and does nothing else. {@code JacksonBaseline FILE} reads one
 * YAML or JSON file; {@code JacksonBaseline --jsonl FILE} reads every line of a JSON Lines file.
 */
public final class JacksonBaseline {
    private JacksonBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "--jsonl".equals(args[0])) {
            ObjectMapper json = new ObjectMapper();
            long lines = 0;
            long resources = 0;
            long start = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        JsonNode n = json.readTree(line);
                        resources += n.path("resources").size();
                        lines++;
                    }
                }
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("jackson: %d scenarios, %d resources in %.2f s: %.0f scenarios/s, %.0f resources/s%n",
                    lines, resources, s, lines / s, resources / s);
            return;
        }
        Path file = Path.of(args[0]);
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode n = mapper.readTree(file.toFile());
        System.out.println(n.path("id").asText());
    }
}
