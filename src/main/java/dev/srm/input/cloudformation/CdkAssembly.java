package dev.srm.input.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CDK cloud assembly ({@code cdk.out}): its {@code manifest.json} names every stack's template
 * ({@code aws:cloudformation:stack} artifacts) and nested assemblies ({@code
 * cdk:cloud-assembly}, one per stage). The stacks' templates are what srm evaluates; nested
 * stack templates are reached from their parents, and the assets, tree and metadata files are
 * not inputs. A stack with no resources (the assertion stacks of CDK's integration tests) is
 * left out, as {@code cdk deploy} skips it.
 */
public final class CdkAssembly {
    /** The manifest that makes a directory a cloud assembly. */
    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The stack templates of an assembly, and what is wrong with the stacks it names that are not there. */
    public record Stacks(List<Path> templates, List<String> missing) {
        public Stacks {
            templates = List.copyOf(templates);
            missing = List.copyOf(missing);
        }
    }

    private CdkAssembly() {
    }

    /** Whether a directory holds a cloud assembly's manifest (one with artifacts). */
    public static boolean isAssembly(Path dir) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            return JSON.readTree(manifest.toFile()).path("artifacts").isObject();
        } catch (IOException e) {
            return false;
        }
    }

    /** The stack templates of the assembly in {@code dir}, in the manifest's order, nested assemblies included. */
    public static Stacks stacks(Path dir) {
        List<Path> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        collect(dir, out, missing, new LinkedHashSet<>());
        return new Stacks(out, missing);
    }

    private static void collect(Path dir, List<Path> out, List<String> missing, Set<Path> seen) {
        if (!seen.add(dir.toAbsolutePath().normalize())) {
            return;
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(dir.resolve(MANIFEST).toFile());
        } catch (IOException e) {
            missing.add("cannot be read as a CDK manifest: " + firstLine(e.getMessage()));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path("artifacts").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> artifact = it.next();
            String type = artifact.getValue().path("type").asText();
            JsonNode props = artifact.getValue().path("properties");
            if ("aws:cloudformation:stack".equals(type)) {
                String file = props.path("templateFile").asText(null);
                if (file == null) {
                    continue;
                }
                Path template = dir.resolve(file).normalize();
                if (!Files.isRegularFile(template)) {
                    missing.add("stack " + artifact.getKey() + ": its template " + file
                            + " is not in the assembly; run cdk synth again");
                } else if (hasResources(template)) {
                    out.add(template);
                }
            } else if ("cdk:cloud-assembly".equals(type)) {
                String sub = props.path("directoryName").asText(null);
                if (sub != null && Files.isRegularFile(dir.resolve(sub).resolve(MANIFEST))) {
                    collect(dir.resolve(sub).normalize(), out, missing, seen);
                }
            }
        }
    }

    private static boolean hasResources(Path template) {
        try {
            JsonNode resources = JSON.readTree(template.toFile()).path("Resources");
            return resources.isObject() && !resources.isEmpty();
        } catch (IOException e) {
            return true; // the reader reports what is wrong with it
        }
    }

    /**
     * The local file a CDK asset manifest ({@code *.assets.json}) beside {@code template} gives for
     * an asset URL ending in its hash ({@code .../1b6e...93bf.json}), or null. This is how a
     * synthesized nested stack's TemplateURL leads to its {@code *.nested.template.json}.
     */
    static String assetPath(Path template, String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9a-f]{64})\\.json$").matcher(url);
        Path dir = template.toAbsolutePath().getParent();
        if (!m.find() || dir == null) {
            return null;
        }
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".assets.json")).sorted().toList()) {
                JsonNode source = JSON.readTree(f.toFile()).path("files").path(m.group(1)).path("source");
                if (source.path("path").isTextual() && "file".equals(source.path("packaging").asText("file"))) {
                    return source.path("path").asText();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
