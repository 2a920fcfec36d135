package dev.srm.rules;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a rule pack: the bundled one (from the jar) or directories on disk, in a
 * stable order. A rules directory is trusted code: DRL can call any Java on the class path.
 */
public final class RuleSources {
    /** Where the build puts the top-level {@code rules/} folder inside the jar. */
    public static final String BUNDLED_ROOT = "srm/rules";

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    private final List<RuleFile> files;
    /** How many of the files are the first pack's; the rest were added on top with {@link #plus}. */
    private final int baseSize;
    /**
     * Each data file parsed once for every loader that reads it (catalogues, duty and tagging
     * tables, lifecycles): shared with the sources derived from these ({@link #plus},
     * {@link #withGenerated}, {@link #base}, {@link #additions}), since a tree depends on the file alone.
     */
    private final Map<RuleFile, Object> trees;

    private RuleSources(List<RuleFile> files) {
        this(files, files.size(), new java.util.concurrent.ConcurrentHashMap<>());
    }

    private RuleSources(List<RuleFile> files, int baseSize, Map<RuleFile, Object> trees) {
        this.files = List.copyOf(files);
        this.baseSize = baseSize;
        this.trees = trees;
    }

    /** The first pack alone, without what {@link #plus} added on top of it (this, when nothing was). */
    public RuleSources base() {
        return baseSize == files.size() ? this : new RuleSources(files.subList(0, baseSize), baseSize, trees);
    }

    /** What {@link #plus} added on top of the first pack (user rules); empty when nothing was. */
    public RuleSources additions() {
        List<RuleFile> added = files.subList(baseSize, files.size());
        return new RuleSources(added, added.size(), trees);
    }

    /**
     * These sources with rule files generated from their tables, which join the first pack: after
     * its files and before what {@link #plus} added on top, the order the user's rules also have
     * when they are compiled alone and added to the loaded pack (so that rules of equal salience
     * fire in the same order either way; {@code --explain} names the first).
     */
    public RuleSources withGenerated(List<RuleFile> generated) {
        List<RuleFile> all = new ArrayList<>(files.subList(0, baseSize));
        all.addAll(generated);
        all.addAll(files.subList(baseSize, files.size()));
        return new RuleSources(all, baseSize + generated.size(), trees);
    }

    public List<RuleFile> files() {
        return files;
    }

    /** CloudFormation's resource schemas as the pack carries them ({@code catalog/cloudformation/*.json}). */
    public List<RuleFile> schemaFiles() {
        return files.stream().filter(RuleFile::isSchema).toList();
    }

    public List<RuleFile> drlFiles() {
        return files.stream().filter(RuleFile::isDrl).toList();
    }

    public List<RuleFile> dataFiles() {
        return files.stream().filter(RuleFile::isData).toList();
    }

    /** A data file of the catalogue and its YAML tree. */
    public record DataTree(RuleFile file, com.fasterxml.jackson.databind.JsonNode root) {
    }

    /** The folder of input mappings (Terraform, AWS Config), which the catalogues do not read. */
    private static final String IMPORTERS = "importers/";

    /**
     * The data files the catalogues read (all but the input mappings under {@code importers/}, which their readers read
     * when an input needs them) with their trees, in pack order; an empty or null file is left out, and a file that cannot
     * be parsed is one problem ({@code file: the parser's first line}).
     */
    public List<DataTree> catalogTrees(List<String> problems) {
        List<DataTree> trees = new ArrayList<>();
        for (RuleFile f : dataFiles()) {
            if (f.relative().startsWith(IMPORTERS)) {
                continue;
            }
            try {
                com.fasterxml.jackson.databind.JsonNode root = yamlTree(f);
                if (root != null && !root.isNull()) {
                    trees.add(new DataTree(f, root));
                }
            } catch (IOException e) {
                problems.add(f.origin() + ": " + (e.getMessage() == null ? "cannot be read" : e.getMessage().lines().findFirst().orElse("")));
            }
        }
        return trees;
    }

    /**
     * Every data file whose tree is a mapping, with that tree, in pack order: what the tables read their sections from. A
     * file that cannot be parsed is left out here; the catalogues ({@link #catalogTrees}) report it.
     */
    public List<DataTree> objectTrees() {
        List<DataTree> trees = new ArrayList<>();
        for (RuleFile f : dataFiles()) {
            try {
                com.fasterxml.jackson.databind.JsonNode root = yamlTree(f);
                if (root != null && root.isObject()) {
                    trees.add(new DataTree(f, root));
                }
            } catch (IOException e) {
                // reported by the catalogues
            }
        }
        return trees;
    }

