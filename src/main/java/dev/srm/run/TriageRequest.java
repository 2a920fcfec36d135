package dev.srm.run;

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
public record TriageRequest(Path file, boolean asff, String id, String resource, String service, String kind, String layer,
                            String summary, String detectedBy, List<String> config, String ownerTag) {
    public TriageRequest {
        config = config == null ? List.of() : List.copyOf(config);
    }

    /** True when no flag that describes an incident was given. */
    boolean noIncidentFlags() {
        return id == null && resource == null && service == null && kind == null && layer == null && summary == null
                && detectedBy == null && config.isEmpty();
    }
}
