package dev.srm.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.api.ServeOptions;
import dev.srm.api.SrmOptions;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule packs that loop or throw (small packs in place of the bundled one, so that they compile in
 * seconds): a looping request is stopped, at the time limit or at the engine's bound on firings,
 * whichever comes first; a rule that throws fails its request only. Each is answered with a
 * problem naming the cause, and the server keeps serving.
 */
class ServeTimeLimitTest {
    private static final String SCENARIO = "srm: 1\nid: x\nresources:\n  - {id: b, service: S3}\n";

    @Test
    void a_slowly_looping_rule_pack_is_stopped_at_the_time_limit() throws Exception {
        var srm = Packs.LOADER.load(SrmOptions.bundled().withRules(Path.of("src", "test", "resources", "serve", "slow-looping-rules")));
        try (JavalinServer server = new JavalinServer(srm, ServeOptions.defaults().withPort(0)
                .withLimits(64 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            Http http = new Http(server.url(), null);
            HttpResponse<String> r = http.post("/v1/evaluate", "application/yaml", SCENARIO);
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode problem = new ObjectMapper().readTree(r.body());
            assertThat(problem.path("detail").asText())
                    .isEqualTo("the request took longer than 1 s (--time-limit) and was stopped; the rules may be looping on this input");
            assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(http.get("/v1/services").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_fast_looping_rule_pack_is_stopped_by_the_bound_on_firings() throws Exception {
        var srm = Packs.LOADER.load(SrmOptions.bundled().withRules(Path.of("src", "test", "resources", "serve", "looping-rules")));
        try (JavalinServer server = new JavalinServer(srm, ServeOptions.defaults().withPort(0)
                .withLimits(64 * 1024, Duration.ofMinutes(5), Duration.ofSeconds(5)))) {
            Http http = new Http(server.url(), null);
            HttpResponse<String> r = http.post("/v1/evaluate", "application/yaml", SCENARIO);
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode problem = new ObjectMapper().readTree(r.body());
            assertThat(problem.path("type").asText()).endsWith("rules-loop");
            assertThat(problem.path("detail").asText()) // the bound: 1,000,000 firings and 200 per fact
                    .matches("the rules fired 1000\\d{3} times on scenario 'x' without settling: a rule is looping"
                            + " \\(the last to fire: 'serve-test-loop-forever'\\); the request was stopped");
            assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_rule_that_throws_is_a_problem_naming_the_rule_and_the_server_keeps_serving() throws Exception {
        var srm = Packs.LOADER.load(SrmOptions.bundled().withRules(Path.of("src", "test", "resources", "serve", "failing-rules")));
        try (JavalinServer server = new JavalinServer(srm, ServeOptions.defaults().withPort(0)
                .withLimits(64 * 1024, Duration.ofMinutes(5), Duration.ofSeconds(5)))) {
            Http http = new Http(server.url(), null);
            HttpResponse<String> r = http.post("/v1/evaluate", "application/yaml",
                    "srm: 1\nid: campaign\nresources:\n  - {id: assets, service: S3, tags: {cost-center: marketing}}\n");
            assertThat(r.statusCode()).isEqualTo(500);
            JsonNode problem = new ObjectMapper().readTree(r.body());
            assertThat(problem.path("type").asText()).endsWith("rule-failed");
            assertThat(problem.path("detail").asText()).isEqualTo("rule 'serve-test-cost-center-number' failed on scenario"
                    + " 'campaign': NumberFormatException: For input string: \"marketing\"; check the rules given with --rules"
                    + " or --extra-rules");
            assertThat(http.post("/v1/evaluate", "application/yaml",
                    "srm: 1\nid: ledger\nresources:\n  - {id: entries, service: S3, tags: {cost-center: '7310'}}\n").statusCode())
                    .isEqualTo(200);
        }
    }
}
