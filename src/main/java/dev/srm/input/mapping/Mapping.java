package dev.srm.input.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one source type becomes srm's configuration: a resource of a CloudFormation {@code type},
 * settings folded {@code into} another resource, and/or keys of the account block.
 *
 * @param source     the source type (a Terraform type, an AWS Config resource type)
 * @param type       the CloudFormation type of the resource it becomes, or null when it becomes none
 * @param into       the resources it folds into, each its own way (one, or an attachment's roles, users and groups); empty when none
 * @param when       conditions on the source for this mapping to apply (else the next one for the type)
 * @param copy       a source path whose object is the base of the configuration (already CloudFormation-shaped), or null
 * @param properties target property path (dotted) to how its value is found
 * @param account    account-block key path to how its value is found
 * @param keys       source attributes that identify the resource when another one refers to it
 * @param tags       the source path of the resource's tags, or null
 * @param origin     the mapping file it comes from, for messages
 */
public record Mapping(String source, String type, List<Fold> into, Spec.When when, SourcePath copy, Map<String, Spec> properties,
                      Map<String, Spec> account, List<String> keys, SourcePath tags, String origin) {
    public Mapping {
        Objects.requireNonNull(source, "source");
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        account = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(account));
        keys = List.copyOf(keys);
        into = into == null ? List.of() : List.copyOf(into);
        when = when == null ? Spec.When.ALWAYS : when;
    }

    /**
     * Settings of this resource belong to the resource of source type {@code target} that its
     * attribute {@code by} names; with {@code append}, its lists add to the target's (one rule
     * resource per security group rule), else they replace them (a bucket's encryption resource
     * states the whole encryption configuration). {@code target} may name several types, the first
     * of which the attribute names takes the settings ({@code aws_security_group, aws_default_security_group}).
     * {@code same}: attributes the target must share with this resource, where both show them (a stage's
     * method settings name the stage by name and its REST API by rest_api_id: two APIs' stages may share the name).
     */
    public record Fold(String target, SourcePath by, boolean append, List<String> same) {
        public Fold {
            same = same == null ? List.of() : List.copyOf(same);
        }

        /** The source types {@code target} names, in order. */
        public List<String> targets() {
            return alternatives(target);
        }
    }

    /** The source types a comma-separated list names ({@code to} of a reference, {@code resource} of a fold), in order. */
    public static List<String> alternatives(String types) {
        return java.util.Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Whether it becomes a resource of its own. */
    public boolean isResource() {
        return type != null;
    }
}
