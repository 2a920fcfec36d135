package dev.srm.cli;

import dev.srm.api.ServeOptions;
import dev.srm.api.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** {@code srm serve}: loads the pack once and answers over HTTP until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve srm over HTTP: POST /v1/evaluate, /v1/triage, /v1/matrix, /v1/compare, GET /v1/rules, /healthz, "
                + "/readyz, and a web page at /. The pack is loaded once; answers are the command line's JSON.",
                "Binds 127.0.0.1 unless --host says otherwise. Rules are never accepted over HTTP: --rules and --extra-rules "
                        + "are read at start. SIGTERM finishes the requests in flight and refuses new ones."})
final class ServeCommand extends PackCommand {
    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServeOptions.DEFAULT_HOST,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8787", description = "The port (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "A file holding a bearer token; every /v1 request must then send Authorization: Bearer <token>.")
    Path tokenFile;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576",
            description = "The largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
            description = "Stop a request after SECONDS and answer an error (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection that sends nothing for SECONDS (default: ${DEFAULT-VALUE}).")
    double idleTimeout;

    @Option(names = "--workers", paramLabel = "N", description = "Requests evaluated at once (default: the number of cores).")
    Integer workers;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Answer 408 to a request whose body has not fully arrived SECONDS after its headers, and close a "
                    + "connection whose headers take as long (default: ${DEFAULT-VALUE}).")
    double bodyTimeout;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "200",
            description = "Connections open at once; further ones wait to be accepted until one closes (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Mixin
    RulesOptions rules;

    @Override
    int run(Cli cli) throws InterruptedException {
        ServeOptions options = new ServeOptions(host, port, tokenFile, maxBody, millis("--time-limit", timeLimit),
                millis("--idle-timeout", idleTimeout), workers == null ? Runtime.getRuntime().availableProcessors() : workers,
                millis("--body-timeout", bodyTimeout), maxConnections);
        Server server = Server.provider().start(rules.load(cli), options);
        UnfinishedRun.disarm(); // a signal is how serve stops: its own hook below stops it gracefully
        Thread hook = new Thread(server::close, "srm-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        cli.err().println("srm serve: listening on " + server.url() + " (web page at " + server.url() + "/); "
                + (tokenFile == null ? "no token" : "bearer token required") + "; Ctrl-C or SIGTERM stops");
        cli.err().flush();
        server.awaitStop();
        return 0;
    }

    private static Duration millis(String flag, double seconds) {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new UsageException(flag + " must be a number of seconds above 0, not " + seconds);
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
