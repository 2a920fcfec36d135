package dev.srm.model.matrix;

import java.util.List;
import java.util.Objects;

/** A customer control that applies to a row, with the Security Hub controls and Config rules that check it. */
public record ControlRef(String id, String title, String layer, String severity, List<String> securityHub,
                         List<String> configRules, String source) {
    public ControlRef {
        Objects.requireNonNull(id, "id");
        securityHub = List.copyOf(securityHub);
        configRules = List.copyOf(configRules);
    }
}
