package dev.srm.run;

import dev.srm.input.ReadScenario;
import dev.srm.model.InputProblem;
import dev.srm.model.Scenario;
import dev.srm.report.audit.InputOrder;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scenario ids of one batch. An id the input declares is the user's: a second input
 * declaring it is a duplicate. An id its reader made from the file's path (templates without
 * {@code Metadata.srm.id}, Terraform plans: {@code stacks/orders/main.yaml} and
 * {@code stacks/billing/main.yaml} are both {@code main}) takes its directories' names in front,
 * nearest first, when another input of the batch has it too, with a warning saying so; it is not
 * lost.
 *
 * <p>{@link #settle} (srm audit, srm evaluate, the Spark job) qualifies <em>every</em> input that shares such an
 * id, each with as few directories as make them all distinct ({@code orders-main},
 * {@code billing-main}): an input's id then depends on the batch's other files, never on their
 * order, so that a file added beside {@code dev/app.yaml} ({@code alpha/app.yaml}) cannot take
 * its id, and with it the fingerprints a baseline matches findings by. A streaming run
 * ({@link #admit}: srm import) claims in input order: the first input keeps the id.
 */
public final class BatchIds {
    private static final Pattern URI_NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*(/.*)?$");
    private final Map<String, String> taken = new HashMap<>();

    /**
     * The ids of one input's scenarios as its reader made them, in the input's order; {@code
     * fromName}: the indexes of those whose id the reader made from the file's name.
     */
    public record InputIds(String source, List<String> ids, Set<Integer> fromName) implements Serializable {
        public InputIds {
            ids = List.copyOf(ids);
            fromName = Set.copyOf(fromName);
        }

        String firstId() {
            return ids.isEmpty() ? "" : ids.get(0);
        }
    }

    /**
     * What a batch gives the scenarios of its inputs: by input and index, the ones under another
     * id than their own ({@code renamed}) and the ones that get none ({@code skipped}, each with
     * its line in {@code problems}); every other scenario keeps its id.
     */
    public record Settlement(Map<String, Map<Integer, Claim>> renamed, Map<String, Set<Integer>> skipped,
                             List<InputProblem> problems) {
    }

    /**
     * Settles the ids of a batch's inputs: they claim in {@code srm audit}'s order (by their first
     * scenario's id, then by name), each input's scenarios one after another.
     */
    public static Settlement settle(List<InputIds> inputs) {
        List<InputIds> order = new ArrayList<>(inputs);
        order.sort(Comparator.comparing(InputIds::firstId).thenComparing(InputIds::source, InputOrder.NAMES));
        BatchIds ids = new BatchIds();
        Map<String, Map<Integer, Claim>> renamed = new TreeMap<>();
        Map<String, Set<Integer>> skipped = new TreeMap<>();
        List<InputProblem> problems = new ArrayList<>();
        // ids the inputs declare, and those a reader made from something else than the path (an AWS account), first
        Map<String, List<int[]>> fromPath = new TreeMap<>();
        for (int n = 0; n < order.size(); n++) {
            InputIds input = order.get(n);
            for (int i = 0; i < input.ids().size(); i++) {
                String id = input.ids().get(i);
                if (input.fromName().contains(i) && madeFromPath(id, stem(input.source()), directories(input.source()))) {
                    fromPath.computeIfAbsent(id, k -> new ArrayList<>()).add(new int[] {n, i});
                    continue;
                }
                record(ids.claim(id, input.source(), input.fromName().contains(i)), input, i, renamed, skipped, problems);
            }
        }
        // then the ids made from a path that one input alone has: reserved before any group is qualified, so that a
        // group's qualified id never takes another input's own (orders/main.yaml beside c/orders-main.yaml)
        for (Map.Entry<String, List<int[]>> group : fromPath.entrySet()) {
            List<int[]> members = group.getValue();
            if (members.size() == 1 && !ids.taken.containsKey(group.getKey())) {
                InputIds input = order.get(members.get(0)[0]);
                record(ids.claim(group.getKey(), input.source(), true), input, members.get(0)[1], renamed, skipped, problems);
            }
        }
        // then every id made from a path that several inputs share, or a declared one took: all of them qualified alike
        for (Map.Entry<String, List<int[]>> group : fromPath.entrySet()) {
            String id = group.getKey();
            List<int[]> members = group.getValue();
            if (members.size() == 1 && order.get(members.get(0)[0]).source().equals(ids.taken.get(id))) {
                continue; // its own, reserved above
            }
            List<String> sources = members.stream().map(m -> order.get(m[0]).source()).toList();
            for (int[] m : members) {
                InputIds input = order.get(m[0]);
                String qualified = distinct(id, input.source(), sources, ids.taken.keySet());
                if (qualified != null && ids.taken.putIfAbsent(qualified, input.source()) == null) {
                    String others = sources.stream().filter(x -> !x.equals(input.source())).limit(3).collect(
                            java.util.stream.Collectors.joining(", "));
                    renamed.computeIfAbsent(input.source(), k -> new HashMap<>()).put(m[1], new Claim(qualified, null,
                            input.source() + ": scenario id '" + qualified + "': '" + id + "', made from the file's path, is "
                                    + (members.size() > 1 ? "also that of " + others + (members.size() > 4 ? ", ..." : "")
                                    : "taken by " + ids.taken.get(id)) + " in this batch"));
                } else { // no directory left that makes it distinct: claimed in order, as a stream does
                    record(ids.claim(id, input.source(), true), input, m[1], renamed, skipped, problems);
                }
            }
        }
        return new Settlement(renamed, skipped, problems);
    }

    private static void record(Claim claim, InputIds input, int i, Map<String, Map<Integer, Claim>> renamed,
                               Map<String, Set<Integer>> skipped, List<InputProblem> problems) {
        if (claim.heldBy() != null) {
            problems.add(duplicateId(input.source(), input.ids().get(i), claim.heldBy()));
            skipped.computeIfAbsent(input.source(), k -> new HashSet<>()).add(i);
        } else if (claim.notice() != null) {
            renamed.computeIfAbsent(input.source(), k -> new HashMap<>()).put(i, claim);
        }
    }

    /**
     * The shortest of {@code file}'s qualifications of {@code id} that no other of {@code sources}
     * (the inputs sharing the id) can take and that is not {@code taken}; null when there is none.
     */
    private static String distinct(String id, String file, List<String> sources, Set<String> taken) {
        Set<String> others = new HashSet<>();
        for (String other : sources) {
            if (!other.equals(file)) {
                others.addAll(qualifications(id, other));
            }
        }
        for (String q : qualifications(id, file)) {
            if (!others.contains(q) && !taken.contains(q)) {
                return q;
            }
        }
        return null;
    }

    /**
     * What a claim gives: the id the scenario gets, with the {@code notice} that says why when it
     * is not the scenario's own (null otherwise); or, when it gets none, the input that holds it.
     */
    public record Claim(String id, String heldBy, String notice) implements Serializable {
        /** The read scenario under the id it got, the notice among what the run reports of it. */
        public ReadScenario applied(ReadScenario read) {
            if (notice == null) {
                return read;
            }
            List<String> warnings = new ArrayList<>(read.warnings());
            warnings.add(notice);
            return new ReadScenario(read.scenario().withId(id), warnings);
        }
    }

    /**
     * The read scenario under the id it gets in this batch, or null when a scenario before it
     * holds that id: then {@code problems} gets the line that names both inputs.
     */
    ReadScenario admit(ReadScenario read, List<InputProblem> problems) {
        Claim claim = claim(read.scenario());
        if (claim.heldBy() != null) {
            problems.add(duplicateId(read.scenario().file(), read.scenario().id(), claim.heldBy()));
            return null;
        }
        return claim.applied(read);
    }

    /** Claims the scenario's id, or the qualified one when its id was made from its file's name. */
    Claim claim(Scenario scenario) {
        return claim(scenario.id(), scenario.file(), scenario.idFromFileName());
    }

    /** Claims {@code id} for a scenario of {@code file}; {@code fromName}: the reader made the id from the file's name. */
    Claim claim(String id, String file, boolean fromName) {
        String first = taken.putIfAbsent(id, file);
        if (first == null) {
            return new Claim(id, null, null);
        }
        if (!fromName) {
            return new Claim(null, first, null);
        }
        for (String qualified : qualifications(id, file)) {
            if (taken.putIfAbsent(qualified, file) == null) {
                return new Claim(qualified, null, file + ": scenario id '" + qualified + "': '" + id + "', made from "
                        + (madeFromPath(id, stem(file), directories(file)) ? "the file's path" : "the input's AWS account")
                        + ", is taken by " + first + " in this batch");
            }
        }
        return new Claim(null, first, null);
    }

    /**
     * The ids a scenario of {@code file} whose id {@code id} was made from the file's name tries,
     * in order, when another input holds {@code id}: its directories' names in front, nearest
     * first. A local file's directories are those of its absolute path; a URI's
     * ({@code s3://bucket/stacks/orders/main.yaml}), those of its path. An id made neither from the
     * file's name nor from a directory's (AWS Config's {@code config-<account>}) takes the file's name first.
     */
    public static List<String> qualifications(String id, String file) {
        List<String> dirs = directories(file);
        List<String> out = new ArrayList<>();
        String qualified = id;
        String stem = stem(file);
        if (!stem.isEmpty() && !madeFromPath(id, stem, dirs)) {
            qualified = stem + "-" + id;
            out.add(qualified);
        }
        boolean nearest = true;
        for (String name : dirs) {
            boolean skip = name.isEmpty() || nearest && name.equals(id); // stacks/orders/template.yaml is already 'orders'
            nearest = false;
            if (!skip) {
                qualified = name + "-" + qualified;
                out.add(qualified);
            }
        }
        return out;
    }

    /** The names of the file's directories as id parts, nearest first (a URI's, those of its path). */
    private static List<String> directories(String file) {
        List<String> dirs = new ArrayList<>();
        Matcher uri = URI_NAME.matcher(file);
        if (uri.matches()) {
            String[] parts = (uri.group(1) == null ? "" : uri.group(1)).split("/");
            for (int i = parts.length - 2; i >= 0; i--) {
                dirs.add(slug(parts[i]));
            }
        } else {
            for (Path dir = Path.of(file).toAbsolutePath().normalize().getParent(); dir != null && dir.getFileName() != null;
                 dir = dir.getParent()) {
                dirs.add(slug(dir.getFileName().toString()));
            }
        }
        return dirs;
    }

    /** The file's name without its extensions, as an id part. */
    private static String stem(String file) {
        return slug(file.replaceAll("^.*[/\\\\]", "").replaceAll("(\\.(json|jsonl|yaml|yml|gz|template))+$", ""));
    }

    /** Whether the id is the file's name or one of its directories' (a template's, a plan's), not made from its content. */
    private static boolean madeFromPath(String id, String stem, List<String> dirs) {
        return stem.equals(id) || dirs.contains(id);
    }

    /** The problem of input {@code name} whose id {@code id} input {@code firstName} holds. */
    static InputProblem duplicateId(String name, String id, String firstName) {
        return new InputProblem(name, "/id", "duplicate scenario id '" + id + "' (also used by " + firstName
                + "); scenario ids must be unique within a batch");
    }

    /** A directory's name as an id part: lower case, every run of other characters a dash. */
    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
