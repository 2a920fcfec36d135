package dev.srm.server;

import dev.srm.api.CompareRequest;
import dev.srm.api.EvaluateResult;
import dev.srm.api.MatrixRequest;
import dev.srm.api.ServeOptions;
import dev.srm.api.Server;
import dev.srm.api.Srm;
import dev.srm.api.SrmException;
import dev.srm.api.TriageRequest;
import dev.srm.api.TriageResult;
import dev.srm.facts.Severity;
import dev.srm.model.Evaluation;
import dev.srm.model.InputFormat;
import dev.srm.report.EvaluationFormat;
import dev.srm.report.Json;
import dev.srm.report.matrix.CompareFormat;
import dev.srm.report.matrix.MatrixFormat;
import dev.srm.report.rules.RuleListFormat;
import dev.srm.report.triage.TriageFormat;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code srm serve} on Javalin (Jetty 12): the {@code /v1} routes over one loaded {@link Srm},
 * {@code /healthz}, {@code /readyz} and the web page. Every {@code /v1} request passes the same
 * gate: not draining, the bearer token when one is set, the Host header when bound to loopback;
 * its work runs on {@link Workers} within the time limit. Slow clients hold no thread: a body is
 * read in full before the routes run ({@link BodyDeadline}), headers and bodies must arrive within
 * {@code --body-timeout} ({@link HeaderDeadline}), and at most {@code --max-connections} are open.
 */
final class JavalinServer implements Server {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** What the names in the bodies of /v1/matrix and /v1/compare are, for their messages. */
    private static final String SUBJECT = "a service, variant or CloudFormation type, e.g. EC2, ECS:fargate";
    private static final String SETTING = "KEY=VALUE, e.g. PackageType=Image";
    private static final String PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Srm srm;
    private final ServeOptions options;
    private final byte[] token;
    private final boolean loopback;
    private final Bodies bodies;
    private final Workers workers;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Javalin app;

    /** The body of /healthz and /readyz, fields in this order: the state, and the requests a ready server is answering. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Health(String status, Integer inFlight) {
    }

    /** The body of /v1/services. */
    record ServiceList(List<String> services, String version) {
    }

    /** Request bodies of {@code /v1/matrix} and {@code /v1/compare} (read by {@link JsonBody}, or from the query). */
    record MatrixBody(List<String> services, List<String> config) {
    }

    record CompareBody(String from, String to, List<String> config, List<String> fromConfig, List<String> toConfig) {
    }

