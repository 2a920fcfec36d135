package dev.srm.cli;

import dev.srm.testing.Packs;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs srm's CLI in-process with captured output, as a user would from a shell. Every run shares
 * the test JVM's cache of compiled packs, so a pack is compiled once per JVM, not once per test.
 */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** stderr holds no stack trace. */
    boolean clean() {
        return !err.contains("\tat ") && !err.contains("Exception in") && !err.contains("Caused by");
    }
}
