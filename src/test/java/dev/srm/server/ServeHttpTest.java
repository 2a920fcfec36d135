package dev.srm.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.api.ServeOptions;
import dev.srm.cli.Main;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * srm serve over loopback, one server for the class: answers equal the command line's, and every
 * kind of bad request gets its status and the command line's one-line message while the server
 * keeps serving.
 */
class ServeHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String PUBLIC_BUCKET = """
            srm: 1
            id: shop
            resources:
              - id: customer-data
                service: S3
                configuration:
                  PublicAccessBlockConfiguration: {BlockPublicAcls: false, RestrictPublicBuckets: false}
            """;

    @TempDir
    static Path dir;
    private static JavalinServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, TOKEN + "\n");
        ServeOptions options = ServeOptions.defaults().withPort(0).withTokenFile(token)
                .withLimits(64 * 1024, Duration.ofSeconds(20), Duration.ofMillis(1500));
        server = new JavalinServer(Packs.srm(), options);
        http = new Http(server.url(), TOKEN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        return out.toString();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static void stillServing() throws Exception {
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(http.post("/v1/evaluate?name=shop.yaml", "application/yaml", PUBLIC_BUCKET).statusCode()).isEqualTo(200);
    }

    @Test
    void a_template_in_a_request_makes_the_server_open_no_file_it_names() throws Exception {
        Path secret = Files.createTempDirectory("srm-serve-secret-").resolve("secret.json");
        Files.writeString(secret, "{\"Resources\": {\"Leaked\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": \"do-not-leak-me\"}}}}");
        String body = """
                {"Resources": {
                  "Up": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "../../../../../../../../etc/passwd"}},
                  "Asset": {"Type": "AWS::CloudFormation::Stack", "Metadata": {"aws:asset:path": "%s"}, "Properties": {"TemplateURL": "x"}}}}
                """.formatted(secret.toAbsolutePath());
        HttpResponse<String> r = http.post("/v1/evaluate?name=app.json", "application/json", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("the template was not read from a file").doesNotContain("do-not-leak-me").doesNotContain("root:")
                .doesNotContain("Asset/Leaked");
    }

    @Test
    void health_readiness_and_the_service_list_are_json_with_their_fields_in_a_fixed_order() throws Exception {
        HttpResponse<String> health = http.get("/healthz");
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(JSON.readTree(health.body())).isEqualTo(JSON.readTree("{\"status\": \"ok\"}"));
        HttpResponse<String> ready = http.withToken(null).get("/readyz");
        assertThat(fieldNames(json(ready).fieldNames())).containsExactly("status", "inFlight");
        assertThat(json(ready).get("status").asText()).isEqualTo("ready");
        JsonNode services = json(http.get("/v1/services"));
        assertThat(fieldNames(services.fieldNames())).containsExactly("services", "version");
        assertThat(services.get("services")).extracting(JsonNode::asText).contains("S3", "Lambda", "EC2");
    }

    private static List<String> fieldNames(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void evaluate_answers_the_same_json_as_the_cli_and_its_exit_code() throws Exception {
        Path file = dir.resolve("shop.yaml");
        Files.writeString(file, PUBLIC_BUCKET);
        HttpResponse<String> r = http.post("/v1/evaluate?name=" + file, "application/yaml", PUBLIC_BUCKET);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(cli("evaluate", file.toString(), "--format", "json"));
        assertThat(r.headers().firstValue("Srm-Exit-Code")).hasValue("4");
        JsonNode finding = json(r).path("findings").get(0);
        assertThat(finding.path("owner").asText()).isEqualTo("CUSTOMER");
    }

    @Test
    void as_of_judges_a_resources_own_waiver_on_that_day_as_the_cli_does() throws Exception {
        String waived = PUBLIC_BUCKET + """
                    waivers:
                      - control: s3-block-public-access
                        reason: Public website assets, served through CloudFront until the move in March
                        owner: web-platform
                        expires: 2027-03-31
                """;
        Path file = dir.resolve("website.yaml");
        Files.writeString(file, waived);
        HttpResponse<String> before = http.post("/v1/evaluate?name=" + file + "&asOf=2027-01-15", "application/yaml", waived);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).isEqualTo(cli("evaluate", file.toString(), "--format", "json", "--as-of", "2027-01-15"));
        assertThat(finding(before, "s3-block-public-access").path("status").asText()).isEqualTo("WAIVED");

        HttpResponse<String> after = http.post("/v1/evaluate?name=" + file + "&asOf=2027-04-01", "application/yaml", waived);
        assertThat(after.body()).isEqualTo(cli("evaluate", file.toString(), "--format", "json", "--as-of", "2027-04-01"));
        assertThat(finding(after, "s3-block-public-access").path("status").asText()).as("the waiver ended on 2027-03-31").isEqualTo("OPEN");
        assertThat(after.headers().firstValue("Srm-Exit-Code")).hasValue("4");

        HttpResponse<String> bad = http.post("/v1/evaluate?asOf=31.03.2027", "application/yaml", waived);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("detail").asText()).isEqualTo("asOf: '31.03.2027' is not a date (expected yyyy-mm-dd)");
        HttpResponse<String> far = http.post("/v1/evaluate?asOf=%2B99999-03-31", "application/yaml", waived); // +99999-03-31
        assertThat(far.statusCode()).as("a year of five digits, past every waiver's end").isEqualTo(400);
        assertThat(json(far).path("detail").asText()).isEqualTo("asOf: '+99999-03-31' is not a date (expected yyyy-mm-dd)");
        stillServing();
    }

    private static JsonNode finding(HttpResponse<String> r, String control) throws Exception {
        for (JsonNode f : json(r).path("findings")) {
            if (control.equals(f.path("rule").asText())) {
                return f;
            }
        }
        throw new AssertionError("no finding of " + control + " in " + r.body());
    }

    @Test
    void matrix_and_compare_answer_the_same_json_as_the_cli() throws Exception {
        HttpResponse<String> m = http.post("/v1/matrix", "application/json", "{\"services\": [\"Lambda\"], \"config\": [\"PackageType=Image\"]}");
        assertThat(m.statusCode()).isEqualTo(200);
        assertThat(m.body()).isEqualTo(cli("matrix", "Lambda", "--config", "PackageType=Image", "--format", "json"));
        HttpResponse<String> c = http.post("/v1/compare", "application/json", "{\"from\": \"EC2\", \"to\": \"Lambda\"}");
        assertThat(c.statusCode()).isEqualTo(200);
        assertThat(c.body()).isEqualTo(cli("compare", "EC2", "Lambda", "--format", "json"));
        assertThat(http.get("/v1/rules").body()).isEqualTo(cli("rules", "list", "--format", "json"));
    }

    @Test
    void triage_takes_flags_as_parameters_and_a_scenario_as_the_body() throws Exception {
        HttpResponse<String> flags = http.post("/v1/triage?service=RDS&kind=unpatched-vulnerability&config=Engine%3Dcustom-oracle-ee",
                null, new byte[0]);
        assertThat(flags.statusCode()).isEqualTo(200);
        assertThat(flags.body()).isEqualTo(cli("triage", "--service", "RDS", "--kind", "unpatched-vulnerability", "--config",
                "Engine=custom-oracle-ee", "--format", "json"));
        // a runtime past its end of support on the day asked for: the customer's, as the CLI's --as-of says
        for (String day : List.of("2026-06-01", "2026-11-15")) {
            HttpResponse<String> then = http.post("/v1/triage?service=Lambda&kind=unpatched-vulnerability&component=runtime"
                    + "&config=Runtime%3Dpython3.10&config=Handler%3Dapp.handler&asOf=" + day, null, new byte[0]);
            assertThat(then.body()).isEqualTo(cli("triage", "--service", "Lambda", "--kind", "unpatched-vulnerability", "--component",
                    "runtime", "--config", "Runtime=python3.10", "--config", "Handler=app.handler", "--as-of", day, "--format", "json"));
            assertThat(json(then).path("owner").asText()).isEqualTo(day.equals("2026-06-01") ? "AWS" : "CUSTOMER");
        }
        String incident = PUBLIC_BUCKET + "incident: {kind: data-exposure, resource: nowhere}\n";
        HttpResponse<String> bad = http.post("/v1/triage?name=ticket.yaml", "application/yaml", incident);
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).path("detail").asText()).startsWith("ticket.yaml:").contains("no resource 'nowhere'")
                .doesNotContain("srm-serve-");
    }

    @Test
    void a_name_with_quotes_cannot_write_fields_into_the_triage_answer() throws Exception {
        String incident = Files.readString(Path.of("scenarios/incidents/data-exposure-s3.yaml"));
        String forged = "x.yaml\",\"severity\":\"low\",\"id\":\"forged";
        HttpResponse<String> r = http.post("/v1/triage?name=" + java.net.URLEncoder.encode(forged, StandardCharsets.UTF_8),
                "application/yaml", incident);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = json(r); // still one JSON document
        assertThat(t.path("incident").path("id").asText()).isEqualTo("inc-2026-0142");
        assertThat(t.toString()).doesNotContain("\"id\":\"forged\"").contains(forged.replace("\"", "\\\""));
    }

    @Test
    void an_unknown_parameter_or_a_flag_that_is_not_true_or_false_is_400_not_a_default() throws Exception {
        HttpResponse<String> typo = http.post("/v1/evaluate?name=shop.yaml&failon=none", "application/yaml", PUBLIC_BUCKET);
        assertThat(typo.statusCode()).as("failon= used to be ignored, the answer judged on the default failOn").isEqualTo(400);
        assertThat(json(typo).path("detail").asText()).startsWith("unknown parameter 'failon'; this route takes name, explain, failOn");
        HttpResponse<String> maybe = http.post("/v1/evaluate?name=shop.yaml&explain=maybe", "application/yaml", PUBLIC_BUCKET);
        assertThat(maybe.statusCode()).isEqualTo(400);
        assertThat(json(maybe).path("detail").asText()).isEqualTo("explain: 'maybe' is not true or false");
        assertThat(http.get("/v1/services?verbose=1").statusCode()).isEqualTo(400);
        assertThat(http.post("/v1/evaluate?name=shop.yaml&explain=true", "application/yaml", PUBLIC_BUCKET).statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_content_type_is_415() throws Exception {
        HttpResponse<String> r = http.post("/v1/evaluate", "text/plain", PUBLIC_BUCKET);
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(r).path("detail").asText()).isEqualTo("content type 'text/plain' is not accepted; send application/json or application/yaml");
        stillServing();
    }

    @Test
    void an_oversize_body_is_413_even_while_the_client_is_still_sending() throws Exception {
        // 65 KiB just over the limit, 2 MiB well over it: the client must read the 413, not a reset connection
        for (int size : new int[] {65 * 1024, 2 * 1024 * 1024}) {
            byte[] big = new byte[size];
            java.util.Arrays.fill(big, (byte) ' ');
            HttpResponse<String> r = http.post("/v1/evaluate", "application/json", big);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(json(r).path("detail").asText()).contains("at most 65536 bytes");
        }
        stillServing();
    }

    @Test
    void malformed_json_and_yaml_are_400_and_an_invalid_scenario_422_with_the_cli_line() throws Exception {
        HttpResponse<String> j = http.post("/v1/evaluate?name=shop.json", "application/json", "{\"srm\": 1, \"id\": ");
        assertThat(j.statusCode()).isEqualTo(400);
        assertThat(json(j).path("detail").asText()).startsWith("shop.json:1:").contains("invalid JSON");
        HttpResponse<String> y = http.post("/v1/evaluate?name=shop.yaml", "application/yaml", "srm: 1\nid: [unclosed\n");
        assertThat(y.statusCode()).isEqualTo(400);
        assertThat(json(y).path("detail").asText()).startsWith("shop.yaml:").contains("invalid YAML");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "srm: 1\nid: shop\nresources: 3\n");
        HttpResponse<String> s = http.post("/v1/evaluate?name=" + file, "application/yaml", Files.readString(file));
        assertThat(s.statusCode()).isEqualTo(422);
        StringWriter err = new StringWriter();
        Main.run(Packs.LOADER, new PrintWriter(new StringWriter()), new PrintWriter(err), "evaluate", file.toString());
        assertThat(err.toString()).contains("srm: " + json(s).path("detail").asText());
        stillServing();
    }

    @Test
    void an_unknown_service_is_400_with_the_cli_message() throws Exception {
        HttpResponse<String> r = http.post("/v1/matrix", "application/json", "{\"services\": [\"Mainframe\"]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("detail").asText()).startsWith("unknown service 'Mainframe' (known services: EC2,");
        HttpResponse<String> field = http.post("/v1/matrix", "application/json", "{\"service\": [\"EC2\"]}");
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(json(field).path("detail").asText()).isEqualTo("the body has an unknown field 'service'; expected services, config");
        stillServing();
    }

    @Test
    void a_null_body_or_a_null_or_mistyped_element_is_400_naming_its_json_pointer_and_what_was_expected() throws Exception {
        String subject = "a service, variant or CloudFormation type, e.g. EC2, ECS:fargate";
        String setting = "KEY=VALUE, e.g. PackageType=Image";
        String[][] cases = {
                {"/v1/matrix", "null", "/: null found, an object with the fields services, config expected"},
                {"/v1/matrix", "[]", "/: array found, an object with the fields services, config expected"},
                {"/v1/matrix", "\"EC2\"", "/: string found, an object with the fields services, config expected"},
                {"/v1/matrix", "{\"services\": [null]}", "/services/0: null found, a string expected (" + subject + ")"},
                {"/v1/matrix", "{\"services\": [\"EC2\", 7]}", "/services/1: integer found, a string expected (" + subject + ")"},
                {"/v1/matrix", "{\"services\": {}}", "/services: object found, an array of strings expected (" + subject + ")"},
                {"/v1/matrix", "{\"config\": [null]}", "/config/0: null found, a string expected (" + setting + ")"},
                {"/v1/compare", "null", "/: null found, an object with the fields from, to, config, fromConfig, toConfig expected"},
                {"/v1/compare", "{\"from\": [\"EC2\"], \"to\": \"Lambda\"}", "/from: array found, a string expected (" + subject + ")"},
                {"/v1/compare", "{\"from\": \"EC2\", \"to\": \"Lambda\", \"config\": [null]}",
                        "/config/0: null found, a string expected (" + setting + ")"},
                {"/v1/compare", "{\"from\": \"EC2\", \"to\": \"Lambda\", \"toConfig\": [true]}",
                        "/toConfig/0: boolean found, a string expected (" + setting + ")"},
                {"/v1/matrix", "{\"services\": []} {}", "the body is not well-formed JSON: 1:18: more after the end of the object; send one JSON object"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = http.post(c[0], "application/json", c[1]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1] + ": " + r.body()).isEqualTo(400);
            assertThat(json(r).path("detail").asText()).as(c[0] + " " + c[1]).isEqualTo(c[2]);
            assertThat(r.body()).as("no Java in the answer").doesNotContain("dev.srm", "java.", "Exception", "`");
        }
        // a scenario is read as the command line reads a file: null where an object belongs is 422 at its place, never 500
        for (String route : List.of("/v1/evaluate?name=shop.json", "/v1/triage?name=shop.json&kind=data-exposure")) {
            HttpResponse<String> body = http.post(route, "application/json", "null");
            assertThat(body.statusCode()).as(route + ": " + body.body()).isEqualTo(422);
            HttpResponse<String> element = http.post(route, "application/json", "{\"srm\": 1, \"id\": \"shop\", \"resources\": [null]}");
            assertThat(element.statusCode()).as(route + ": " + element.body()).isEqualTo(422);
            assertThat(json(element).path("detail").asText()).isEqualTo("shop.json:1:40: /resources/0: null found, object expected");
        }
        stillServing();
    }

    @Test
    void a_missing_or_wrong_token_is_401_and_the_page_and_probes_need_none() throws Exception {
        HttpResponse<String> none = http.withToken(null).post("/v1/evaluate", "application/yaml", PUBLIC_BUCKET);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(json(none).path("detail").asText()).contains("needs a bearer token");
        assertThat(http.withToken("guess").get("/v1/rules").statusCode()).isEqualTo(401);
        assertThat(http.withToken(null).get("/").statusCode()).isEqualTo(200);
        assertThat(http.withToken(null).get("/readyz").statusCode()).isEqualTo(200);
        stillServing();
    }

    @Test
    void a_slow_client_is_cut_off_and_others_are_served_meanwhile() throws Exception {
        String host = server.url().replace("http://", "");
        int port = Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(15_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/yaml\r\nContent-Length: 500\r\n\r\nsrm: 1\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.get("/v1/services").statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            InputStream in = slow.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waited).as("closed after the idle timeout, not the client's").isLessThan(12_000);
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 408"),
                    a -> assertThat(a).startsWith("HTTP/1.1 400"));
        }
        stillServing();
    }

    @Test
    void rules_are_never_taken_over_http() throws Exception {
        HttpResponse<String> r = http.post("/v1/rules", "application/json", "{}");
        assertThat(r.statusCode()).isIn(404, 405);
        HttpResponse<String> c = http.post("/v1/compare", "application/json", "{\"from\": \"pom.xml\", \"to\": \"EC2\"}");
        assertThat(c.statusCode()).as("a compare side is never read as a file over HTTP").isEqualTo(400);
        assertThat(json(c).path("detail").asText()).startsWith("unknown service 'pom.xml'");
    }
}