    /**
     * A data file's YAML tree, parsed once per pack and shared by the loaders (read it, never change
     * it); null for an empty file. Throws the parser's error each time it is asked for.
     */
    public com.fasterxml.jackson.databind.JsonNode yamlTree(RuleFile f) throws IOException {
        Object tree = trees.computeIfAbsent(f, k -> {
            try {
                com.fasterxml.jackson.databind.JsonNode n = YAML.readTree(k.content());
                return n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n;
            } catch (IOException e) {
                return e;
            }
        });
        if (tree instanceof IOException e) {
            throw e;
        }
        return tree instanceof com.fasterxml.jackson.databind.node.MissingNode ? null : (com.fasterxml.jackson.databind.JsonNode) tree;
    }

    /** The SHA-256 of a text, in hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of every file's path and content, for caching compiled packs. */
    public String digest() {
        String d = digest;
        if (d == null) {
            d = computeDigest();
            digest = d;
        }
        return d;
    }

    private volatile String digest; // the files never change: computed once

    private String computeDigest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (RuleFile f : files) {
                md.update(f.relative().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(f.content().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This pack followed by the files of another (user rules on top of the bundled pack). */
    public RuleSources plus(RuleSources extra) {
        List<RuleFile> all = new ArrayList<>(files);
        all.addAll(extra.files);
        return new RuleSources(all, baseSize, trees);
    }

    /** The rule pack bundled in srm's jar (or, in development, on the class path). */
    public static RuleSources bundled() throws RulesException {
        URL url = RuleSources.class.getClassLoader().getResource(BUNDLED_ROOT);
        if (url == null) {
            throw new RulesException("bundled rules: not found on the class path (" + BUNDLED_ROOT + "); rebuild srm");
        }
        RuleSources known = BUNDLED_READ.get(url.toString());
        if (known != null) {
            return known;
        }
        RuleSources read = readBundled(url);
        RuleSources first = BUNDLED_READ.putIfAbsent(url.toString(), read);
        return first == null ? read : first;
    }

    /**
     * The bundled pack as read once per process (by where it is): it is part of srm's classes, which
     * do not change under a running process, and every load shares its files and parsed YAML trees.
     */
    private static final Map<String, RuleSources> BUNDLED_READ = new java.util.concurrent.ConcurrentHashMap<>();

    private static RuleSources readBundled(URL url) throws RulesException {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return new RuleSources(read(fs.getPath(BUNDLED_ROOT), BUNDLED_ORIGIN));
            }
            return new RuleSources(read(Paths.get(uri), BUNDLED_ORIGIN));
        } catch (URISyntaxException | IOException e) {
            throw new RulesException("bundled rules: cannot be read: " + e.getMessage());
        }
    }

    /**
     * A directory holding the bundled pack, read as {@link #bundled()} reads it (its files' origins
     * are {@code bundled:<relative path>}): the build reads srm's classes this way.
     */
    public static RuleSources bundledAt(Path dir) throws RulesException {
        try {
            return new RuleSources(read(dir, BUNDLED_ORIGIN));
        } catch (IOException e) {
            throw new RulesException("bundled rules: cannot be read: " + e.getMessage());
        }
    }

    /** The origin prefix of the bundled pack's files. */
    public static final String BUNDLED_ORIGIN = "bundled:";

    /** True when every file is the bundled pack's, with nothing added on top. */
    public boolean isBundled() {
        return baseSize == files.size() && files.stream().allMatch(f -> f.origin().startsWith(BUNDLED_ORIGIN));
    }

    /** The rule files (*.drl and *.yaml data) under a directory on disk, recursively. */
    public static RuleSources directory(Path dir) throws RulesException {
        if (!Files.exists(dir)) {
            throw new RulesException(dir + ": rules directory does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new RulesException(dir + ": not a directory (expected a directory of .drl files)");
        }
        try {
            List<RuleFile> files = read(dir, null);
            if (files.stream().noneMatch(RuleFile::isDrl)) {
                throw new RulesException(dir + ": no .drl files in this rules directory");
            }
            return new RuleSources(files);
        } catch (IOException e) {
            throw new RulesException(dir + ": cannot be read: " + e.getMessage());
        }
    }

    private static List<RuleFile> read(Path root, String originPrefix) throws IOException, RulesException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".drl") || n.endsWith(".yaml") || n.endsWith(".yml")
                                || n.endsWith(".json") && p.getParent() != null && p.getParent().getFileName() != null
                                && p.getParent().getFileName().toString().equals("cloudformation");
                    })
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString().replace('\\', '/')))
                    .toList();
        }
        List<RuleFile> files = new ArrayList<>();
        for (Path p : paths) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            String origin = originPrefix == null ? p.toString() : originPrefix + relative;
            files.add(new RuleFile(origin, relative, decode(Files.readAllBytes(p), origin)));
        }
        return files;
    }

    private static String decode(byte[] bytes, String origin) throws RulesException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RulesException(origin + ": not valid UTF-8");
        }
    }

    /** For tests and embedding: a pack from in-memory files. */
    public static RuleSources of(List<RuleFile> files) {
        return new RuleSources(files);
    }

}
