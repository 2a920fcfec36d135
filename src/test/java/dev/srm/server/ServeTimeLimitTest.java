package dev.srm.server;

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
 * A rule pack that loops (a two-rule pack in place of the bundled one, so that it compiles in
 * seconds): the request is stopped at the time limit and answered with a problem; the server keeps serving.
 */
class ServeTimeLimitTest {
    @Test
    void a_looping_rule_pack_is_stopped_at_the_time_limit() throws Exception {
        var srm = Packs.LOADER.load(SrmOptions.bundled().withRules(Path.of("src", "test", "resources", "serve", "looping-rules")));
        try (JavalinServer server = new JavalinServer(srm, ServeOptions.defaults().withPort(0)
                .withLimits(64 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            Http http = new Http(server.url(), null);
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.post("/v1/evaluate", "application/yaml", "srm: 1\nid: x\nresources:\n  - {id: b, service: S3}\n");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(r.body()).path("detail").asText())
                    .isEqualTo("the request took longer than 1 s (--time-limit) and was stopped; the rules may be looping on this input");
            assertThat(ms).isLessThan(10_000);
            assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(http.get("/v1/services").statusCode()).isEqualTo(200);
        }
    }
}
