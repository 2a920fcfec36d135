package dev.srm.run;

import dev.srm.model.InputProblem;
import dev.srm.input.Format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user names into scenario files: directories recursively, in sorted order. */
public final class ScenarioFiles {
    /** The files found and the paths that gave none. */
    public record Expansion(List<Path> files, List<InputProblem> problems) {
        public Expansion {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private ScenarioFiles() {
    }

    public static Expansion expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                problems.add(new InputProblem(p.toString(), "", "no such file or directory"));
            } else if (Files.isDirectory(p)) {
                List<Path> found = walk(p);
                if (found.isEmpty()) {
                    problems.add(new InputProblem(p.toString(), "", "no scenario files (*.yaml, *.yml, *.json) in this directory"));
                }
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return new Expansion(files, problems);
    }

    /**
     * Whether a directory walk picks up a file: scenarios ({@code *.yaml}, {@code *.yml},
     * {@code *.json}), and the inputs that come gzipped or line by line: {@code *.json.gz},
     * {@code *.jsonl} (AWS Config snapshots and query output), {@code *.tfstate} (Terraform).
     */
    static boolean isInputName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return Format.isScenarioName(n) || n.endsWith(".json.gz") || n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")
                || n.endsWith(".tfstate");
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> isInputName(f.getFileName().toString()))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(f -> dir.relativize(f).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
