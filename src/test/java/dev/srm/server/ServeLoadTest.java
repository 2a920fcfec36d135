package dev.srm.server;

import dev.srm.testing.Slow;
import dev.srm.cli.Main;
import dev.srm.testing.Packs;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded load test of {@code srm serve} on loopback: the server runs as its own process (as
 * {@code srm serve} would), 20 clients send 2,000 requests (evaluate, matrix, compare), every
 * answer must equal the command line's for the same input, and the server's resident memory after
 * the run must stay within 20% of what it was after a warm-up (the heap is fixed and pre-touched, so
 * that RSS shows what is not heap; a heap that leaks would fail requests). p50/p99 latency and RSS are
 * printed and written to target/serve-load.txt (recorded in docs/performance.md), not asserted.
 * Then SIGTERM: a request in flight still gets its answer and the process exits.
 */
@Slow
class ServeLoadTest {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final int CLIENTS = 20;
    /** 2,000 for the measured run (-Dsrm.load.requests=2000, numbers in docs/performance.md); 400 keeps the default suite short. */
    private static final int REQUESTS = Integer.getInteger("srm.load.requests", 400);
    private static final int WARMUP = 400;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^ ]+) ");

    /** One request of the mix and the command line's answer to the same input. */
    private record Case(String method, String path, String contentType, byte[] body, String expected) {
    }

    @Test
    void twenty_clients_get_the_cli_answers_and_memory_stays_flat() throws Exception {
        List<Case> cases = cases();
        // A fixed, pre-touched heap: resident memory then grows only by what is not heap (threads,
        // metaspace, code, buffers), and a heap that leaks fails requests instead of hiding in RSS.
        Process server = new ProcessBuilder(javaBin(), "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-cp", System.getProperty("java.class.path"), "dev.srm.cli.Main", "serve",
                "--port", "0", "--workers", "2", "--time-limit", "120").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String url = awaitUrl(server);
            Http http = new Http(url, null);

            run(http, cases, WARMUP, new ConcurrentLinkedQueue<>(), new AtomicInteger());
            long rssWarm = rss(server.pid(), "VmRSS");

            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger mismatches = new AtomicInteger();
            long start = System.nanoTime();
            run(http, cases, REQUESTS, latencies, mismatches);
            double seconds = (System.nanoTime() - start) / 1e9;
            long rssAfter = rss(server.pid(), "VmRSS");
            long peak = rss(server.pid(), "VmHWM");

            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            String report = String.format(Locale.ROOT, "srm serve load: %d requests, %d clients, %.1f s (%.0f requests/s); "
                            + "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; RSS after warm-up %d MB, after the run %d MB, peak %d MB; "
                            + "mismatches %d%n", sorted.length, CLIENTS, seconds, sorted.length / seconds, ms(sorted, 0.50), ms(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6, rssWarm / 1024, rssAfter / 1024, peak / 1024, mismatches.get());
            System.out.print(report);
            Files.writeString(Path.of("target", "serve-load.txt"), report);

            assertThat(sorted).hasSize(REQUESTS);
            assertThat(mismatches.get()).as("answers that differ from the CLI's").isZero();
            assertThat((double) rssAfter).as("RSS after the run vs after warm-up (KB)").isLessThanOrEqualTo(rssWarm * 1.2);

            // SIGTERM with a request in flight: it is answered, then the process ends. The signal goes
            // once the server counts the request (its own thread, not the common pool: on a busy
            // machine a sleep was not enough, and a request that arrives after the signal is refused).
            ExecutorService sender = Executors.newSingleThreadExecutor();
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.post("/v1/matrix", "application/json", "{\"services\": []}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, sender);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!inFlight.isDone() && System.nanoTime() < deadline
                    && JSON.readTree(http.get("/readyz").body()).path("inFlight").asInt() == 0) {
                Thread.sleep(5);
            }
            server.destroy(); // SIGTERM
            sender.shutdown();
            assertThat(inFlight.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server exits after SIGTERM").isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    private static void run(Http http, List<Case> cases, int count, ConcurrentLinkedQueue<Long> latencies, AtomicInteger mismatches)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    Case k = cases.get(i % cases.size());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = "GET".equals(k.method()) ? http.get(k.path()) : http.post(k.path(), k.contentType(), k.body());
                        latencies.add(System.nanoTime() - t0);
                        if (r.statusCode() != 200 || !r.body().equals(k.expected())) {
                            mismatches.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                        mismatches.incrementAndGet();
                    }
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("the load run ends").isTrue();
        assertThat(failures.get()).as("requests that failed at the HTTP level").isZero();
    }

    private static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (var files = Files.list(Path.of("scenarios", "study"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                out.add(new Case("POST", "/v1/evaluate?name=" + f, "application/yaml", Files.readAllBytes(f),
                        cli("evaluate", f.toString(), "--format", "json")));
            }
        }
        for (String s : List.of("Lambda", "RDS", "ECS")) {
            out.add(new Case("POST", "/v1/matrix", "application/json", ("{\"services\": [\"" + s + "\"]}").getBytes(StandardCharsets.UTF_8),
                    cli("matrix", s, "--format", "json")));
        }
        out.add(new Case("POST", "/v1/compare", "application/json", "{\"from\": \"EC2\", \"to\": \"Lambda\"}".getBytes(StandardCharsets.UTF_8),
                cli("compare", "EC2", "Lambda", "--format", "json")));
        out.add(new Case("POST", "/v1/triage?service=RDS&kind=unpatched-vulnerability", null, new byte[0],
                cli("triage", "--service", "RDS", "--kind", "unpatched-vulnerability", "--format", "json")));
        return out;
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        return out.toString();
    }

    private static String awaitUrl(Process server) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.add(line);
        }
        throw new AssertionError("srm serve did not start: " + String.join("\n", seen));
    }

    /** A memory figure of /proc/PID/status, in KB. */
    private static long rss(long pid, String key) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (l.startsWith(key + ":")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
