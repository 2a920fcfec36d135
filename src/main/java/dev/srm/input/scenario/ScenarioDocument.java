package dev.srm.input.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * A scenario file as srm writes one (srm import's files, srm matrix's synthetic resources): the
 * fields of docs/scenario.schema.json in its order, the absent ones left out (an empty account,
 * tags or configuration too; an empty list of resources stays, the schema requires it). What srm
 * reads back goes through {@link ScenarioReader} like any other file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"srm", "id", "title", "description", "inventory", "account", "resources"})
public record ScenarioDocument(int srm, String id, String title, String description, String inventory,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) ObjectNode account, List<Resource> resources) {
    /** The version of the scenario format srm writes. */
    public static final int VERSION = 1;

    public ScenarioDocument {
        resources = List.copyOf(resources);
    }

    /**
     * A resource: its id, CloudFormation type or service name, tags, configuration and the paths
     * whose value or absence the configuration gives whole ({@code stated}, for a partial inventory).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "type", "service", "tags", "configuration", "stated"})
    public record Resource(String id, String type, String service, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) ObjectNode configuration,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> stated) {
        public Resource(String id, String type, String service, Map<String, String> tags, ObjectNode configuration) {
            this(id, type, service, tags, configuration, List.of());
        }
    }
}
