package dev.srm.hardening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input text never reaches a terminal raw: no line break forges an {@code srm:} line, no ANSI
 * sequence (clear screen, window title) and no bidi override arrives; one test per channel.
 */
class TerminalSafetyTest {
    @TempDir
    Path dir;

    private static final String FORGED = "\\nsrm: forged: all clear\\r\\u001b[2J\\u001b]0;pwned\\u0007\\u202eevil";

    private static void assertSafe(String channel) {
        assertThat(channel.lines()).noneMatch(l -> l.startsWith("srm: forged"));
        assertThat(channel).doesNotContain("\u001b", "\u0007", "\r", "\u202e");
    }

    @Test
    void a_title_in_the_text_report() throws IOException {
        Path f = dir.resolve("title.yaml");
        Files.writeString(f, "srm: 1\nid: x\ntitle: \"Bucket" + FORGED + "\"\nresources:\n  - {id: logs, type: AWS::S3::Bucket}\n");
        Run run = Run.of("evaluate", "--fail-on", "none", f.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("== Bucket srm: forged: all clear");
        assertSafe(run.out());
        assertSafe(run.err());
    }

    @Test
    void a_service_name_in_a_warning() throws IOException {
        Path f = dir.resolve("service.yaml");
        Files.writeString(f, "srm: 1\nid: x\nresources:\n  - {id: thing, service: \"Nope" + FORGED + "\"}\n");
        Run run = Run.of("evaluate", "--fail-on", "none", f.toString());
        assertThat(run.err()).as(run.toString()).contains("Nope srm: forged: all clear");
        assertSafe(run.err());
        assertSafe(run.out());
    }

    @Test
    void a_file_name_in_an_error() throws IOException {
        Path f = dir.resolve("bad\nsrm: forged: all clear\u001b[2J.yaml");
        Files.writeString(f, "srm: 1\nid: x\nresources: 5\n");
        Run run = Run.of("evaluate", f.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.srmLines()).hasSize(1);
        assertSafe(run.err());
    }

    @Test
    void a_file_name_in_a_usage_error() throws IOException {
        Path f = dir.resolve("out\nsrm: forged: all clear\u202e.txt");
        Files.createDirectories(f);
        Path in = dir.resolve("in.yaml");
        Files.writeString(in, "srm: 1\nid: x\nresources: []\n");
        Run run = Run.of("evaluate", in.toString(), "-o", f.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertSafe(run.err());
    }

    @Test
    void a_file_name_in_the_test_report() throws IOException {
        Path tests = Files.createDirectories(dir.resolve("tst"));
        String forged = "\u0001\nsrm: forged: all clear\r\u001b[2J\u001b]0;pwned\u0007\u202e";
        Files.writeString(tests.resolve("a" + forged + ".yaml"), """
                srm: 1
                id: wrong-expectation
                resources:
                  - {id: bucket, service: S3}
                expect:
                  layers: {bucket: {guest-os-and-app-patching: CUSTOMER}}
                """);
        Files.writeString(tests.resolve("b" + forged + ".yaml"), "srm: 1\nid: broken\nresources: 5\n");
        Run run = Run.of("test", tests.toString());
        assertThat(run.code()).as(run.toString()).isEqualTo(3);
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith("FAIL " + tests.resolve("a") + " srm: forged: all clear")
                && l.endsWith(".yaml (wrong-expectation): 1 of 1 expectations failed"));
        assertThat(run.out().lines()).anyMatch(l -> l.startsWith("ERROR " + tests.resolve("b") + " srm: forged: all clear")
                && l.endsWith(".yaml:3:1: /resources: integer found, array expected"));
        assertSafe(run.out());
        assertSafe(run.err());
    }
}
