package dev.srm.model.matrix;

import dev.srm.model.HasWarnings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The customer responsibility matrix of a portfolio ({@code srm crm}): for every requirement of
 * each framework that the pack maps to srm controls, whether it is inherited from AWS, shared or
 * the customer's for the services in use, the controls and layers behind that answer, and the
 * controls' status in the portfolio.
 *
 * @param services  the services in use (those of the portfolio's resources), sorted
 * @param source    what was read: the audit file or the scenario paths
 */
public record Crm(String source, int scenarios, int resources, List<String> services, List<Framework> frameworks,
                  List<String> warnings) implements HasWarnings {
    public Crm {
        services = List.copyOf(services);
        frameworks = List.copyOf(frameworks);
        warnings = List.copyOf(warnings);
    }

    /** Who answers for a requirement, for the services in use. */
    public enum Share {
        /** Every control behind it sits on layers AWS holds for the resources in use. */
        INHERITED,
        /** AWS and the customer both act (a SHARED layer, or layers held by both). */
        SHARED,
        /** Every control behind it sits on layers the customer holds. */
        CUSTOMER,
        /** None of the controls mapped to it applies to a resource in use. */
        NOT_IN_USE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A framework and its requirements, in the framework's order. */
    public record Framework(String id, String name, String source, List<Requirement> requirements) {
        public Framework {
            Objects.requireNonNull(id, "id");
            requirements = List.copyOf(requirements);
        }
    }

    /**
     * One requirement: who answers for it, its status (MET, MISSING, UNKNOWN, NOT_APPLICABLE or
     * CONFLICT; {@code null} when not in use), the srm controls mapped to it and the layers they sit on.
     */
    public record Requirement(String id, Share share, String status, List<ControlLine> controls, List<LayerLine> layers) {
        public Requirement {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(share, "share");
            controls = List.copyOf(controls);
            layers = List.copyOf(layers);
        }
    }

    /** An srm control behind a requirement: its results in the portfolio by status, and the services it applied to. */
    public record ControlLine(String id, String title, String layer, Map<String, Integer> statuses, List<String> services) {
        public ControlLine {
            Objects.requireNonNull(id, "id");
            statuses = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(statuses));
            services = List.copyOf(services);
        }

        /** Results other than NOT_APPLICABLE. */
        public int applied() {
            return statuses.entrySet().stream().filter(e -> !"NOT_APPLICABLE".equals(e.getKey())).mapToInt(Map.Entry::getValue).sum();
        }
    }

    /** A layer the controls sit on: how many resources leave it to each party, and the duties inside it. */
    public record LayerLine(String layer, Map<String, Integer> parties, List<Duty> duties) {
        public LayerLine {
            Objects.requireNonNull(layer, "layer");
            parties = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(parties));
            duties = List.copyOf(duties);
        }
    }
}
