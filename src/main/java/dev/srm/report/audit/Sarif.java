package dev.srm.report.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

/** The SARIF 2.1.0 objects {@code audit.sarif} writes, as records with the members in the order written; a null optional member is left out. */
final class Sarif {
    private Sarif() {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String fullName, List<Rule> rules) {
    }

    record Rule(String id, Message shortDescription, Message fullDescription, @JsonInclude(NON_NULL) String helpUri, Help help,
                @JsonInclude(NON_NULL) Configuration defaultConfiguration, RuleProperties properties) {
    }

    record Message(String text) {
    }

    record Help(String text, String markdown) {
    }

    record Configuration(String level) {
    }

    record RuleProperties(List<String> tags,
                          @JsonProperty("security-severity") @JsonInclude(NON_NULL) String securitySeverity,
                          @JsonInclude(NON_NULL) String severity, String kind, List<String> securityHub, List<String> configRules,
                          List<String> integrations) {
    }

    record Result(String ruleId, @JsonInclude(NON_NULL) Integer ruleIndex, String level, Message message, List<Location> locations,
                  Fingerprints partialFingerprints, @JsonInclude(NON_NULL) List<Suppression> suppressions,
                  @JsonInclude(NON_NULL) String baselineState, ResultProperties properties) {
    }

    /** A waiver in force: the finding is accepted outside the code ({@code kind: external}). */
    record Suppression(String kind, String status, String justification) {
    }

    /** Where a result or a notification is: a physical location when there is a file, logical locations for results. */
    record Location(@JsonInclude(NON_NULL) PhysicalLocation physicalLocation,
                    @JsonInclude(NON_NULL) List<LogicalLocation> logicalLocations) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, @JsonInclude(NON_NULL) Region region) {
    }

    /** A relative path as a URI reference against {@code %SRCROOT%}, or an absolute file URI (no base). */
    record ArtifactLocation(String uri, @JsonInclude(NON_NULL) String uriBaseId) {
    }

    record Region(int startLine, @JsonInclude(NON_NULL) Integer startColumn) {
    }

    record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }

    record Fingerprints(@JsonProperty("srmFinding/v1") String srmFinding, @JsonProperty("srmFingerprint/v1") @JsonInclude(NON_NULL) String srmFingerprint) {
    }

    record ResultProperties(String scenario, String resource, String owner, String layer, String layerParty, String severity,
                            String status, @JsonInclude(NON_NULL) Waiver waiver, Origin origin) {
    }

    /** Where the resource of a result was read from: {@code describe} for people, then what the input gave. */
    @JsonInclude(NON_NULL)
    record Origin(String describe, String pointer, String address, String arn, String capturedAt, String account, String region) {
    }

    /** The waiver that matched a finding (also when expired). */
    record Waiver(String owner, String expires, String state, @JsonInclude(NON_NULL) String ticket, String reason, String origin) {
    }

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    record Notification(String level, Message message, @JsonInclude(NON_NULL) List<Location> locations) {
    }
}
