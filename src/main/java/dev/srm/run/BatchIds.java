package dev.srm.run;

import dev.srm.input.ReadScenario;
import dev.srm.model.InputProblem;
import dev.srm.model.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario ids of one batch, claimed in input order. The first input keeps an id. A later
 * input whose id its reader made from the file's name (templates without {@code Metadata.srm.id},
 * Terraform plans: {@code stacks/orders/main.yaml} and {@code stacks/billing/main.yaml} are both
 * {@code main}) takes its directories' names in front, nearest first, until the id is free
 * ({@code billing-main}), with a warning saying so; it is not lost. An id the input declares
 * is the user's: a second input declaring it is a duplicate, as before.
 */
final class BatchIds {
    private final Map<String, String> taken = new HashMap<>();

    /**
     * What a claim gives: the id the scenario gets, with the {@code notice} that says why when it
     * is not the scenario's own (null otherwise); or, when it gets none, the input that holds it.
     */
    record Claim(String id, String heldBy, String notice) {
        /** The read scenario under the id it got, the notice among what the run reports of it. */
        ReadScenario applied(ReadScenario read) {
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
        String qualified = id;
        Path dir = Path.of(file).toAbsolutePath().normalize().getParent();
        for (boolean nearest = true; dir != null && dir.getFileName() != null; dir = dir.getParent(), nearest = false) {
            String name = slug(dir.getFileName().toString());
            if (name.isEmpty() || nearest && name.equals(id)) { // stacks/orders/template.yaml is already 'orders'
                continue;
            }
            qualified = name + "-" + qualified;
            if (taken.putIfAbsent(qualified, file) == null) {
                return new Claim(qualified, null, file + ": scenario id '" + qualified + "': '" + id + "', made from the file's path,"
                        + " is taken by " + first + " in this batch");
            }
        }
        return new Claim(null, first, null);
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
