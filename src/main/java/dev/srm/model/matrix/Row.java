package dev.srm.model.matrix;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a responsibility matrix: a service (or variant, or a scenario's resources folded
 * into one) as the rules classified it, who holds each layer, the customer controls that apply
 * and the AWS integrations that help. {@code subject} is how the user named it
 * ({@code Lambda}, {@code ECS:fargate}, a file); {@code config} the settings it was evaluated with.
 */
public record Row(String subject, String service, String variant, String type, String serviceModel, String customerShare,
                  String rule, String reason, Map<String, String> config, List<Cell> cells, List<ControlRef> controls,
                  List<String> integrations) {
    public Row {
        Objects.requireNonNull(subject, "subject");
        config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
        cells = List.copyOf(cells);
        controls = List.copyOf(controls);
        integrations = List.copyOf(integrations);
    }

    /** The cell of a layer, or null. */
    public Cell cell(String layer) {
        return cells.stream().filter(c -> c.layer().equals(layer)).findFirst().orElse(null);
    }

    private static String fold(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** {@code Lambda container-image (SERVERLESS)}: the service, its variant and model, for a heading. */
    public String label() {
        StringBuilder b = new StringBuilder(service == null ? subject : service);
        if (variant != null && !variant.isEmpty() && !fold(variant).equals(fold(b.toString()))) {
            b.append(' ').append(variant);
        }
        if (serviceModel != null && !serviceModel.isEmpty()) {
            b.append(" (").append(serviceModel).append(')');
        }
        return b.toString();
    }
}
