package dev.srm.input.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stage an {@code AWS::ApiGateway::Deployment} creates when it names one: "StageName: The name
 * of the Stage resource for the Deployment resource to create", with "StageDescription: The
 * description of the Stage resource for the Deployment resource to create"
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-deployment.html).
 * That stage is as real as an {@code AWS::ApiGateway::Stage} and Security Hub's stage controls
 * judge it, so srm reads it as one: the description's stage properties keep their names, and its
 * settings for every method ({@code LoggingLevel}, {@code CacheDataEncrypted}, ...) become the
 * first {@code MethodSettings} element, for resource path {@code /*} and method {@code *}, as
 * API Gateway stores them.
 */
final class DeploymentStage {
    static final String DEPLOYMENT = "AWS::ApiGateway::Deployment";

    /** StageDescription properties that are the stage's own (AWS::ApiGateway::Stage has them under the same names). */
    private static final List<String> STAGE_PROPERTIES = List.of("AccessLogSetting", "CacheClusterEnabled", "CacheClusterSize",
            "CanarySetting", "ClientCertificateId", "Description", "DocumentationVersion", "TracingEnabled", "Variables", "Tags");
    /** StageDescription properties that apply to every method: a MethodSetting's fields. */
    private static final Set<String> EVERY_METHOD = Set.of("CacheDataEncrypted", "CacheTtlInSeconds", "CachingEnabled",
            "DataTraceEnabled", "LoggingLevel", "MetricsEnabled", "ThrottlingBurstLimit", "ThrottlingRateLimit");

    /** What the stage controls read, left undecided by a StageDescription srm cannot decide. */
    private static final List<String> UNDECIDED = List.of("AccessLogSetting", "CacheClusterEnabled", "ClientCertificateId",
            "MethodSettings", "TracingEnabled");

    private DeploymentStage() {
    }

    /**
     * The stage the deployment {@code r} (its properties resolved: {@code props}) creates, named
     * {@code stageId}, or null when it names no stage. SAM's deployment of an AWS::Serverless::Api
     * names the stage {@code Stage} (besides the API's own StageName) unless OpenApiVersion is set,
     * and that stage, with API Gateway's defaults, is real too.
     */
    static Template.Resource of(Template.Resource r, Node props, String stageId) {
        if (!r.type().equals(DEPLOYMENT) || !(props instanceof Node.Obj deployment) || deployment.get("StageName") == null
                || deployment.get("StageName") instanceof Node.Absent) {
            return null;
        }
        Map<String, Node> stage = new LinkedHashMap<>();
        Map<String, Node.Pos> keys = new LinkedHashMap<>();
        copy(deployment, "RestApiId", stage, keys);
        stage.put("DeploymentId", new Node.Scalar(r.id(), r.pos()));
        copy(deployment, "StageName", stage, keys);
        if (deployment.get("StageDescription") instanceof Node.Obj description) {
            for (String p : STAGE_PROPERTIES) {
                copy(description, p, stage, keys);
            }
            Map<String, Node> everyMethod = new LinkedHashMap<>();
            Map<String, Node.Pos> everyMethodKeys = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : description.entries().entrySet()) {
                if (EVERY_METHOD.contains(e.getKey())) {
                    everyMethod.put(e.getKey(), e.getValue());
                    everyMethodKeys.put(e.getKey(), description.keyPos(e.getKey()));
                }
            }
            List<Node> methods = new ArrayList<>();
            if (!everyMethod.isEmpty()) {
                Map<String, Node> all = new LinkedHashMap<>();
                all.put("ResourcePath", Node.Scalar.of("/*"));
                all.put("HttpMethod", Node.Scalar.of("*"));
                all.putAll(everyMethod);
                methods.add(new Node.Obj(all, everyMethodKeys, description.pos()));
            }
            Node listed = description.get("MethodSettings");
            if (listed instanceof Node.Seq seq) {
                methods.addAll(seq.items());
            } else if (listed != null && methods.isEmpty()) {
                methods = null; // undecided or malformed: kept as written
                stage.put("MethodSettings", listed);
                keys.put("MethodSettings", description.keyPos("MethodSettings"));
            }
            if (methods != null && !methods.isEmpty()) {
                stage.put("MethodSettings", new Node.Seq(methods, description.pos()));
                keys.put("MethodSettings", description.pos());
            }
        } else if (deployment.get("StageDescription") instanceof Node.Unknown undecided) {
            for (String p : UNDECIDED) { // a description srm cannot decide leaves each setting the controls read undecided
                stage.put(p, undecided);
                keys.put(p, deployment.keyPos("StageDescription"));
            }
        }
        return new Template.Resource(stageId, "AWS::ApiGateway::Stage", new Node.Obj(stage, keys, r.pos()), r.condition(), List.of(),
                Template.EMPTY, r.pos(), "the stage " + (deployment.get("StageName") instanceof Node.Scalar n && n.text() != null
                        ? "'" + n.text() + "' " : "") + "that AWS::ApiGateway::Deployment " + r.id() + " creates"
                        + (deployment.get("StageDescription") == null ? ", with API Gateway's defaults (no StageDescription)"
                        : ", configured by its StageDescription"));
    }

    private static void copy(Node.Obj from, String key, Map<String, Node> to, Map<String, Node.Pos> keys) {
        Node v = from.get(key);
        if (v != null) {
            to.put(key, v);
            keys.put(key, from.keyPos(key));
        }
    }
}
