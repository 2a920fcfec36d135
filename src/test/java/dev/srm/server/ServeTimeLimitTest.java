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
 * Rule packs that loop (two-rule packs in place of the bundled one, so that they compile in
 * seconds): a request is stopped, at the time limit or at the engine's bound on firings, whichever
 * comes first, and answered with a problem naming the cause; the server keeps serving.
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
}
