package dev.srm.server;

import dev.srm.testing.Slow;
import dev.srm.api.ServeOptions;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web page of srm serve in a real browser: Debian's headless Chromium driven by its
 * chromedriver through Selenium (no driver is downloaded). A user picks services and sees the
 * matrix, pastes a scenario with a public bucket and sees the finding the customer must act on,
 * pastes a broken scenario and sees the one-line error. The screenshot goes to
 * target/serve-chromium/serve.png, and to docs/serve.png with -Dsrm.screenshot.update=true.
 * Skipped when chromium or chromedriver is missing (.ci/run installs both).
 */
@Slow
class ServePageChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path WORK = Path.of("target", "serve-chromium");

    private static JavalinServer server;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "no chromium and chromedriver: apt-get install chromium chromium-driver (.ci/run does) to run the page test");
        server = new JavalinServer(Packs.srm(), ServeOptions.defaults().withPort(0));
        Files.createDirectories(WORK);
        Path profile = Files.createTempDirectory("srm-serve-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .withLogFile(WORK.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(server.url() + "/");
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void tab(String name) {
        browser.findElement(By.cssSelector(".tab[data-tab='" + name + "']")).click();
    }

    private static void paste(String text) {
        WebElement area = browser.findElement(By.id("scenario"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", area, text);
        browser.findElement(By.id("evaluate")).click();
    }

    @Test
    void picking_services_shows_their_matrix_in_the_audit_colours() throws Exception {
        tab("services");
        Select services = new Select(browser.findElement(By.id("service-select")));
        services.deselectAll();
        for (String s : List.of("EC2", "RDS", "Elastic Beanstalk", "ECS", "Lambda", "S3", "DynamoDB")) {
            services.selectByValue(s);
        }
        browser.findElement(By.id("show-matrix")).click();
        WebElement lambdaPatching = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#matrix tr[data-subject='Lambda'] td[data-layer='guest-os-and-app-patching']")));
        assertThat(lambdaPatching.getDomAttribute("data-party")).isEqualTo("SHARED");
        assertThat(lambdaPatching.getDomAttribute("class")).contains("p-shared");
        WebElement ec2Patching = browser.findElement(By.cssSelector("#matrix tr[data-subject='EC2'] td[data-layer='guest-os-and-app-patching']"));
        assertThat(ec2Patching.getDomAttribute("data-party")).isEqualTo("CUSTOMER");
        assertThat(browser.findElements(By.cssSelector("#matrix tbody tr"))).hasSize(7);
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path png = WORK.resolve("serve.png");
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("srm.screenshot.update")) {
            Files.copy(png, Path.of("docs", "serve.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void a_pasted_public_bucket_shows_the_finding_the_customer_must_act_on() {
        tab("scenario");
        paste("""
                srm: 1
                id: shop
                resources:
                  - id: customer-data
                    service: S3
                    configuration:
                      PublicAccessBlockConfiguration: {BlockPublicAcls: false, RestrictPublicBuckets: false}
                """);
        WebElement finding = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#findings li[data-rule='s3-block-public-access']")));
        assertThat(finding.getDomAttribute("data-owner")).isEqualTo("CUSTOMER");
        assertThat(finding.getText()).contains("CUSTOMER must act").contains("customer-data");
        assertThat(browser.findElement(By.cssSelector("#matrix tr[data-subject='customer-data'] td[data-layer='iam-access-control']"))
                .getDomAttribute("data-party")).isEqualTo("CUSTOMER");
    }

    @Test
    void a_broken_scenario_shows_the_one_line_error() {
        tab("scenario");
        paste("srm: 1\nid: shop\nresources: 3\n");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isEqualTo("pasted.yaml:3:1: /resources: integer found, array expected").doesNotContain("\n");
        assertThat(browser.findElement(By.id("findings-area")).isDisplayed()).isFalse();
    }

    @Test
    void the_compare_view_shows_what_moves_to_aws() {
        tab("compare");
        new Select(browser.findElement(By.id("compare-from"))).selectByValue("EC2");
        new Select(browser.findElement(By.id("compare-to"))).selectByValue("Lambda");
        browser.findElement(By.id("compare")).click();
        WebElement move = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#moves tr[data-layer='guest-os-and-app-patching']")));
        assertThat(move.getDomAttribute("data-direction")).isEqualTo("TO_AWS");
    }
}
