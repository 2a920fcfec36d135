package dev.srm.run;

import dev.srm.input.Settings;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import java.nio.file.Path;
import java.util.List;

/**
 * What to triage, as a user asks for it: a scenario or ASFF file and/or flags. Flags given
 * with a scenario file complete or override its incident block; without a file, {@code service}
 * and {@code kind} describe the incident. Any value may be null (not given).
 *
 * @param asff      treat {@code file} as ASFF findings (otherwise recognised by its content)
 * @param config    {@code KEY=VALUE} settings of the resource made up for {@code service}
 * @param ownerTag  the tag key that names a resource's team, over the scenario's {@code ownerTag}
 */
public record TriageInput(Path file, boolean asff, String id, String resource, String service, String kind, String layer,
                            String summary, String detectedBy, List<String> config, String ownerTag, String component) {
    public TriageInput {
        config = config == null ? List.of() : List.copyOf(config);
    }

    /** True when no flag that describes an incident was given. */
    boolean noIncidentFlags() {
        return id == null && resource == null && service == null && kind == null && layer == null && summary == null
                && detectedBy == null && config.isEmpty() && component == null;
    }

    /**
     * The checks that need no rule pack: something to triage, no empty value, KEY=VALUE
     * settings, and a resource only with a file. Cheap, so a command runs them first.
     */
    public void validate(Function<TriageField, String> names) throws TriageException {
        if (file == null && noIncidentFlags()) {
            throw TriageException.usage("nothing to triage: give a scenario " + names.apply(TriageField.FILE) + " with an incident block, an ASFF findings "
                    + names.apply(TriageField.FILE) + ", or " + names.apply(TriageField.SERVICE) + " and " + names.apply(TriageField.KIND));
        }
        Map<TriageField, String> values = new EnumMap<>(TriageField.class);
        values.put(TriageField.ID, id);
        values.put(TriageField.RESOURCE, resource);
        values.put(TriageField.SERVICE, service);
        values.put(TriageField.KIND, kind);
        values.put(TriageField.LAYER, layer);
        values.put(TriageField.SUMMARY, summary);
        values.put(TriageField.DETECTED_BY, detectedBy);
        values.put(TriageField.OWNER_TAG, ownerTag);
        values.put(TriageField.COMPONENT, component);
        for (Map.Entry<TriageField, String> f : values.entrySet()) {
            if (f.getValue() != null && f.getValue().isBlank()) {
                throw TriageException.usage(names.apply(f.getKey()) + " is empty; give it a value or leave it out");
            }
        }
        String problem = Settings.given(config, "Engine=custom-oracle-ee").problem();
        if (problem != null) {
            throw TriageException.usage(names.apply(TriageField.CONFIG) + " " + problem);
        }
        if (file == null && resource != null) {
            throw TriageException.usage(names.apply(TriageField.RESOURCE) + " names a resource of a scenario " + names.apply(TriageField.FILE)
                    + "; without a file, use " + names.apply(TriageField.SERVICE));
        }
    }
}
