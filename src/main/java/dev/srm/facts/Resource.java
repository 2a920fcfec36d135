package dev.srm.facts;

import java.util.Map;
import java.util.Objects;

/**
 * A resource of a scenario. {@code service} is the catalogue's canonical service name, or
 * null when the catalogue does not know the service; {@code type} is the CloudFormation type
 * given or implied, or null.
 */
public record Resource(String id, String service, String type, Map<String, String> tags) {
    /** The pseudo-resource that holds account-wide settings and controls. */
    public static final String ACCOUNT = "account";

    public Resource {
        Objects.requireNonNull(id, "id");
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    }

    public boolean known() {
        return service != null;
    }

    public String tag(String key) {
        return tags.get(key);
    }
}
