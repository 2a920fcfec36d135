package dev.srm.input.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * How one target property gets its value: copied from a source path (with a conversion and a
 * table of values), built once per element of a source list, a constant, or a reference to
 * another resource. Each may carry a {@link When} that must hold in the current scope.
 */
public sealed interface Spec permits Spec.Copy, Spec.Each, Spec.Const, Spec.Ref {
    When when();

    /**
     * Copies the first value the path selects; {@code as} converts it, {@code map} then translates it.
     * {@code unsetAbsent} ({@code unset: absent}): a value known only after apply that the configuration
     * does not set is what AWS gives a property CloudFormation leaves out (a key the service's AWS
     * managed key stands in for): not set, and stated.
     */
    record Copy(SourcePath from, Conversion as, Map<String, JsonNode> map, JsonNode otherwise, When when, boolean unsetAbsent) implements Spec {
        public Copy {
            map = map == null ? Map.of() : Map.copyOf(map);
        }

        public Copy(SourcePath from, Conversion as, Map<String, JsonNode> map, JsonNode otherwise, When when) {
            this(from, as, map, otherwise, when, false);
        }
    }

    /**
     * A list with one element per node the paths select (a list the path selects counts by its
     * elements; {@code as: json} first parses a list held in a string), each built by
     * {@code properties} (or {@code value}) in that node's scope. {@code whole}: no other resource
     * adds to the list, so the source states it whole, an element it lacks included (an Elastic
     * Beanstalk environment's option settings); otherwise only what every element states is stated.
     * {@code unsetAbsent} ({@code unset: absent}): a list known only after apply that the configuration does not set
     * (a load balancer's subnet_mapping, computed from its subnets) is what AWS gives a property CloudFormation leaves
     * out: not set, and stated, as for a {@link Copy}.
     */
    record Each(List<SourcePath> over, Conversion as, Map<String, Spec> properties, Spec value, When when, boolean whole,
                boolean unsetAbsent) implements Spec {
        public Each {
            over = List.copyOf(over);
            properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        }

        public Each(List<SourcePath> over, Conversion as, Map<String, Spec> properties, Spec value, When when, boolean whole) {
            this(over, as, properties, value, when, whole, false);
        }
    }

    /** A fixed value. */
    record Const(JsonNode value, When when) implements Spec {
    }

    /**
     * The srm id of the resource of type {@code to} that the value at the path names (the reader resolves it);
     * {@code as: list} makes it the one element of a list (a queue policy's one queue URL is CloudFormation's Queues).
     * {@code as: elements} ({@code elements}): a list each element of which may name a resource on its own (an
     * association's target instance ids): each element that names one becomes its srm id, the others stay as they are.
     */
    record Ref(SourcePath from, String to, When when, boolean unsetAbsent, boolean asList, boolean elements) implements Spec {
        public Ref(SourcePath from, String to, When when, boolean unsetAbsent, boolean asList) {
            this(from, to, when, unsetAbsent, asList, false);
        }
    }

    /** Conditions on source values in the current scope, all of which must hold: a path and the values it may have. */
    record When(Map<SourcePath, List<String>> conditions) {
        public static final When ALWAYS = new When(Map.of());

        public When {
            conditions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(conditions));
        }

        /**
         * Whether every condition holds: the value is one of those listed ({@code null}: absent,
         * {@code "*"}: any value, {@code "alias/aws/*"}: any value that starts so, {@code "!InstanceIds"}:
         * any value but that one). A path that selects several values
         * ({@code grantList[grantee=AllUsers].permission}) holds when any of them is listed; it is absent
         * when it selects none.
         */
        public boolean holds(Scope scope) {
            for (Map.Entry<SourcePath, List<String>> c : conditions.entrySet()) {
                List<SourcePath.Match> found = c.getKey().select(scope);
                List<String> wanted = c.getValue();
                boolean holds = found.isEmpty() ? wanted.contains(null)
                        : found.stream().anyMatch(m -> matches(wanted, m.node().asText()));
                if (!holds) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A listed value: {@code "*"} any value, {@code "alias/aws/*"} any value that starts so, {@code "!x"} any value
         * but {@code x}, else the value itself.
         */
        private static boolean matches(List<String> wanted, String value) {
            for (String w : wanted) {
                if (w != null && w.startsWith("!") && w.length() > 1) {
                    if (!w.substring(1).equals(value)) {
                        return true;
                    }
                } else if (w != null && (w.equals(value) || w.endsWith("*") && value.startsWith(w.substring(0, w.length() - 1)))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a value a condition reads is unknown (so whether it holds is unknown too). */
        public boolean unknown(Scope scope) {
            for (SourcePath p : conditions.keySet()) {
                List<SourcePath.Match> found = p.select(scope);
                if (!found.isEmpty() && Unknown.is(found.get(0).node())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Value conversions a mapping can ask for. */
    enum Conversion {
        /** As it is: a scalar, or a whole subtree. */
        NONE,
        /** A JSON document held in a string (a policy) becomes the document. */
        JSON,
        /** The text "true"/"false" (any case) becomes a boolean. */
        BOOL,
        /** The negation of a boolean. */
        NOT,
        /** A number held in a string becomes the number. */
        NUMBER,
        /** Any scalar becomes its text. */
        STRING,
        /** A scalar becomes a one-element list; a list stays. */
        LIST,
        /**
         * A comma-separated text becomes the list of its parts, trimmed, the empty ones left out (AWS Config
         * gives an Auto Scaling group's subnets as {@code "subnet-a,subnet-b"}); a list stays.
         */
        CSV,
        /** A map of tags {k: v} becomes [{Key: k, Value: v}], as CloudFormation writes tags. */
        TAGS,
        /** True when a value is present and not empty. */
        PRESENT,
        /** The number of elements of a list (0 when absent). */
        COUNT,
        /**
         * The ARN of what holds the resource an ARN names, whose path ends in
         * {@code /<kind>/<name>}: an API's stage {@code .../apis/a1b2/stages/prod} gives the API
         * {@code .../apis/a1b2}. A value that is not such an ARN is not read.
         */
        HOLDER,
        /**
         * The resource part of an API Gateway method path {@code <resource path>/<HTTP method>}
         * (Terraform's {@code method_path}, the leading slash left out) as CloudFormation writes a
         * method setting's ResourcePath: {@code orders/items/GET} gives {@code /~1orders~1items},
         * {@code *}{@code /*} gives {@code /*}. A value without a method part is not read.
         */
        METHOD_RESOURCE_PATH,
        /** The HTTP method of such a method path: {@code orders/GET} gives {@code GET}, {@code *}{@code /*} gives {@code *}. */
        METHOD_HTTP_METHOD,
        /**
         * Of a reference only: a list each element of which names a resource on its own ({@link Ref#elements}); an
         * element that names none, or that the input does not show, stays as it is.
         */
        ELEMENTS
    }
}