    JavalinServer(Srm srm, ServeOptions options) {
        this.srm = srm;
        this.options = options;
        this.token = readToken(options.tokenFile());
        this.loopback = isLoopback(options.host());
        this.bodies = new Bodies(options.maxBody());
        this.workers = new Workers(options.workers(), 64, options.timeLimit());
        srm.compile(); // a broken pack fails here, before the port is bound
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            config.http.maxRequestSize = options.maxBody();
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setIdleTimeout(options.idleTimeout().toMillis());
            });
            // Slow clients hold no thread: bodies are read before the routes run, within --body-timeout ...
            config.jetty.modifyServer(server -> server.insertHandler(new BodyDeadline(options.maxBody(), options.bodyTimeout())));
            // ... headers within it too, and at most --max-connections are open (the rest wait in the accept queue)
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                connector.setIdleTimeout(options.idleTimeout().toMillis());
                connector.addEventListener(new HeaderDeadline(connector.getScheduler(), options.bodyTimeout()));
                connector.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));
                return connector;
            });
            config.routes.get("/healthz", ctx -> record(ctx, new Health("ok", null)));
            config.routes.get("/readyz", this::ready);
            config.routes.get("/", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
            config.routes.get("/index.html", ctx -> page(ctx, "index.html", "text/html; charset=utf-8"));
            config.routes.get("/app.js", ctx -> page(ctx, "app.js", "text/javascript; charset=utf-8"));
            config.routes.get("/app.css", ctx -> page(ctx, "app.css", "text/css; charset=utf-8"));
            config.routes.get("/v1/rules", gated(this::rules));
            config.routes.get("/v1/services", gated(this::services));
            config.routes.post("/v1/evaluate", gated(this::evaluate));
            config.routes.post("/v1/triage", gated(this::triage));
            config.routes.post("/v1/matrix", gated(this::matrix));
            config.routes.post("/v1/compare", gated(this::compare));
            config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, problemOf(e)));
            config.routes.error(404, ctx -> {
                if (!ctx.res().isCommitted() && !Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    problem(ctx, Problem.of(404, "not-found", "Not found", "no route " + ctx.method() + " " + ctx.path()
                            + "; see GET / for the page, POST /v1/evaluate, /v1/triage, /v1/matrix, /v1/compare, GET /v1/rules"));
                }
            });
            config.routes.error(405, ctx -> problem(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path())));
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            workers.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw SrmException.usage("cannot listen on " + options.host() + ":" + options.port() + ": " + cause.getMessage());
        }
    }

    // ---------------------------------------------------------------- the gate

    private Handler gated(Handler route) {
        return ctx -> {
            if (draining.get()) {
                ctx.header("Connection", "close");
                throw HttpError.of(503, "shutting-down", "Shutting down", "srm serve is shutting down and takes no new requests");
            }
            checkHost(ctx);
            checkToken(ctx);
            inFlight.incrementAndGet();
            try {
                route.handle(ctx);
            } catch (Exception e) {
                problem(ctx, problemOf(e)); // answered here, while the request still counts as in flight
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    private void checkHost(Context ctx) {
        if (!loopback) {
            return;
        }
        String host = ctx.header("Host");
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, name.indexOf(']') + 1);
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (!LOOPBACK_NAMES.contains(name)) {
            throw HttpError.of(421, "misdirected", "Host not served", "srm serve listens on loopback and answers only requests "
                    + "for localhost, 127.0.0.1 or [::1], not for '" + (host == null ? "" : host) + "'");
        }
    }

    private void checkToken(Context ctx) {
        if (token == null) {
            return;
        }
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"srm\"");
            throw HttpError.of(401, "unauthorized", "Unauthorized", "this server needs a bearer token: send Authorization: Bearer <token>");
        }
        byte[] given = auth.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"srm\", error=\"invalid_token\"");
            throw HttpError.of(401, "unauthorized", "Unauthorized", "the bearer token is not the one this server was started with");
        }
    }

    // ---------------------------------------------------------------- routes

    private void ready(Context ctx) throws Exception {
        Health health = draining.get() ? new Health("shutting down", null) : new Health("ready", inFlight.get());
        if (draining.get()) {
            ctx.status(503);
        }
        record(ctx, health);
    }

    private void rules(Context ctx) throws Exception {
        parameters(ctx);
        StringWriter w = new StringWriter();
        RuleListFormat.json.render(srm.rules(), w);
        json(ctx, w.toString());
    }

    private void services(Context ctx) throws Exception {
        parameters(ctx);
        record(ctx, new ServiceList(srm.services(), Srm.version()));
    }

    private void evaluate(Context ctx) throws Exception {
        parameters(ctx, "name", "explain", "failOn", "inputFormat", "asOf");
        Bodies.Syntax syntax = Bodies.syntax(ctx, true);
        byte[] body = bodies.read(ctx);
        String name = name(ctx, "request." + syntax.extension);
        InputFormat format = inputFormat(ctx);
        boolean explain = bool(ctx, "explain");
        Severity failOn = failOn(ctx);
        dev.srm.api.Policy policy = dev.srm.api.Policy.asOf(asOf(ctx));
        List<Evaluation> evaluations = work(() -> srm.evaluate(name, body, format, explain, policy), body, syntax);
        StringWriter w = new StringWriter();
        EvaluationFormat.json.renderer().render(evaluations, List.of(), true, w);
        EvaluateResult result = new EvaluateResult(evaluations, List.of());
        ctx.header("Srm-Exit-Code", String.valueOf(result.exitCode(failOn).code()));
        json(ctx, w.toString());
    }

    private void triage(Context ctx) throws Exception {
        parameters(ctx, "id", "resource", "service", "kind", "layer", "summary", "detectedBy", "ownerTag", "component", "asff", "asOf", "config", "name");
        TriageRequest.Builder request = TriageRequest.builder().id(ctx.queryParam("id")).resource(ctx.queryParam("resource"))
                .service(ctx.queryParam("service")).kind(ctx.queryParam("kind")).layer(ctx.queryParam("layer"))
                .summary(ctx.queryParam("summary")).detectedBy(ctx.queryParam("detectedBy")).ownerTag(ctx.queryParam("ownerTag"))
                .component(ctx.queryParam("component")).asff(bool(ctx, "asff"))
                .asOf(asOf(ctx));
        ctx.queryParams("config").forEach(request::config);
        if (!hasBody(ctx)) {
            TriageResult r = work(() -> srm.triage(request.build()), null, null);
            json(ctx, render(r));
            return;
        }
        Bodies.Syntax syntax = Bodies.syntax(ctx, true);
        byte[] body = bodies.read(ctx);
        String name = name(ctx, "request." + syntax.extension);
        // The facade's triage reads a file: the body goes to a private temporary one, and the
        // answer names the request as the client did.
        Path dir = Files.createTempDirectory("srm-serve-");
        Path file = dir.resolve(safeFileName(name, syntax));
        try {
            Files.write(file, body);
            request.file(file);
            String tmp = file.toString();
            try {
                TriageResult r = work(() -> srm.triage(request.build()), body, syntax);
                // the answer is JSON text: the name goes in as the JSON string content it is, quotes and backslashes escaped
                json(ctx, render(r).replace(jsonText(tmp), jsonText(name)));
            } catch (HttpError e) {
                Problem p = e.problem();
                throw new HttpError(new Problem(p.type(), p.title(), p.status(), p.detail().replace(tmp, name),
                        p.errors().stream().map(l -> l.replace(tmp, name)).toList(), p.exitCode()));
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** A text as the inside of a JSON string. */
    private static String jsonText(String text) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text));
    }

    private static String render(TriageResult r) throws IOException {
        StringWriter w = new StringWriter();
        TriageFormat.json.renderer().render(r.triages(), w);
        return w.toString();
    }

    private void matrix(Context ctx) throws Exception {
        parameters(ctx, "service", "config", "format");
        MatrixBody b;
        if (hasBody(ctx)) {
            Bodies.syntax(ctx, false);
            JsonBody body = JsonBody.parse(bodies.read(ctx), List.of("services", "config"));
            b = new MatrixBody(body.strings("services", SUBJECT), body.strings("config", SETTING));
        } else {
            b = new MatrixBody(ctx.queryParams("service"), ctx.queryParams("config"));
        }
        MatrixRequest request = new MatrixRequest(orEmpty(b.services()), orEmpty(b.config()));
        MatrixFormat format = format(ctx, MatrixFormat.class, MatrixFormat.json);
        var m = work(() -> srm.matrix(request), null, null);
        StringWriter w = new StringWriter();
        format.render(m, w);
        typed(ctx, format.name(), w.toString());
    }

    private void compare(Context ctx) throws Exception {
        parameters(ctx, "from", "to", "config", "fromConfig", "toConfig", "format");
        CompareBody b;
        if (hasBody(ctx)) {
            Bodies.syntax(ctx, false);
            JsonBody body = JsonBody.parse(bodies.read(ctx), List.of("from", "to", "config", "fromConfig", "toConfig"));
            b = new CompareBody(body.string("from", SUBJECT), body.string("to", SUBJECT), body.strings("config", SETTING),
                    body.strings("fromConfig", SETTING), body.strings("toConfig", SETTING));
        } else {
            b = new CompareBody(ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParams("config"), ctx.queryParams("fromConfig"),
                    ctx.queryParams("toConfig"));
        }
        if (b.from() == null || b.to() == null) {
            throw HttpError.of(400, "bad-request", "Bad request", "compare needs from and to (services or variants, e.g. EC2 and Lambda)");
        }
        // never files: a request must not make srm read a path
        CompareRequest request = CompareRequest.of(b.from(), b.to()).config(orEmpty(b.config())).fromConfig(orEmpty(b.fromConfig()))
                .toConfig(orEmpty(b.toConfig()));
        CompareFormat format = format(ctx, CompareFormat.class, CompareFormat.json);
        var c = work(() -> srm.compare(request), null, null);
        StringWriter w = new StringWriter();
        format.render(c, w);
        typed(ctx, format.name(), w.toString());
    }

    // ---------------------------------------------------------------- helpers

    /** Runs the work within the limits; an error of the facade becomes a problem (400 for a malformed body, else by its code). */
    private <T> T work(java.util.concurrent.Callable<T> job, byte[] body, Bodies.Syntax syntax) throws Exception {
        try {
            return workers.run(job);
        } catch (SrmException e) {
            boolean malformed = body != null && e.exitCode() == dev.srm.api.ExitCode.INPUT && !Bodies.wellFormed(body, syntax);
            throw new HttpError(Problem.of(e, malformed));
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static <E extends Enum<E>> E format(Context ctx, Class<E> type, E fallback) {
        String f = ctx.queryParam("format");
        if (f == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, f.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.of(400, "bad-request", "Bad request", "format: unknown format '" + f + "'; known formats: "
                    + String.join(", ", Stream.of(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static void typed(Context ctx, String format, String body) {
        String type = switch (format) {
            case "json" -> "application/json";
            case "html" -> "text/html; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "markdown" -> "text/markdown; charset=utf-8";
            default -> "text/plain; charset=utf-8";
        };
        if (format.equals("html")) {
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
        }
        send(ctx, type, body);
    }

    /** A record of this server as the JSON body, written as srm writes its JSON. */
    private static void record(Context ctx, Record value) throws IOException {
        json(ctx, Json.writer().writeValueAsString(value) + "\n");
    }

    private static void json(Context ctx, String body) {
        send(ctx, "application/json", body);
    }

    /**
     * Every answer of the API, problems included, is written whole, with its length, before its
     * handler returns: the in-flight count then covers the writing too, so a shutdown that waits
     * for it never cuts an answer off (Javalin writes a result after the handler, when the count
     * already says nothing is in flight).
     */
    private static void send(Context ctx, String contentType, String body) {
        if (ctx.res().isCommitted()) {
            return; // an answer is already on its way; nothing can be added to it
        }
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ctx.contentType(contentType);
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
            ctx.res().flushBuffer();
        } catch (IOException e) {
            // the client went away: nobody is left to answer
        }
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    /**
     * The query parameters a route takes: any other is a 400 naming it, as the command line
     * refuses an unknown option (a typo such as failon= must not quietly give the default).
     */
    private static void parameters(Context ctx, String... known) {
        java.util.List<String> allowed = java.util.List.of(known);
        for (String given : new java.util.TreeSet<>(ctx.queryParamMap().keySet())) {
            if (!allowed.contains(given)) {
                throw HttpError.of(400, "bad-request", "Bad request", "unknown parameter '" + given + "'; "
                        + (allowed.isEmpty() ? "this route takes none" : "this route takes " + String.join(", ", allowed)));
            }
        }
    }

    /** A true/false parameter: absent is false; anything but true or false is a 400. */
    private static boolean bool(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw HttpError.of(400, "bad-request", "Bad request", name + ": '" + v + "' is not true or false");
    }

    private static InputFormat inputFormat(Context ctx) {
        String f = ctx.queryParam("inputFormat");
        if (f == null) {
            return InputFormat.auto;
        }
        try {
            return InputFormat.valueOf(f);
        } catch (IllegalArgumentException e) {
            throw HttpError.of(400, "bad-request", "Bad request", "inputFormat: unknown format '" + f + "'; known formats: "
                    + String.join(", ", Stream.of(InputFormat.values()).map(Enum::name).toList()));
        }
    }

    /** The day resources' waivers are judged on: {@code asOf=yyyy-mm-dd}, else the server's today (as the CLI's --as-of). */
    private static java.time.LocalDate asOf(Context ctx) {
        String d = ctx.queryParam("asOf");
        if (d == null) {
            return java.time.LocalDate.now();
        }
        try {
            return dev.srm.model.Day.parse(d);
        } catch (java.time.format.DateTimeParseException e) {
            throw HttpError.of(400, "bad-request", "Bad request", "asOf: '" + d + "' is not a date (expected yyyy-mm-dd)");
        }
    }

    private static Severity failOn(Context ctx) {
        String f = ctx.queryParam("failOn");
        if (f == null) {
            return Severity.HIGH;
        }
        if ("none".equalsIgnoreCase(f)) {
            return null;
        }
        try {
            return Severity.parse(f);
        } catch (IllegalArgumentException e) {
            throw HttpError.of(400, "bad-request", "Bad request",
                    "failOn: '" + f + "' is not a severity (expected critical, high, medium, low, info or none)");
        }
    }

    /** How messages name the body: the client's {@code name}, if printable and short, else {@code fallback}. */
    private static String name(Context ctx, String fallback) {
        String n = ctx.queryParam("name");
        if (n == null || n.isBlank()) {
            return fallback;
        }
        if (n.length() > 200 || !n.chars().allMatch(c -> c >= 0x21 && c < 0x7F)) {
            throw HttpError.of(400, "bad-request", "Bad request", "name: at most 200 printable ASCII characters without spaces");
        }
        return n;
    }

    private static String safeFileName(String name, Bodies.Syntax syntax) {
        String base = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        if (base.isEmpty() || base.startsWith(".")) {
            base = "request";
        }
        String lower = base.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml") ? base : base + "." + syntax.extension;
    }

    private void page(Context ctx, String file, String type) throws IOException {
        checkHost(ctx);
        try (InputStream in = JavalinServer.class.getResourceAsStream("/srm/web/" + file)) {
            if (in == null) {
                throw HttpError.of(404, "not-found", "Not found", "no page " + file + " in this build");
            }
            ctx.header("Content-Security-Policy", PAGE_CSP).header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-cache").contentType(type).result(in.readAllBytes());
        }
    }

    private static void problem(Context ctx, Problem p) {
        ctx.status(p.status()).header("X-Content-Type-Options", "nosniff");
        try {
            send(ctx, Problem.CONTENT_TYPE, Json.writer().writeValueAsString(p) + "\n");
        } catch (IOException e) {
            send(ctx, "text/plain", p.detail());
        }
    }

    /** The problem an exception of a request is answered with. */
    private static Problem problemOf(Exception e) {
        if (e instanceof HttpError h) {
            return h.problem();
        }
        if (e instanceof HttpResponseException h) {
            return Problem.of(h.getStatus(), "http", h.getMessage() == null ? "Error" : h.getMessage(),
                    h.getMessage() == null ? "HTTP " + h.getStatus() : h.getMessage());
        }
        if (e instanceof dev.srm.model.RulesLoopException) {
            return Problem.of(503, "rules-loop", "Rules did not settle", e.getMessage() + "; the request was stopped");
        }
        if (e instanceof dev.srm.model.RuleActionException failed) {
            return Problem.of(500, "rule-failed", "A rule failed", failed.detail());
        }
        return Problem.of(500, "internal", "Internal error", "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }

    private static byte[] readToken(Path file) {
        if (file == null) {
            return null;
        }
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (t.isEmpty() || t.contains("\n")) {
                throw SrmException.usage("--token-file " + file + ": the file must hold one token on one line");
            }
            return t.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SrmException.usage("--token-file " + file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- Server

    @Override
    public String url() {
        String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + h + ":" + port();
    }

    @Override
    public int port() {
        return app.port();
    }

    @Override
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Requests being answered now (for tests and the shutdown). */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        if (!draining.compareAndSet(false, true)) {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        long deadline = System.nanoTime() + options.timeLimit().toNanos() + 2_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            app.stop();
        } finally {
            workers.close();
            stopped.countDown();
        }
    }
}
