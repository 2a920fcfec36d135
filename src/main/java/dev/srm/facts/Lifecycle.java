package dev.srm.facts;

import java.util.List;
import java.util.Objects;

/**
 * One lifecycle file of the pack ({@code catalog/lifecycle/*.yaml}): the resources it judges
 * ({@code types}), the property holding their version and, where versions are per engine, the
 * property naming the engine; the duties that move to the customer past a version's end of
 * support (one, or several: a Lambda runtime's OS and language runtime), the control that fails then, and the AWS page that states the dates.
 * {@code engines} are the engines its versions name (empty without {@code engineProperty}).
 */
public record Lifecycle(String id, String service, List<String> types, String property, String engineProperty,
                        List<String> engines, Match match, List<String> duties, String control, String source, String origin) {
    /** How a version entry is compared with a resource's value. */
    public enum Match {
        /** The value equals the entry. */
        EXACT,
        /** The entry is a prefix of the value ending at a component boundary ({@code .}, {@code -}, {@code _} or the end). */
        PREFIX,
        /** The entry is a regular expression the whole value must match. */
        PATTERN
    }

    public Lifecycle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(match, "match");
        duties = List.copyOf(duties);
        if (duties.isEmpty()) {
            throw new IllegalArgumentException("a lifecycle moves at least one duty");
        }
        Objects.requireNonNull(control, "control");
        types = List.copyOf(types);
        engines = List.copyOf(engines);
    }

    /** Whether resources of this CloudFormation type are judged by this file. */
    public boolean covers(String type) {
        return type != null && types.contains(type);
    }

    /** Whether the file has versions of this engine (engine names compared ignoring case, as RDS does). */
    public boolean hasEngine(String engine) {
        return engine != null && engines.stream().anyMatch(e -> e.equalsIgnoreCase(engine.strip()));
    }
}
