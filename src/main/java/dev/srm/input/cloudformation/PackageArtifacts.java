package dev.srm.input.cloudformation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The properties {@code aws cloudformation package} (and {@code sam package}) fill in: a template
 * written for packaging names a local file or directory ({@code Code: ./src}) or an
 * {@code s3://bucket/key} URL where CloudFormation expects an S3 location object, and the command
 * uploads the file and writes the object. srm reads the template as written: an {@code s3://} URL
 * becomes the object it names, a local path an object whose bucket and key are unknown (the
 * bucket is the one given to the command), so that neither reads as a malformed property.
 * Properties that take a URL as a string ({@code TemplateURL}, AppSync's {@code ...S3Location},
 * Glue's {@code ScriptLocation}) are left as written.
 */
final class PackageArtifacts {
    private PackageArtifacts() {
    }

    /** A packageable object property: its path under Properties and the names of its bucket and key fields. */
    private record Artifact(List<String> path, String bucket, String key) {
    }

    private static final Map<String, Artifact> ARTIFACTS = Map.of(
            "AWS::Lambda::Function", new Artifact(List.of("Code"), "S3Bucket", "S3Key"),
            "AWS::Lambda::LayerVersion", new Artifact(List.of("Content"), "S3Bucket", "S3Key"),
            "AWS::ApiGateway::RestApi", new Artifact(List.of("BodyS3Location"), "Bucket", "Key"),
            "AWS::StepFunctions::StateMachine", new Artifact(List.of("DefinitionS3Location"), "Bucket", "Key"),
            "AWS::ElasticBeanstalk::ApplicationVersion", new Artifact(List.of("SourceBundle"), "S3Bucket", "S3Key"),
            "AWS::CodeCommit::Repository", new Artifact(List.of("Code", "S3"), "Bucket", "Key"));

    /** The resolved properties with a packageable property written as a path or URL turned into its S3 location. */
    static Node packaged(String type, Node props) {
        Artifact a = ARTIFACTS.get(type);
        return a == null ? props : at(props, a, 0);
    }

    private static Node at(Node n, Artifact a, int depth) {
        if (!(n instanceof Node.Obj o) || o.get(a.path().get(depth)) == null) {
            return n;
        }
        String name = a.path().get(depth);
        Node value = o.get(name);
        Node replaced = depth + 1 < a.path().size() ? at(value, a, depth + 1) : location(value, a);
        if (replaced == value) {
            return n;
        }
        Map<String, Node> m = new LinkedHashMap<>(o.entries());
        m.put(name, replaced);
        return new Node.Obj(m, o.keys(), o.pos());
    }

    private static Node location(Node value, Artifact a) {
        if (!(value instanceof Node.Scalar s) || s.text() == null || s.text().isBlank()) {
            return value;
        }
        String text = s.text().trim();
        Map<String, Node> m = new LinkedHashMap<>();
        if (text.startsWith("s3://")) {
            String rest = text.substring(5);
            int slash = rest.indexOf('/');
            m.put(a.bucket(), new Node.Scalar(slash < 0 ? rest : rest.substring(0, slash), s.pos()));
            m.put(a.key(), new Node.Scalar(slash < 0 ? "" : rest.substring(slash + 1), s.pos()));
        } else if (text.contains("://")) {
            return value; // not a location the command packages: left for the schema check to report
        } else {
            Node unknown = new Node.Unknown("the local path '" + text + "', which aws cloudformation package (or sam package)"
                    + " uploads to the S3 bucket it is given and replaces with that location", s.pos());
            m.put(a.bucket(), unknown);
            m.put(a.key(), unknown);
        }
        return Node.Obj.of(m, s.pos());
    }
}
