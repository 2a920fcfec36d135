package dev.srm.api;

import dev.srm.model.InputProblem;
import dev.srm.run.BatchIds;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scenario ids of a batch evaluated in pieces (the Spark job's tasks), settled as {@code srm
 * audit} settles them on one machine: the first input in audit's order keeps an id; a later input
 * whose id was made from its file's name (templates without {@code Metadata.srm.id}, Terraform
 * plans) takes its directories' names in front until the id is free, with a warning; a later
 * input that declares a taken id is a duplicate, a problem, and is not evaluated.
 *
 * <p>Made on one machine from every input's ids ({@link Srm#scenarioIds}), shipped to the
 * machines that evaluate ({@link Srm#evaluateInput(String, byte[], dev.srm.model.InputFormat,
 * boolean, Policy, ScenarioIds)}). Only the scenarios that do not keep their own id are held, so
 * its size follows the clashes, not the batch.
 */
public final class ScenarioIds implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Nothing to settle: every scenario keeps its id. */
    public static final ScenarioIds NONE = new ScenarioIds(Map.of(), Map.of(), List.of());

    /**
     * The ids of one input's scenarios as its reader made them, in its order; {@code fromName}:
     * the indexes of those whose id was made from the file's name.
     */
    public record Input(String source, List<String> ids, Set<Integer> fromName) implements Serializable {
        public Input {
            ids = List.copyOf(ids);
            fromName = Set.copyOf(fromName);
        }
    }

    private final Map<String, Map<Integer, BatchIds.Claim>> renamed;
    private final Map<String, Set<Integer>> skipped;
    private final transient List<InputProblem> problems;

    private ScenarioIds(Map<String, Map<Integer, BatchIds.Claim>> renamed, Map<String, Set<Integer>> skipped,
                        List<InputProblem> problems) {
        this.renamed = renamed;
        this.skipped = skipped;
        this.problems = problems;
    }

    /**
     * Settles the ids of these inputs. Inputs not given keep their ids: give at least every input
     * that holds an id held by another, or one of the {@link #qualifications} of such an input.
     */
    public static ScenarioIds settle(Collection<Input> inputs) {
        BatchIds.Settlement s = BatchIds.settle(inputs.stream()
                .map(i -> new BatchIds.InputIds(i.source(), i.ids(), i.fromName())).toList());
        return new ScenarioIds(new java.util.HashMap<>(s.renamed()), new java.util.HashMap<>(s.skipped()), List.copyOf(s.problems()));
    }

    /**
     * The ids a scenario of {@code file} whose id {@code id} was made from the file's name tries,
     * in order, when {@code id} is taken.
     */
    public static List<String> qualifications(String id, String file) {
        return BatchIds.qualifications(id, file);
    }

    /** The inputs' duplicate ids, one problem each, as {@code srm audit} reports them (empty where this was shipped). */
    public List<InputProblem> problems() {
        return problems == null ? List.of() : problems;
    }

    /**
     * Scenario {@code index} of {@code source} under the id the batch gave it (with the warning
     * that says why when it is not its own), or null when it is a duplicate the batch skips.
     */
    dev.srm.input.ReadScenario claimed(String source, int index, dev.srm.input.ReadScenario read) {
        if (skipped.getOrDefault(source, Set.of()).contains(index)) {
            return null;
        }
        BatchIds.Claim claim = renamed.getOrDefault(source, Map.of()).get(index);
        return claim == null ? read : claim.applied(read);
    }
}
