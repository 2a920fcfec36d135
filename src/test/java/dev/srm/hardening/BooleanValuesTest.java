package dev.srm.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property CloudFormation's schema declares Boolean is read as true or false in any case, and
 * as nothing else: {@code BlockPublicAcls: 1}, {@code "yes"} or {@code y} is neither, so the
 * controls that read it are UNKNOWN with evidence and a warning saying what was found, never
 * MISSING as if it were false (a HIGH finding for a bucket that may well block public ACLs).
 */
class BooleanValuesTest {
    @TempDir
    Path dir;

    private static final String BUCKET = """
            srm: 1
            id: audit-logs
            resources:
              - id: logs
                type: AWS::S3::Bucket
                configuration:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: %s
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """;

    private static final String CONTROL = "s3-block-public-access";

    private JsonNode evaluate(Path file) throws IOException {
        Run run = Run.of("evaluate", file.toString(), "--format", "json", "--fail-on", "none");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.clean()).as(run.toString()).isTrue();
        return new ObjectMapper().readTree(run.out());
    }

    private static JsonNode control(JsonNode evaluation, String resource) {
        for (JsonNode r : evaluation.path("resources")) {
            if (r.path("id").asText().equals(resource)) {
                for (JsonNode c : r.path("controls")) {
                    if (c.path("id").asText().equals(CONTROL)) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError(CONTROL + " not evaluated on " + resource);
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void a_number_or_a_word_for_a_boolean_in_a_scenario_is_unknown_with_a_warning_never_false() throws IOException {
        String[][] cases = {{"1", "1", "4"}, {"\"yes\"", "yes", "4"}, {"y", "y", "4"}, {"enabled", "enabled", "4"}};
        for (String[] c : cases) {
            Path file = dir.resolve("bucket-" + c[1] + ".yaml");
            Files.writeString(file, BUCKET.formatted(c[0]));
            JsonNode e = evaluate(file);
            JsonNode control = control(e, "logs");
            assertThat(control.path("status").asText()).as(c[0]).isEqualTo("UNKNOWN");
            assertThat(texts(control.path("evidence"))).as(c[0]).contains("UNKNOWN: PublicAccessBlockConfiguration.BlockPublicAcls = true"
                    + " cannot be decided: PublicAccessBlockConfiguration.BlockPublicAcls is ${unknown: expected true or false, found '"
                    + c[1] + "'}");
            assertThat(texts(e.path("warnings"))).as(c[0]).contains(file + ":" + c[2] + ": resource 'logs': AWS::S3::Bucket"
                    + " /PublicAccessBlockConfiguration/BlockPublicAcls: expected true or false, found '" + c[1]
                    + "'; controls that read it are UNKNOWN");
            assertThat(e.path("findings").findValuesAsText("rule")).as(c[0]).doesNotContain(CONTROL);
        }
    }

    @Test
    void true_and_false_in_any_case_and_in_json_are_read_as_they_are() throws IOException {
        for (String v : new String[] {"true", "TRUE", "True", "\"true\""}) {
            Path file = dir.resolve("on.yaml");
            Files.writeString(file, BUCKET.formatted(v));
            JsonNode e = evaluate(file);
            assertThat(control(e, "logs").path("status").asText()).as(v).isEqualTo("MET");
            assertThat(texts(e.path("warnings"))).as(v).noneMatch(w -> w.contains("expected true or false"));
        }
        Path off = dir.resolve("off.yaml");
        Files.writeString(off, BUCKET.formatted("False"));
        assertThat(control(evaluate(off), "logs").path("status").asText()).isEqualTo("MISSING");
        Path json = dir.resolve("bucket.json");
        Files.writeString(json, """
                {"srm": 1, "id": "audit-logs", "resources": [{"id": "logs", "type": "AWS::S3::Bucket", "configuration":
                  {"PublicAccessBlockConfiguration": {"BlockPublicAcls": 0, "BlockPublicPolicy": true, "IgnorePublicAcls": true,
                   "RestrictPublicBuckets": true}}}]}
                """);
        assertThat(control(evaluate(json), "logs").path("status").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void a_number_or_a_word_for_a_boolean_in_a_config_item_is_unknown_with_a_warning() throws IOException {
        String snapshot = Files.readString(Path.of("src/test/resources/config/snapshot-odd-items.json"))
                .replaceFirst("\"restrictPublicBuckets\": false", "\"restrictPublicBuckets\": true");
        for (String v : new String[] {"1", "\"yes\""}) {
            Path file = dir.resolve("snapshot.json");
            Files.writeString(file, snapshot.replaceFirst("\"blockPublicAcls\": true", "\"blockPublicAcls\": " + v));
            JsonNode e = evaluate(file);
            JsonNode control = control(e, "arn:aws:s3:::acme-audit-logs");
            String found = v.replace("\"", "");
            assertThat(control.path("status").asText()).as(v).isEqualTo("UNKNOWN");
            assertThat(texts(control.path("evidence"))).as(v).anyMatch(t -> t.contains("expected true or false, found '" + found + "'"));
            assertThat(texts(e.path("warnings"))).as(v).anyMatch(w -> w.startsWith(file + ":5: resource 'arn:aws:s3:::acme-audit-logs':"
                    + " AWS::S3::Bucket /PublicAccessBlockConfiguration/BlockPublicAcls: expected true or false, found '" + found + "'"));
        }
    }
}
