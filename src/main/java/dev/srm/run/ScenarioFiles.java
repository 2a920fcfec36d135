package dev.srm.run;

import dev.srm.model.InputProblem;
import dev.srm.input.Format;
import dev.srm.input.cloudformation.CdkAssembly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands the paths a user names into input files: directories recursively, in sorted order. A
 * CDK cloud assembly ({@code cdk.out}, a directory with a {@code manifest.json}) gives the stack
 * templates its manifest names, not its other JSON files. A waivers file ({@code srm-waivers.yaml})
 * in a directory is not an input. A walk does not go into hidden directories ({@code .git},
 * {@code .terraform}, {@code .aws-sam}: tools' caches and built copies) or {@code node_modules}
 * (packages' own files); naming one reads it. Symbolic links to directories are followed, the
 * one named and those inside it; a link that loops back to a directory above it is reported once
 * and not followed, and a file reached through two paths is read once.
 */
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
            } else if (Files.isDirectory(p) || isManifest(p)) {
                Path dir = Files.isDirectory(p) ? p : p.getParent() == null ? Path.of(".") : p.getParent();
                List<Path> found = walk(dir, problems);
                if (found.isEmpty()) {
                    problems.add(new InputProblem(p.toString(), "", "no scenario files (*.yaml, *.yml, *.json, *.template) in this directory"
                            + (hasTerraformConfiguration(dir) ? "; its *.tf files are Terraform configuration: " + TERRAFORM_HINT : "")));
                }
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return new Expansion(files, problems);
    }

    /**
     * Whether a directory walk picks up a file: scenarios and templates ({@code *.yaml}, {@code *.yml},
     * {@code *.json}, and {@code *.template}: the suffix of AWS Quick Starts' CloudFormation templates,
     * told by content like the rest), and the inputs that come gzipped or line by line: {@code *.json.gz},
     * {@code *.jsonl} (AWS Config snapshots and query output), {@code *.tfstate} (Terraform).
     */
    static boolean isInputName(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return Format.isScenarioName(n) || n.endsWith(".template") || n.endsWith(".json.gz") || n.endsWith(".jsonl")
                || n.endsWith(".jsonl.gz") || n.endsWith(".tfstate");
    }

    /** What to give srm instead of Terraform configuration (HCL). */
    public static final String TERRAFORM_HINT = "srm reads a plan's JSON: terraform plan -out=tfplan,"
            + " then terraform show -json tfplan > plan.json";

    /** Whether a walk skips this directory (not the one the user named): hidden ones and {@code node_modules}. */
    static boolean skipped(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return name.startsWith(".") && !name.equals(".") && !name.equals("..") || name.equals("node_modules");
    }

    private static boolean hasTerraformConfiguration(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".tf"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every path under {@code dir}, the skipped directories' subtrees left out, through links to
     * directories; a link back to a directory above it (a loop) is one problem, not followed.
     */
    private static List<Path> paths(Path dir, List<InputProblem> problems) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> loops = new ArrayList<>();
        Files.walkFileTree(dir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                if (!d.equals(dir) && skipped(d)) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                out.add(d);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                out.add(f);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                if (f.equals(dir)) {
                    throw e;
                }
                if (e instanceof java.nio.file.FileSystemLoopException) {
                    loops.add(f);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                problems.add(new InputProblem(f.toString(), "", "cannot be read (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"));
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        loops.stream().sorted(Comparator.comparing(f -> dir.relativize(f).toString().replace('\\', '/')))
                .forEach(f -> problems.add(new InputProblem(f.toString(), "", "a symbolic link that loops back to " + loopTarget(f, dir)
                        + ", a directory that contains it; not followed (its files are read from there)")));
        return out;
    }

    /** The directory above {@code link} (in the walk of {@code dir}) that the link leads back to. */
    private static Path loopTarget(Path link, Path dir) {
        for (Path p = link.getParent(); p != null && p.startsWith(dir); p = p.getParent()) {
            try {
                if (Files.isSameFile(p, link)) {
                    return p;
                }
            } catch (IOException e) {
                break;
            }
        }
        return dir;
    }

    /** The file a path leads to, links resolved: what makes two paths one input. */
    private static Path real(Path f) {
        try {
            return f.toRealPath();
        } catch (IOException e) {
            return f.toAbsolutePath().normalize();
        }
    }

    private static boolean isManifest(Path p) {
        return p.getFileName() != null && CdkAssembly.MANIFEST.equals(p.getFileName().toString())
                && CdkAssembly.isAssembly(p.toAbsolutePath().getParent());
    }

    private static List<Path> walk(Path dir, List<InputProblem> problems) {
        try {
            List<Path> files = new ArrayList<>();
            List<Path> assemblies = new ArrayList<>();
            List<Path> unreadable = new ArrayList<>(); // reported in path order, whatever order the walk gives
            paths(dir, problems).forEach(f -> {
                if (Files.isDirectory(f) && CdkAssembly.isAssembly(f)) {
                    assemblies.add(f);
                } else if (Files.isRegularFile(f) && isInputName(f.getFileName().toString())
                        && !f.getFileName().toString().startsWith(".")
                        && !dev.srm.policy.WaiverFile.DEFAULT_NAME.equals(f.getFileName().toString())) { // waivers, not a scenario
                    files.add(f);
                } else if (!Files.isRegularFile(f) && !Files.isDirectory(f) && isInputName(f.getFileName().toString())
                        && !f.getFileName().toString().startsWith(".")) { // named as an input, but nothing srm can read whole
                    unreadable.add(f);
                }
            });
            unreadable.stream().sorted(Comparator.comparing(f -> dir.relativize(f).toString().replace('\\', '/')))
                    .forEach(f -> problems.add(new InputProblem(f.toString(), "", "not a regular file (a broken link, a pipe or a device);"
                            + " expected a scenario, template, plan or inventory file")));
            files.removeIf(f -> assemblies.stream().anyMatch(f::startsWith));
            for (Path a : assemblies) {
                if (assemblies.stream().anyMatch(other -> other != a && a.startsWith(other))) {
                    continue; // a stage's assembly, reached from its parent's manifest
                }
                CdkAssembly.Stacks stacks = CdkAssembly.stacks(a);
                files.addAll(stacks.templates());
                stacks.missing().forEach(m -> problems.add(new InputProblem(a.resolve(CdkAssembly.MANIFEST).toString(), "", m)));
            }
            // a file reached through two paths (a link to a directory of the tree, a link to a file) is one input, read
            // from the path with no link below the directory named, else the shortest
            Path root = real(dir);
            java.util.Map<Path, Path> reals = new java.util.HashMap<>();
            files.forEach(f -> reals.computeIfAbsent(f, ScenarioFiles::real));
            Comparator<Path> preferred = Comparator.<Path, Boolean>comparing(f -> !reals.get(f).equals(root.resolve(dir.relativize(f))))
                    .thenComparingInt(Path::getNameCount).thenComparing(f -> dir.relativize(f).toString().replace('\\', '/'));
            java.util.Map<Path, Path> once = new java.util.HashMap<>();
            reals.keySet().stream().sorted(preferred).forEach(f -> once.putIfAbsent(reals.get(f), f));
            return once.values().stream()
                    .sorted(Comparator.comparing(f -> dir.relativize(f).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
