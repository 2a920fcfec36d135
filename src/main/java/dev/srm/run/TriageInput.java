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

    /**
     * The checks that need no rule pack: something to triage, no empty value, KEY=VALUE
     * settings, and a resource only with a file. Cheap, so a command runs them first.
     */
    public void validate() throws TriageException {
        if (file == null && noIncidentFlags()) {
            throw TriageException.usage("nothing to triage: give a scenario FILE with an incident block, an ASFF findings FILE,"
                    + " or --service and --kind");
        }
        String[][] flags = {{"--id", id}, {"--resource", resource}, {"--service", service}, {"--kind", kind}, {"--layer", layer},
                {"--summary", summary}, {"--detected-by", detectedBy}, {"--owner-tag", ownerTag}};
        for (String[] f : flags) {
            if (f[1] != null && f[1].isBlank()) {
                throw TriageException.usage(f[0] + " is empty; give it a value or leave it out");
            }
        }
        for (String c : config) {
            int eq = c.indexOf('=');
            if (eq <= 0 || c.substring(0, eq).isBlank()) {
                throw TriageException.usage("--config '" + c + "' is not KEY=VALUE (e.g. --config Engine=custom-oracle-ee)");
            }
        }
        if (file == null && resource != null) {
            throw TriageException.usage("--resource names a resource of a scenario FILE; without a file, use --service");
        }
    }
}
