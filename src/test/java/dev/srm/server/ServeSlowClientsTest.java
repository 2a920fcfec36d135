package dev.srm.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srm.api.ServeOptions;
import dev.srm.cli.Main;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send slowly (the review's case: 260 connections each sending a 1 MB body at
 * 300 bytes/s, which once held every request thread for up to an hour): a body that has not
 * arrived by {@code --body-timeout} is answered 408 with a problem, other clients are answered
 * meanwhile, headers that trickle close their connection, and past {@code --max-connections} new
 * connections wait to be accepted instead of being served. The deadlines asserted are the
 * behaviour (a generous slack on top, the machine is shared), never a speed.
 */
class ServeSlowClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The scenario the normal client sends: a bucket without its public access block, as in the README. */
    private static final String PUBLIC_BUCKET = """
            srm: 1
            id: shop
            resources:
              - id: customer-data
                service: S3
                configuration:
                  PublicAccessBlockConfiguration: {BlockPublicAcls: false, RestrictPublicBuckets: false}
            """;
    /** What a slow client trickles: a scenario padded to the 1 MB it declares (it never gets that far). */
    private static final byte[] SLOW_BODY_START = ("srm: 1\nid: bulk-import\nresources:\n  - id: archive\n    service: S3\n")
            .getBytes(StandardCharsets.US_ASCII);
    /** Slack on every deadline: generous, the machine has 2 shared cores. */
    private static final long SLACK_MS = 20_000;

    /** A raw client that declares a body (1 MB unless told) and sends it at 300 bytes/s (30 bytes every 100 ms). */
    private static final class SlowBody {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final long started = System.nanoTime();
        int sent;
        String answer;
        long answeredAfterMs = -1;

        SlowBody(int port) throws IOException {
            this(port, 1_000_000);
        }

        SlowBody(int port, int declared) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
            out.write(("POST /v1/evaluate?name=bulk-import.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(SLOW_BODY_START);
            sent = SLOW_BODY_START.length;
            out.flush();
        }

        /** One step: reads the answer if it came, else sends the next 30 bytes of padding. */
        void step() throws IOException {
            if (answer != null) {
                return;
            }
            if (in.available() > 0) {
                answer = new String(in.readAllBytes(), StandardCharsets.UTF_8); // the server closes after the 408
                answeredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                socket.close();
                return;
            }
            byte[] padding = new byte[30];
            Arrays.fill(padding, (byte) ' ');
            padding[29] = '\n';
            try {
                out.write(padding);
                out.flush();
                sent += padding.length;
            } catch (IOException e) {
                answer = "";
                answeredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
        }
    }

    /** Runs the slow clients, one step each every 100 ms, until all are answered or the time is up. */
    private static Thread trickle(List<SlowBody> clients, long forMs) {
        Thread t = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(forMs);
            while (System.nanoTime() < end && clients.stream().anyMatch(c -> c.answer == null)) {
                for (SlowBody c : clients) {
                    try {
                        c.step();
                    } catch (IOException e) {
                        c.answer = "";
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "slow-clients");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static int port(JavalinServer server) {
        return server.port();
    }

    @Test
    void bodies_trickled_by_more_clients_than_threads_get_408_at_the_deadline_and_others_are_served_meanwhile() throws Exception {
        Duration deadline = Duration.ofSeconds(8);
        ServeOptions options = ServeOptions.defaults().withPort(0)
                .withLimits(1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(10))
                .withClientLimits(deadline, 400);
        try (JavalinServer server = new JavalinServer(Packs.srm(), options)) {
            Http http = new Http(server.url(), null);
            List<SlowBody> slow = new ArrayList<>();
            for (int i = 0; i < 260; i++) { // Jetty has 250 request threads
                slow.add(new SlowBody(port(server)));
            }
            Thread trickler = trickle(slow, deadline.toMillis() + SLACK_MS);

            HttpResponse<String> normal = http.post("/v1/evaluate?name=shop.yaml", "application/yaml", PUBLIC_BUCKET);
            assertThat(normal.statusCode()).as("a normal request from another connection, while 260 bodies trickle").isEqualTo(200);
            assertThat(JSON.readTree(normal.body()).path("findings").get(0).path("owner").asText()).isEqualTo("CUSTOMER");
            long answeredMeanwhile = slow.stream().filter(c -> c.answer != null).count();
            assertThat(answeredMeanwhile).as("slow clients answered before the normal one was").isZero();

            trickler.join(deadline.toMillis() + SLACK_MS + 5_000);
            for (SlowBody c : slow) {
                assertThat(c.answer).as("the answer to a body still arriving at the deadline").startsWith("HTTP/1.1 408 ");
                assertThat(c.answeredAfterMs).as("answered by the deadline plus slack, not when the 1 MB is in (about an hour)")
                        .isBetween(deadline.toMillis() - 1_000, deadline.toMillis() + SLACK_MS);
            }
            String first = slow.get(0).answer;
            assertThat(first).containsIgnoringCase("Content-Type: application/problem+json").containsIgnoringCase("Connection: close");
            JsonNode problem = JSON.readTree(first.substring(first.indexOf("\r\n\r\n") + 4));
            assertThat(problem.path("type").asText()).isEqualTo("urn:srm:problem:request-timeout");
            assertThat(problem.path("status").asInt()).isEqualTo(408);
            assertThat(problem.path("detail").asText()).startsWith("the request body did not arrive within 8 s (--body-timeout; ")
                    .endsWith(" bytes came); the connection is closed");
            assertThat(server.inFlight()).as("no request counted in flight: the routes never saw the slow ones").isZero();
            assertThat(http.post("/v1/evaluate?name=shop.yaml", "application/yaml", PUBLIC_BUCKET).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_body_declared_over_the_limit_is_413_at_the_deadline_and_one_that_stops_arriving_408_at_the_idle_timeout() throws Exception {
        ServeOptions options = ServeOptions.defaults().withPort(0)
                .withLimits(1024 * 1024, Duration.ofSeconds(60), Duration.ofMillis(1500))
                .withClientLimits(Duration.ofSeconds(3), 8);
        try (JavalinServer server = new JavalinServer(Packs.srm(), options)) {
            // 2 MiB declared against a 1 MiB limit, trickled: at the deadline the answer is the 413 it would be anyway
            SlowBody oversize = new SlowBody(port(server), 2 * 1024 * 1024);
            trickle(List.of(oversize), SLACK_MS).join(SLACK_MS + 5_000);
            assertThat(oversize.answer).startsWith("HTTP/1.1 413 ");
            assertThat(JSON.readTree(oversize.answer.substring(oversize.answer.indexOf("\r\n\r\n") + 4)).path("detail").asText())
                    .isEqualTo("the request body is 2097152 bytes; srm serve accepts at most 1048576 bytes (--max-body)");
            assertThat(oversize.answeredAfterMs).isLessThan(3_000 + SLACK_MS);
            try (Socket stalled = new Socket("127.0.0.1", port(server))) {
                stalled.setSoTimeout((int) SLACK_MS);
                stalled.getOutputStream().write(("POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                        + "Content-Length: 500\r\n\r\nsrm: 1\nid: shop\n").getBytes(StandardCharsets.US_ASCII));
                stalled.getOutputStream().flush();
                String answer = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 408 ");
                assertThat(JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("detail").asText())
                        .isEqualTo("the request body stopped arriving (nothing for the idle timeout, --idle-timeout; 16 bytes came);"
                                + " the connection is closed");
            }
        }
    }

    @Test
    void past_the_connection_limit_a_new_connection_waits_to_be_accepted_and_is_served_once_one_closes() throws Exception {
        Duration deadline = Duration.ofSeconds(5);
        ServeOptions options = ServeOptions.defaults().withPort(0)
                .withLimits(1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(10))
                .withClientLimits(deadline, 2);
        try (JavalinServer server = new JavalinServer(Packs.srm(), options)) {
            List<SlowBody> slow = List.of(new SlowBody(port(server)), new SlowBody(port(server)));
            Thread trickler = trickle(slow, deadline.toMillis() + SLACK_MS);
            Thread.sleep(500); // both accepted: the limit is reached
            try (Socket third = new Socket("127.0.0.1", port(server))) { // connects: the kernel queues it, Jetty does not accept it
                long sent = System.nanoTime();
                third.getOutputStream().write("GET /v1/services HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                third.getOutputStream().flush();
                third.setSoTimeout(1_500);
                InputStream in = third.getInputStream();
                boolean answeredAtLimit;
                try {
                    answeredAtLimit = in.read() >= 0;
                } catch (SocketTimeoutException e) {
                    answeredAtLimit = false;
                }
                assertThat(answeredAtLimit).as("a connection past the limit is not served while the limit is reached").isFalse();
                assertThat(slow).allMatch(c -> c.answer == null);

                third.setSoTimeout((int) (deadline.toMillis() + SLACK_MS));
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                long answeredAt = System.nanoTime();
                assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\"services\"");
                assertThat(answeredAt - slow.get(0).started).as("served only once the slow connections were answered at their deadline")
                        .isGreaterThanOrEqualTo(deadline.toNanos());
                assertThat(TimeUnit.NANOSECONDS.toMillis(answeredAt - sent)).isLessThan(deadline.toMillis() + SLACK_MS);
            }
            trickler.join(SLACK_MS);
            assertThat(slow).allSatisfy(c -> assertThat(c.answer).startsWith("HTTP/1.1 408 "));
        }
    }

    @Test
    void headers_that_trickle_close_their_connection_within_two_deadlines() throws Exception {
        Duration deadline = Duration.ofSeconds(3);
        ServeOptions options = ServeOptions.defaults().withPort(0)
                .withLimits(1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(10))
                .withClientLimits(deadline, 8);
        try (JavalinServer server = new JavalinServer(Packs.srm(), options);
             Socket loris = new Socket("127.0.0.1", port(server))) {
            Http http = new Http(server.url(), null);
            loris.setSoTimeout(200);
            OutputStream out = loris.getOutputStream();
            byte[] headers = ("POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + "X-Padding: " + "a".repeat(4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean closed = false;
            int i = 0;
            while (!closed && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 2 * deadline.toMillis() + SLACK_MS) {
                try {
                    out.write(headers, i++ % headers.length, 1); // a byte every 200 ms, well inside the idle timeout
                    out.flush();
                    closed = loris.getInputStream().read() < 0;
                } catch (SocketTimeoutException e) {
                    // nothing yet
                } catch (IOException e) {
                    closed = true; // reset
                }
                if (i == 5) {
                    assertThat(http.get("/v1/services").statusCode()).as("others are served meanwhile").isEqualTo(200);
                }
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(closed).as("the connection of a client trickling its headers is closed").isTrue();
            assertThat(waited).isBetween(deadline.toMillis() - 1_000, 2 * deadline.toMillis() + SLACK_MS);
            assertThat(http.get("/v1/services").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_connection_that_keeps_sending_requests_is_not_taken_for_trickling_headers() throws Exception {
        Duration deadline = Duration.ofSeconds(1);
        ServeOptions options = ServeOptions.defaults().withPort(0)
                .withLimits(1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(10))
                .withClientLimits(deadline, 8);
        try (JavalinServer server = new JavalinServer(Packs.srm(), options);
             Socket client = new Socket("127.0.0.1", port(server))) {
            client.setSoTimeout(30_000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4); // four deadlines of one keep-alive connection
            int answered = 0;
            while (System.nanoTime() < end) {
                out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200 ");
                answered++;
                Thread.sleep(300);
            }
            assertThat(answered).isGreaterThan(3);
        }
    }

    /** One response of a keep-alive connection: the head, then Content-Length bytes. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed after: " + head);
            }
            head.append((char) c);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void bad_limits_on_the_command_line_are_one_usage_line() {
        String hint = "Try 'srm serve --help' for usage.\n";
        assertThat(serve("--body-timeout", "0")).isEqualTo("2 srm: --body-timeout must be a number of seconds above 0, not 0.0\n" + hint);
        assertThat(serve("--body-timeout", "-5")).isEqualTo("2 srm: --body-timeout must be a number of seconds above 0, not -5.0\n" + hint);
        assertThat(serve("--body-timeout", "soon")).isEqualTo("2 srm: Invalid value for option '--body-timeout': 'soon' is not a double\n" + hint);
        assertThat(serve("--max-connections", "0")).isEqualTo("2 srm: --max-connections must be at least 1, not 0\n" + hint);
        assertThat(serve("--max-connections", "-1")).isEqualTo("2 srm: --max-connections must be at least 1, not -1\n" + hint);
        assertThat(serve("--max-connections", "many")).isEqualTo("2 srm: Invalid value for option '--max-connections': 'many' is not an int\n" + hint);
    }

    /** The exit code and stderr of {@code srm serve ARGS} that does not start. */
    private static String serve(String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "serve";
        all[1] = "--port";
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        int code = Main.run(Packs.LOADER, new PrintWriter(new StringWriter()), new PrintWriter(err), all);
        return code + " " + err;
    }
}
