package dev.srm.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code srm serve} listens and what it refuses.
 *
 * @param host        the address to bind; {@code 127.0.0.1} unless the user says otherwise
 * @param port        the port (0: any free one)
 * @param tokenFile   a file holding the bearer token every {@code /v1} request must carry, or null for none
 * @param maxBody     the largest request body accepted, in bytes
 * @param timeLimit   how long one request may run before it is stopped and answered with an error
 * @param idleTimeout how long a connection may send nothing (a slow client) before it is closed
 * @param workers     how many requests are evaluated at once (the others wait their turn)
 * @param bodyTimeout how long a request's headers, then its body, may take to arrive (a client trickling them)
 *                    before it is answered 408 (a body) or its connection closed (headers)
 * @param maxConnections how many connections are open at once; past it new ones wait in the operating system's
 *                    accept queue until one closes
 */
public record ServeOptions(String host, int port, Path tokenFile, long maxBody, Duration timeLimit, Duration idleTimeout,
                           int workers, Duration bodyTimeout, int maxConnections) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8787;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
    /** Below Javalin's 250 request threads: open connections alone can never take them all. */
    public static final int DEFAULT_MAX_CONNECTIONS = 200;

    public ServeOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (port < 0 || port > 65535) {
            throw SrmException.usage("--port must be from 0 to 65535, not " + port);
        }
        if (maxBody < 1) {
            throw SrmException.usage("the body limit must be at least 1 byte, not " + maxBody);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw SrmException.usage("the time limit must be positive, not " + timeLimit);
        }
        if (workers < 1) {
            throw SrmException.usage("--workers must be at least 1, not " + workers);
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw SrmException.usage("--body-timeout must be positive, not " + bodyTimeout);
        }
        if (maxConnections < 1) {
            throw SrmException.usage("--max-connections must be at least 1, not " + maxConnections);
        }
    }

    /** The options with the default body timeout and connection limit. */
    public ServeOptions(String host, int port, Path tokenFile, long maxBody, Duration timeLimit, Duration idleTimeout, int workers) {
        this(host, port, tokenFile, maxBody, timeLimit, idleTimeout, workers, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
    }

    /** Loopback, port 8787, no token, 1 MiB bodies, 10 s per request, 10 s idle, one worker per core, 30 s for a body, 200 connections. */
    public static ServeOptions defaults() {
        return new ServeOptions(DEFAULT_HOST, DEFAULT_PORT, null, 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Runtime.getRuntime().availableProcessors());
    }

    public ServeOptions withPort(int newPort) {
        return new ServeOptions(host, newPort, tokenFile, maxBody, timeLimit, idleTimeout, workers, bodyTimeout, maxConnections);
    }

    public ServeOptions withTokenFile(Path file) {
        return new ServeOptions(host, port, file, maxBody, timeLimit, idleTimeout, workers, bodyTimeout, maxConnections);
    }

    public ServeOptions withLimits(long newMaxBody, Duration newTimeLimit, Duration newIdleTimeout) {
        return new ServeOptions(host, port, tokenFile, newMaxBody, newTimeLimit, newIdleTimeout, workers, bodyTimeout, maxConnections);
    }

    /** The limits on slow clients: the time a request's headers and body may take to arrive, and the open connections. */
    public ServeOptions withClientLimits(Duration newBodyTimeout, int newMaxConnections) {
        return new ServeOptions(host, port, tokenFile, maxBody, timeLimit, idleTimeout, workers, newBodyTimeout, newMaxConnections);
    }
}
