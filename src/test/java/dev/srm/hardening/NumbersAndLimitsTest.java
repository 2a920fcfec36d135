package dev.srm.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers no reader can use and inputs over the parser's limits: one line in srm's words, with the place. */
class NumbersAndLimitsTest {
    @TempDir
    Path dir;

    private Run evaluate(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return Run.of("evaluate", p.toString());
    }

    private void assertOneLine(Run run, String name, String rest) {
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.err()).doesNotContain("NumberFormat", "StreamReadConstraints", "exceeds the maximum allowed");
        assertThat(run.srmLines()).as(run.toString()).containsExactly("srm: " + dir.resolve(name) + ":" + rest);
    }

    private static final String OUT_OF_RANGE = ": number out of range (infinite or not a number, e.g. 1e400 or .inf); "
            + "expected a finite number, or quote it to make it a string";

    @Test
    void an_infinite_format_version_is_one_line() throws IOException {
        assertOneLine(evaluate("version.yaml", "srm: 1e400\nid: x\nresources: []\n"), "version.yaml", "1:1: /srm" + OUT_OF_RANGE);
        assertOneLine(evaluate("version.json", "{\"srm\": 1e400, \"id\": \"x\", \"resources\": []}"), "version.json",
                "1:2: /srm" + OUT_OF_RANGE);
    }

    @Test
    void an_infinite_enum_value_is_one_line() throws IOException {
        assertOneLine(evaluate("inventory.yaml", "srm: 1\nid: x\ninventory: 1e400\nresources: []\n"), "inventory.yaml",
                "3:1: /inventory" + OUT_OF_RANGE);
        assertOneLine(evaluate("nan.yaml", "srm: 1\nid: x\ninventory: .nan\nresources: []\n"), "nan.yaml",
                "3:16: a number srm cannot read ('.nan'); expected a finite number, or quote it to make it a string");
    }

    @Test
    void an_infinite_expectation_or_setting_is_one_line() throws IOException {
        assertOneLine(evaluate("expect.yaml", """
                srm: 1
                id: x
                resources:
                  - id: logs
                    type: AWS::S3::Bucket
                    configuration: {ObjectLockEnabled: 1e999}
                """), "expect.yaml", "6:21: /resources/0/configuration/ObjectLockEnabled" + OUT_OF_RANGE);
        assertOneLine(evaluate("share.yaml", """
                srm: 1
                id: x
                resources:
                  - {id: logs, type: AWS::S3::Bucket}
                expect:
                  customerShare: {logs: -.inf}
                """), "share.yaml", "6:30: a number srm cannot read ('-.inf'); expected a finite number, or quote it to make it a string");
    }

    @Test
    void a_one_megabyte_key_is_one_line_with_the_place() throws IOException {
        String key = "k".repeat(1024 * 1024);
        Run run = evaluate("key.json", "{\"srm\": 1, \"id\": \"x\",\n \"" + key + "\": 1, \"resources\": []}");
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).hasSize(1);
        assertThat(run.srmLines().get(0)).startsWith("srm: " + dir.resolve("key.json") + ":2:")
                .endsWith(": a key longer than 50000 characters, srm's limit for a key");
    }

    @Test
    void ten_thousand_levels_of_nesting_is_one_line_with_the_place() throws IOException {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        for (String name : new String[] {"deep.json", "deep.yaml"}) {
            Run run = evaluate(name, "{\"srm\": 1, \"id\": \"x\", \"resources\": [],\n \"account\": " + deep + "}");
            assertThat(run.code()).as(run.toString()).isEqualTo(3);
            assertThat(run.clean()).as(run.toString()).isTrue();
            assertThat(run.srmLines()).as(run.toString()).hasSize(1);
            assertThat(run.srmLines().get(0)).as(run.toString()).startsWith("srm: " + dir.resolve(name) + ":2:")
                    .contains("nested more than", "levels deep, srm's limit; flatten the structure");
        }
    }

    @Test
    void a_huge_number_literal_is_one_line_with_the_place() throws IOException {
        Run run = evaluate("number.json", "{\"srm\": 1, \"id\": \"x\",\n \"resources\": " + "9".repeat(5000) + "}");
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.clean()).as(run.toString()).isTrue();
        assertThat(run.srmLines()).as(run.toString()).hasSize(1);
        assertThat(run.srmLines().get(0)).startsWith("srm: " + dir.resolve("number.json") + ":2:")
                .endsWith(": a number of more than 1000 characters, srm's limit for a number");
    }
}
