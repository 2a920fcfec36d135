package dev.srm.model;

import java.util.List;

/**
 * One resource's result: what it is (service, type, variant, service model and customer
 * share, with the rule that decided it), who owns each layer and which controls apply.
 * {@code line} is where the resource starts in its scenario file (0 when unknown); {@code origin} is
 * where it was read from (file, line, pointer, plan address, Config ARN and capture time), so that
 * reports can point at it.
 */
public record ResourceResult(String id, String service, String type, String variant, String serviceModel,
                             String customerShare, String rule, String reason, List<LayerResult> layers,
                             List<ControlResult> controls, List<String> notices, int line, Origin origin) {
    public ResourceResult {
        origin = origin == null ? Origin.line(line) : origin;
        layers = List.copyOf(layers);
        controls = List.copyOf(controls);
        notices = List.copyOf(notices);
    }

    /** A result whose origin is its line in the scenario's file. */
    public ResourceResult(String id, String service, String type, String variant, String serviceModel,
                          String customerShare, String rule, String reason, List<LayerResult> layers,
                          List<ControlResult> controls, List<String> notices, int line) {
        this(id, service, type, variant, serviceModel, customerShare, rule, reason, layers, controls, notices, line, null);
    }

    /** A result without a known line. */
    public ResourceResult(String id, String service, String type, String variant, String serviceModel,
                          String customerShare, String rule, String reason, List<LayerResult> layers,
                          List<ControlResult> controls, List<String> notices) {
        this(id, service, type, variant, serviceModel, customerShare, rule, reason, layers, controls, notices, 0);
    }

    public LayerResult layer(String layerId) {
        return layers.stream().filter(l -> l.layer().equals(layerId)).findFirst().orElse(null);
    }

    public ControlResult control(String controlId) {
        return controls.stream().filter(c -> c.id().equals(controlId)).findFirst().orElse(null);
    }
}
