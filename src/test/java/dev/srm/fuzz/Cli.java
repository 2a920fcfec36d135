package dev.srm.fuzz;

import dev.srm.api.Srm;
import dev.srm.api.SrmOptions;
import dev.srm.cli.Main;
import dev.srm.testing.Packs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * srm's command line run in-process on one input file, as a user runs it, with the pack loaded
 * once per JVM (the loader the other CLI tests share) and two bounds against a hang: srm's own
 * {@code --timeout} for the rules, and a deadline here for everything else (reading, writing).
 */
final class Cli {
    /** srm's bound on the rules of one scenario in these runs. */
    static final String RULES_TIMEOUT = "20s";
    /** The test's bound on one whole run: past it the run counts as a hang. */
    static final long DEADLINE_SECONDS = 120;

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-cli");
        t.setDaemon(true);
        return t;
    });

    /** One run: its exit code and what it printed. */
    record Outcome(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stderr\n" + cut(err) + "--- stdout\n" + cut(out);
        }

        private static String cut(String s) {
            return s.length() <= 3000 ? s : s.substring(0, 3000) + "...(" + s.length() + " chars)\n";
        }
    }

    /**
     * The packs of the suite: the ones the other CLI tests share ({@link Packs#LOADER}, compiled
     * once per JVM), each read once here too, so that thousands of runs do not read the pack's
     * catalogues thousands of times.
     */
    private static final Map<SrmOptions, Srm> PACKS = new ConcurrentHashMap<>();
    private static final Srm.Loader LOADER = options -> PACKS.computeIfAbsent(options.withTimeout(SrmOptions.DEFAULT_TIMEOUT),
            Packs.LOADER::load).withTimeout(options.timeout());

    private Cli() {
    }

    /** Loads and compiles the bundled pack before the first case, so that no case's deadline pays for it. */
    static void warmUp() {
        LOADER.load(SrmOptions.bundled()).compile();
    }

    /** Writes {@code content} to {@code file} and runs {@code srm <command> file <args>}. */
    static Outcome run(Path file, byte[] content, String command, String... args) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(List.of(command, file.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--timeout", RULES_TIMEOUT));
        return run(all.toArray(String[]::new));
    }

    static Outcome run(String... args) {
        Future<Outcome> f = RUNNER.submit(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(LOADER, new PrintWriter(out), new PrintWriter(err), args);
            return new Outcome(code, out.toString(), err.toString());
        });
        try {
            return f.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("srm " + String.join(" ", args) + " did not finish within " + DEADLINE_SECONDS + " s (a hang)");
        } catch (ExecutionException e) {
            throw new AssertionError("srm " + String.join(" ", args) + " threw instead of returning an exit code", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A report with the name of its input replaced, so that reports of two files can be compared. */
    static String anonymous(String text, Path file) {
        return text.replace(file.toString(), "INPUT").replace(file.getFileName().toString(), "INPUT");
    }

    /** Java's words in a message: a stack frame, an exception or a class of a library srm uses. */
    static final Pattern INTERNALS = Pattern.compile("\tat |Exception\\b|Caused by:|java\\.lang\\.|com\\.fasterxml|"
            + "org\\.yaml|org\\.drools|org\\.kie|com\\.networknt|picocli\\.|internal error");
}
