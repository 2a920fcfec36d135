package dev.srm.model;

import java.util.List;

/**
 * One resource's result: what it is (service, type, variant, service model and customer
 * share, with the rule that decided it), who owns each layer and which controls apply.
 */
public record ResourceResult(String id, String service, String type, String variant, String serviceModel,
                             String customerShare, String rule, String reason, List<LayerResult> layers,
                             List<ControlResult> controls, List<String> notices) {
    public ResourceResult {
        layers = List.copyOf(layers);
        controls = List.copyOf(controls);
        notices = List.copyOf(notices);
    }

    public LayerResult layer(String layerId) {
        return layers.stream().filter(l -> l.layer().equals(layerId)).findFirst().orElse(null);
    }

    public ControlResult control(String controlId) {
        return controls.stream().filter(c -> c.id().equals(controlId)).findFirst().orElse(null);
    }
}
