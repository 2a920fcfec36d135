package dev.srm.input.cloudformation;

import dev.srm.facts.Inventory;
import dev.srm.input.InputException;
import dev.srm.input.InputFiles;
import dev.srm.input.InputReader;
import dev.srm.model.InputFormat;
import dev.srm.model.ResourceSpec;
import dev.srm.model.Scenario;
import dev.srm.model.UndecidedResources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CloudFormation template (JSON or YAML, SAM included; a CDK stack template is one) as
 * one scenario: its id from the file name, a resource per logical id with the template's
 * {@code Type}, its {@code Properties} resolved as far as the template decides them, and the
 * line the resource starts on. A template declares everything it creates, so the inventory is
 * complete for its resources ({@link Inventory#RESOURCES}: absent evidence is MISSING), but says
 * nothing about the account; the template's {@code Metadata} may say otherwise with
 * {@code srm: {inventory: partial}} or {@code complete}.
 * Thread-safe: each read works on its own state.
 */
public final class CloudFormationReader implements InputReader {
    private final TemplateParser parser = new TemplateParser();
    private final TemplateParameters parameters;

    /** A reader that gives every parameter its Default. */
    public CloudFormationReader() {
        this(TemplateParameters.NONE);
    }

    /** A reader that gives parameters these values ({@code --parameter}, a parameters file). */
    public CloudFormationReader(TemplateParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public InputFormat format() {
        return InputFormat.cloudformation;
    }

    /**
     * A template: a format version, or resources typed {@code AWS::...}; judged by parsing the
     * content. A file that reads like a template but cannot be parsed (too large, a tag that is
     * not CloudFormation's) is claimed too, so that its problem is told in a template's terms.
     */
    @Override
    public boolean claims(String name, byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1 << 16), StandardCharsets.UTF_8);
        if (!head.contains("AWSTemplateFormatVersion") && !head.contains("Resources") && !head.contains("Transform")) {
            return false;
        }
        try {
            return Template.looksLikeTemplate(parser.parse(name, bytes, bytes.length > 16 * TemplateParser.MAX_BYTES));
        } catch (InputException | RuntimeException e) {
            return head.contains("AWSTemplateFormatVersion") || TYPED_RESOURCE.matcher(head).find() && head.contains("Resources");
        }
    }

    private static final java.util.regex.Pattern TYPED_RESOURCE = java.util.regex.Pattern.compile(
            "(?m)^\\s*\"?Type\"?\\s*:\\s*[\"']?(AWS|Custom)::");

    /** A template held in memory: its nested stacks' templates are not read (no file of the machine is opened). */
    @Override
    public List<Scenario> read(String name, byte[] bytes) throws InputException {
        return read(name, bytes, null);
    }

    /** A template file: nested stacks whose templates are files in its directory or below it are followed. */
    @Override
    public List<Scenario> readFile(Path file, byte[] bytes) throws InputException {
        Path dir = file.toAbsolutePath().normalize().getParent();
        return read(file.toString(), bytes, dir == null ? Path.of("").toAbsolutePath() : dir);
    }

    private List<Scenario> read(String name, byte[] bytes, Path localRoot) throws InputException {
        Node root = parser.parse(name, bytes);
        Template template = Template.of(name, root, true);
        Map<String, String> srm = srmMetadata(template);
        String id = srm.getOrDefault("id", scenarioId(name));
        List<String> warnings = new ArrayList<>();
        Map<String, Node> given = new LinkedHashMap<>();
        parameters.values().forEach((k, v) -> given.put(k, Node.Scalar.of(v)));
        Stack.Worlds worlds;
        try {
            Stack stack = new Stack(parser, template, id, given, parameters.sources(), "", 0, 0, List.of(Path.of(name)
                    .toAbsolutePath().normalize().toString()), warnings, localRoot);
            worlds = stack.resources();
        } catch (TemplateError e) {
            throw InputFiles.problem(name, e.where(), e.getMessage());
        }
        Inventory inventory = "partial".equals(srm.get("inventory")) ? Inventory.PARTIAL
                : "complete".equals(srm.get("inventory")) ? Inventory.COMPLETE : Inventory.RESOURCES;
        String title = template.description() == null || template.description().isBlank() ? id
                : template.description().strip().lines().findFirst().orElse(id);
        return List.of(new Scenario(id, title, template.description(), name, inventory, srm.get("owner"), List.of(), worlds.all(),
                srm.get("ownerTag"), null, null, warnings, !srm.containsKey("id"),
                undecided(worlds)));
    }

    /**
     * At most this many conditions get a world of their own (only that condition's resources among the
     * undecided exist): those whose resources a resource of another condition names. With more, a
     * template is judged on the world with all and the world with none.
     */
    static final int CONDITION_WORLDS = 6;

    private static UndecidedResources undecided(Stack.Worlds worlds) {
        Map<String, String> conditions = worlds.conditions();
        // a condition needs a world of its own when one of its resources is named by a resource of another condition (its
        // bucket policy, its standalone rule, its backup selection): only then can its resources answer differently there
        java.util.Set<String> needed = new java.util.LinkedHashSet<>();
        for (dev.srm.model.ResourceSpec u : worlds.all()) {
            String own = conditions.get(u.id());
            if (own == null) {
                continue;
            }
            for (dev.srm.facts.Setting x : u.settings()) {
                String named = x.value() == null ? null : conditions.get(x.value());
                if (named != null && !named.equals(own)) {
                    needed.add(named);
                }
            }
        }
        Map<String, List<dev.srm.model.ResourceSpec>> byCondition = new LinkedHashMap<>();
        if (needed.size() <= CONDITION_WORLDS) {
            needed.forEach(k -> byCondition.put(k, worlds.world(k)));
        }
        return new UndecidedResources(worlds.undecided(), worlds.world(null), conditions, byCondition);
    }

    /** The template's {@code Metadata: {srm: {id, inventory, owner, ownerTag}}}, as text. */
    private static Map<String, String> srmMetadata(Template t) throws InputException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(t.metadata().get("srm") instanceof Node.Obj srm)) {
            return out;
        }
        srm.entries().forEach((k, v) -> {
            if (v instanceof Node.Scalar s && s.text() != null) {
                out.put(k, s.text());
            }
        });
        String inventory = out.get("inventory");
        if (inventory != null && !List.of("resources", "partial", "complete").contains(inventory)) {
            throw InputFiles.problem(t.file(), srm.keyPos("inventory").toString(), "/Metadata/srm/inventory: '" + inventory
                    + "'; expected resources (the default: complete for the template's resources, silent about the account),"
                    + " partial, or complete (the template describes the whole account)");
        }
        String id = out.get("id");
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw InputFiles.problem(t.file(), srm.keyPos("id").toString(), "/Metadata/srm/id: '" + id
                    + "'; expected lower-case letters, digits and dashes, starting with a letter or digit");
        }
        return out;
    }

    /**
     * A scenario id from a template's file name: the name without its extensions ({@code .yaml},
     * {@code .template.json}, ...), lower-cased, every run of other characters a dash. A file
     * called {@code template} (SAM's convention) takes its directory's name instead.
     */
    static String scenarioId(String name) {
        Path path = Path.of(name);
        String file = path.getFileName() == null ? name : path.getFileName().toString();
        String base = file.replaceAll("(?i)(\\.template)?\\.(json|ya?ml|template)$", "");
        if (base.equalsIgnoreCase("template") && path.getParent() != null && path.getParent().getFileName() != null) {
            base = path.getParent().getFileName().toString();
        }
        String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "template" : id;
    }
}
