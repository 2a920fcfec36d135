package dev.srm.cli;

import dev.srm.testing.Slow;
import dev.srm.report.audit.AuditFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The HTML report in a real browser: headless Chromium (Debian's {@code chromium}, which
 * .ci/run installs) loads the file, and the test reads the DOM it ends with: the matrix and
 * the counts are there, the hostile titles are text, no element or script came from input.
 * A screenshot is kept as target/audit-chromium/audit.png. Skipped only when no Chromium
 * binary exists.
 */
@Slow
class AuditHtmlChromiumTest {
    private static final Path WORK = Path.of("target", "audit-chromium");
    private static String chromium;
    private static Path html;
    private static String dom;

    @BeforeAll
    static void writeReport() throws IOException {
        chromium = findChromium();
        Files.createDirectories(WORK);
        html = WORK.resolve("audit.html").toAbsolutePath();
        Files.write(html, AuditCorpus.corpus().reports().get(AuditFormat.html));
    }

    private static String findChromium() {
        List<String> candidates = new ArrayList<>(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                candidates.add(Path.of(dir, "chromium").toString());
                candidates.add(Path.of(dir, "chromium-browser").toString());
            }
        }
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().orElse(null);
    }

    private static String run(String... flags) throws Exception {
        assumeTrue(chromium != null, "no chromium binary on this machine: install Debian's chromium "
                + "(apt-get install chromium; .ci/run does) to run the headless test of the HTML report");
        Path profile = Files.createTempDirectory("srm-chromium-");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--user-data-dir=" + profile));
        cmd.addAll(List.of(flags));
        cmd.add(html.toUri().toString());
        Path stdout = WORK.resolve("chromium.out");
        Path stderr = WORK.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }

    /** The DOM Chromium ends with after loading the page (loaded once for the tests that read it). */
    private static synchronized String dom() throws Exception {
        if (dom == null) {
            dom = run("--dump-dom");
        }
        return dom;
    }

    @Test
    void the_dom_shows_the_matrix_and_the_counts() throws Exception {
        String dom = dom();
        assertThat(dom).contains("<title>srm audit</title>");
        assertThat(number(dom, "total-scenarios")).isEqualTo(8);
        assertThat(number(dom, "total-resources")).isEqualTo(20);
        assertThat(number(dom, "total-findings")).isEqualTo(64); // with the account-level Security Hub controls on the complete inventory whose account block is silent
        assertThat(number(dom, "findings-critical")).isEqualTo(9); // a private bucket with no policy is not public (S3.2, S3.3 MET since the defaults)
        assertThat(number(dom, "findings-high")).isEqualTo(19);
        assertThat(number(dom, "total-failed")).isEqualTo(4);

        // the responsibility matrix: one row per service and variant, one cell per layer, coloured by party
        assertThat(cell(dom, "EC2 instance", "guest-os-and-app-patching")).isEqualTo("CUSTOMER");
        // AWS patches the OS and the engine of standard RDS; major version upgrades are the customer's to start
        assertThat(cell(dom, "RDS standard", "guest-os-and-app-patching")).isEqualTo("SHARED");
        // RDS Custom for Oracle: the customer patches the OS; engine patches are built into CEVs by the customer from AWS-supported media
        assertThat(cell(dom, "RDS custom-oracle", "guest-os-and-app-patching")).isEqualTo("SHARED");
        assertThat(cell(dom, "ECS fargate", "guest-os-and-app-patching")).isEqualTo("SHARED");
        assertThat(cell(dom, "S3 bucket", "physical-infrastructure")).isEqualTo("AWS");
        assertThat(cell(dom, "unknown service", "iam-access-control")).isEqualTo("UNKNOWN");
        Matcher rows = Pattern.compile("<tr data-row=\"").matcher(dom);
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertThat(count).as("matrix rows").isEqualTo(18);

        // every scenario has a drill-down, every control a row, every failed input a line
        assertThat(dom).contains("id=\"scenario-s3-script\"", "id=\"scenario-orders-complete\"", "data-control=\"s3-block-public-access\"",
                "audit-corpus/broken/bad-syntax.yaml");
    }

    @Test
    void nothing_from_input_became_markup_or_ran() throws Exception {
        String dom = dom();
        assertThat(dom).as("the page's own title is unchanged").contains("<title>srm audit</title>").doesNotContain("pwned</title>");
        assertThat(dom).as("no script element at all").doesNotContainIgnoringCase("<script");
        assertThat(dom).as("no element from a title").doesNotContainIgnoringCase("<img");
        assertThat(Pattern.compile("<[^>]*\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(dom).find()).as("no event handler attribute").isFalse();
        assertThat(dom).as("the hostile titles are text")
                .contains("<span class=\"stitle\">&lt;script&gt;alert(1)&lt;/script&gt;</span>")
                .contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;");
        assertThat(dom).contains("<span class=\"stitle\">=HYPERLINK(\"http://example.invalid/x\",\"click me\")</span>");
        assertThat(dom).as("a Content-Security-Policy forbids scripts and requests")
                .contains("content=\"default-src 'none'; style-src 'unsafe-inline';");
    }

    @Test
    void a_screenshot_is_kept_as_a_test_artifact() throws Exception {
        Path png = WORK.resolve("audit.png").toAbsolutePath();
        Files.deleteIfExists(png);
        run("--screenshot=" + png, "--window-size=1400,2000", "--hide-scrollbars");
        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    private static int number(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">(\\d+)<").matcher(dom);
        assertThat(m.find()).as("element #%s", id).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The party a matrix cell shows for a row and a layer. */
    private static String cell(String dom, String row, String layer) {
        Matcher r = Pattern.compile("<tr data-row=\"" + Pattern.quote(row) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(dom);
        assertThat(r.find()).as("matrix row %s", row).isTrue();
        Matcher c = Pattern.compile("data-layer=\"" + Pattern.quote(layer) + "\" data-party=\"([A-Z]+)\"").matcher(r.group(1));
        assertThat(c.find()).as("cell %s / %s", row, layer).isTrue();
        return c.group(1);
    }
}
