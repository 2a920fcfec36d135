package dev.srm.cli;

import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows PowerShell 5 writes redirected output as UTF-16 with a byte order mark, so
 * {@code terraform show -json plan > plan.json} there gives a UTF-16 plan: srm reads such input
 * (gzipped too, and through the API) as the same text in UTF-8, and reports UTF-16 that is not
 * valid in one line instead of reading replacement characters.
 */
class Utf16InputsTest {
    private static final Path PLAN = Path.of("src/test/resources/terraform/plan-modules.json");

    @TempDir
    Path dir;

    private static byte[] utf16(String text, boolean littleEndian) {
        byte[] bom = littleEndian ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        byte[] body = text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }

    @Test
    void a_plan_saved_by_powershell_as_utf16_gives_the_report_of_the_utf8_plan() throws IOException {
        String plan = Files.readString(PLAN).replace("\n", "\r\n"); // PowerShell writes CRLF too
        Path utf8 = Files.createDirectories(dir.resolve("utf8")).resolve("plan.json");
        Files.writeString(utf8, plan);
        Path le = Files.createDirectories(dir.resolve("utf16le")).resolve("plan.json");
        Files.write(le, utf16(plan, true));
        Path be = Files.createDirectories(dir.resolve("utf16be")).resolve("plan.json.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(be))) {
            gz.write(utf16(plan, false));
        }

        CliRun expected = CliRun.of("evaluate", "--format", "json", "--as-of", "2026-12-04", utf8.toString());
        assertThat(expected.out()).contains("\"aws_s3_bucket.logs\"");
        for (Path file : List.of(le, be)) {
            CliRun run = CliRun.of("evaluate", "--format", "json", "--as-of", "2026-12-04", file.toString());
            assertThat(run.err()).as(file.toString()).doesNotContain("srm:");
            assertThat(run.code()).as(file.toString()).isEqualTo(expected.code());
            assertThat(run.out().replace(file.toString(), utf8.toString()).replace("plan.json.gz", "plan.json"))
                    .as(file.toString()).isEqualTo(expected.out());
        }
    }

    @Test
    void a_utf16_template_sent_through_the_api_is_read_like_its_utf8_text() throws IOException {
        String template = """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      KmsMasterKeyId: alias/orders
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(utf16(template, true));

        List<Evaluation> fromUtf16 = Packs.srm().evaluate("queue.yaml", bytes.toByteArray(), InputFormat.auto, false);
        List<Evaluation> fromUtf8 = Packs.srm().evaluate("queue.yaml", template.getBytes(StandardCharsets.UTF_8), InputFormat.auto, false);

        assertThat(fromUtf16).hasSize(1);
        assertThat(fromUtf16.get(0).resources()).extracting(r -> r.id() + " " + r.type()).containsExactly("Orders AWS::SQS::Queue");
        assertThat(fromUtf16.get(0).resources().get(0).controls()).isEqualTo(fromUtf8.get(0).resources().get(0).controls());
    }

    @Test
    void utf16_that_is_not_valid_is_one_line_and_the_batch_goes_on() throws IOException {
        byte[] broken = utf16("{\"format_version\": \"1.2\"", true);
        byte[] cut = new byte[broken.length + 2];
        System.arraycopy(broken, 0, cut, 0, broken.length);
        cut[broken.length] = 0x00;           // a lone high surrogate (U+D800) at the end
        cut[broken.length + 1] = (byte) 0xD8;
        Path bad = dir.resolve("broken.json");
        Files.write(bad, cut);
        Files.writeString(dir.resolve("plan.json"), Files.readString(PLAN));

        CliRun run = CliRun.of("evaluate", "--as-of", "2026-12-04", dir.toString());

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err().lines().filter(l -> l.startsWith("srm:")).toList()).containsExactly("srm: " + bad
                + ": starts with a UTF-16 byte order mark but is not valid UTF-16 (UTF-16LE); save the file as UTF-8");
        assertThat(run.out()).contains("aws_s3_bucket.logs");
    }
}
