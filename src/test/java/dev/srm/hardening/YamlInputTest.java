package dev.srm.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML is read as YAML defines it: anchors, aliases and merge keys stand for their values (never
 * for the alias's name), an alias bomb is refused with one line, and every document of a
 * stream is evaluated or the file refused, never dropped.
 */
class YamlInputTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            srm: 1
            id: public-access
            title: Access points behind a public access block
            resources:
            """;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    /** The JSON report of a file, with its name taken out so that two files can be compared. */
    private String report(Path file) {
        Run run = Run.of("evaluate", "--format", "json", "--fail-on", "none", file.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        // the files differ in layout on purpose: where each resource starts is not what is compared
        return run.out().replace(file.toString(), "FILE").replace(file.getFileName().toString(), "FILE")
                .replaceAll("\"line\": \\d+,", "\"line\": 0,");
    }

    /** "rule on resource" for every finding of a JSON report. */
    private static java.util.List<String> findings(String json) throws IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("findings")
                .forEach(f -> out.add(f.path("rule").asText() + " on " + f.path("resource").asText()));
        return out;
    }

    @Test
    void an_alias_reads_as_the_anchored_value_not_as_its_name() throws IOException {
        Path aliased = write("aliased.yaml", HEAD + """
                  - id: ap
                    type: AWS::S3::AccessPoint
                    configuration:
                      PublicAccessBlockConfiguration:
                        BlockPublicAcls: &on true
                        IgnorePublicAcls: *on
                        BlockPublicPolicy: *on
                        RestrictPublicBuckets: *on
                """);
        Path plain = write("plain.yaml", HEAD + """
                  - id: ap
                    type: AWS::S3::AccessPoint
                    configuration:
                      PublicAccessBlockConfiguration:
                        BlockPublicAcls: true
                        IgnorePublicAcls: true
                        BlockPublicPolicy: true
                        RestrictPublicBuckets: true
                """);
        String expected = report(plain);
        assertThat(findings(expected)).doesNotContain("s3-access-point-block-public-access on ap");
        assertThat(report(aliased)).isEqualTo(expected);
    }

    @Test
    void a_whole_configuration_can_be_an_alias_and_a_merge_key_merges_with_local_keys_winning() throws IOException {
        Path aliased = write("merge.yaml", HEAD + """
                  - id: ap-a
                    type: AWS::S3::AccessPoint
                    configuration: &conf
                      PublicAccessBlockConfiguration: &pab
                        BlockPublicAcls: true
                        IgnorePublicAcls: true
                        BlockPublicPolicy: true
                        RestrictPublicBuckets: true
                  - id: ap-b
                    type: AWS::S3::AccessPoint
                    configuration: *conf
                  - id: ap-c
                    type: AWS::S3::AccessPoint
                    configuration:
                      PublicAccessBlockConfiguration:
                        <<: *pab
                        BlockPublicPolicy: false
                """);
        Path plain = write("explicit.yaml", HEAD + """
                  - id: ap-a
                    type: AWS::S3::AccessPoint
                    configuration:
                      PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
                  - id: ap-b
                    type: AWS::S3::AccessPoint
                    configuration:
                      PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true}
                  - id: ap-c
                    type: AWS::S3::AccessPoint
                    configuration:
                      PublicAccessBlockConfiguration: {BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: true}
                """);
        String expected = report(plain);
        assertThat(findings(expected)).contains("s3-access-point-block-public-access on ap-c")
                .doesNotContain("s3-access-point-block-public-access on ap-a", "s3-access-point-block-public-access on ap-b");
        assertThat(report(aliased)).isEqualTo(expected);
    }

    @Test
    void an_alias_to_no_anchor_is_one_line_with_the_place() throws IOException {
        Path f = write("dangling.yaml", HEAD + """
                  - id: ap
                    type: AWS::S3::AccessPoint
                    configuration: *nowhere
                """);
        Run run = Run.of("evaluate", f.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).containsExactly(
                "srm: " + f + ":7:20: /resources/0/configuration: YAML alias *nowhere names no anchor &nowhere defined before it in this document");
    }

    @Test
    void an_alias_bomb_is_refused_with_one_line() throws IOException {
        StringBuilder b = new StringBuilder(HEAD).append("  - id: bomb\n    service: S3\n    configuration:\n");
        b.append("      l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("      l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            b.append("]\n");
        }
        Path f = write("bomb.yaml", b.toString());
        long start = System.nanoTime();
        Run run = Run.of("evaluate", f.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).hasSize(1);
        assertThat(run.err()).contains("YAML aliases expand to more than 1000000 values, srm's limit (an alias bomb?)");
        assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
    }

    @Test
    void every_document_of_a_yaml_stream_is_evaluated() throws IOException {
        Path f = write("two.yaml", """
                srm: 1
                id: first-document
                resources:
                  - {id: bucket, type: AWS::S3::Bucket}
                ---
                srm: 1
                id: second-document
                resources:
                  - {id: table, type: AWS::DynamoDB::Table}
                """);
        Run run = Run.of("evaluate", "--fail-on", "none", f.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("[first-document]", "[second-document]");
    }

    @Test
    void a_broken_later_document_fails_the_file_and_names_the_document() throws IOException {
        Path f = write("broken-second.yaml", """
                srm: 1
                id: first-document
                resources:
                  - {id: bucket, type: AWS::S3::Bucket}
                ---
                srm: 1
                id: second-document
                resources: 5
                """);
        Run run = Run.of("evaluate", f.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).containsExactly(
                "srm: " + f + ":8:1: YAML document 2 of 2: /resources: integer found, array expected");
    }

    @Test
    void a_yaml_tag_is_refused_with_one_line_never_read_as_the_text_after_it() throws IOException {
        String intrinsic = "write the value itself (CloudFormation's intrinsic functions, such as !Ref, belong in templates)";
        String core = "write the value itself (quote it to make it text)";
        String[][] cases = {
                {"!Ref Enabled", "!Ref", intrinsic},
                {"!python/object:os.system Enabled", "!python/object:os.system", intrinsic},
                {"!!int Enabled", "!!int", core},
                {"!!bool Enabled", "!!bool", core},
                {"!!str Enabled", "!!str", core},
        };
        for (String[] c : cases) {
            Path f = write("tagged.yaml", HEAD + """
                      - id: logs
                        type: AWS::S3::Bucket
                        configuration:
                          VersioningConfiguration:
                            Status: %s
                    """.formatted(c[0]));
            Run run = Run.of("evaluate", f.toString());
            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.clean()).as(run.toString()).isTrue();
            assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: " + f + ":9:17:"
                    + " /resources/0/configuration/VersioningConfiguration/Status: a YAML tag (" + c[1] + ") is not allowed in a scenario; "
                    + c[2]);
        }
    }

    @Test
    void a_tag_on_a_mapping_a_list_or_a_key_is_refused_as_well() throws IOException {
        Path onMap = write("tagged-map.yaml", HEAD + """
                  - id: logs
                    type: AWS::S3::Bucket
                    configuration: !Sub
                      VersioningConfiguration: {Status: Enabled}
                """);
        Path onList = write("tagged-list.yaml", HEAD.replace("resources:", "resources: !!seq") + """
                  - {id: logs, type: AWS::S3::Bucket}
                """);
        Path onKey = write("tagged-key.yaml", HEAD + """
                  - id: logs
                    type: AWS::S3::Bucket
                    configuration:
                      !Sub VersioningConfiguration: {Status: Enabled}
                """);
        for (Path f : new Path[] {onMap, onList, onKey}) {
            Run run = Run.of("evaluate", f.toString());
            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.srmLines()).as(run.toString()).singleElement().asString()
                    .startsWith("srm: " + f + ":").contains("a YAML tag (!").contains(") is not allowed in a scenario");
        }
    }
}
