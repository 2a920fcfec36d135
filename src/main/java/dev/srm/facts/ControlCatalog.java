package dev.srm.facts;

import java.util.Map;

/**
 * The controls of a rule pack by id, given to a session as the global {@code controls} so that
 * rules insert only the definitions of the controls that apply (not all of them per scenario).
 */
public final class ControlCatalog {
    private final Map<String, ControlDef> controls;

    public ControlCatalog(Map<String, ControlDef> controls) {
        this.controls = Map.copyOf(controls);
    }

    /** The definition of a control, or null when the pack has no such control. */
    public ControlDef get(String id) {
        return controls.get(id);
    }
}
