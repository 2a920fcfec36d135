package dev.srm.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.srm.run.ScenarioFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a JSON pointer starts in the text, the place every input error and waiver names. */
class LocatorTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory YAML = new YAMLFactory();

    private static final String STREAM = """
            srm: 1
            id: payments
            resources:
              - id: ledger-db
                type: AWS::RDS::DBInstance
                configuration: {Engine: postgres, StorageEncrypted: true}
              - id: receipts
                type: AWS::S3::Bucket
            ---
            srm: 1
            id: payments-eu
            resources:
              - id: receipts-eu
                type: AWS::S3::Bucket
                configuration:
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault: {SSEAlgorithm: "aws:kms"}
            """;

    @Test
    void each_document_of_a_yaml_stream_has_its_own_places() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);

        assertThat(places(Locator.locate(YAML, bytes, p -> p.startsWith("/resources/"), 0, 2)))
                .isEqualTo(Map.of("/resources/0", "4:5", "/resources/1", "7:5"));
        assertThat(places(Locator.locate(YAML, bytes, p -> p.startsWith("/resources/"), 1, 2)))
                .isEqualTo(Map.of("/resources/0", "13:5"));
        assertThat(places(Locator.locate(YAML, bytes, p -> p.startsWith("/resources/0/configuration/"), 1)))
                .containsEntry("/resources/0/configuration/BucketEncryption", "16:7")
                .containsEntry("/resources/0/configuration/BucketEncryption/ServerSideEncryptionConfiguration/0", "18:13");
        assertThat(Locator.find(YAML, bytes, "/resources/0/configuration/BucketEncryption/ServerSideEncryptionConfiguration/0"
                + "/ServerSideEncryptionByDefault/KMSMasterKeyID", 1)).as("the nearest ancestor that is there").containsExactly(18, 13);
    }

    @Test
    void a_pass_limited_in_depth_finds_every_shallow_place_the_full_pass_finds_in_every_bundled_scenario() throws Exception {
        List<Path> files = ScenarioFiles.expand(List.of(Path.of("scenarios"))).files();
        assertThat(files).hasSizeGreaterThan(200);
        int compared = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            JsonFactory factory = f.toString().endsWith(".json") ? JSON : YAML;
            for (int depth = 1; depth <= 4; depth++) {
                int d = depth;
                Map<String, String> full = places(Locator.locate(factory, bytes, p -> segments(p) <= d, -1));
                assertThat(places(Locator.locate(factory, bytes, p -> true, -1, depth))).as("%s to depth %d", f, depth).isEqualTo(full);
                compared += full.size();
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    private static int segments(String pointer) {
        return (int) pointer.chars().filter(c -> c == '/').count();
    }

    private static Map<String, String> places(Map<String, int[]> located) {
        Map<String, String> out = new TreeMap<>();
        located.forEach((k, v) -> out.put(k, v[0] + ":" + v[1]));
        return out;
    }
}
