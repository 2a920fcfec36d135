package dev.srm.hardening;

import dev.srm.cli.Main;
import dev.srm.testing.Packs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of srm's CLI in-process with captured output, as a user would run it from a shell. */
record Run(int code, String out, String err) {
    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** stderr holds no stack trace. */
    boolean clean() {
        return !err.contains("\tat ") && !err.contains("Exception") && !err.contains("Caused by") && !err.contains("Error:");
    }

    /** The lines of stderr that start with {@code srm: }. */
    List<String> srmLines() {
        return err.lines().filter(l -> l.startsWith("srm: ")).toList();
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stderr\n" + err + "--- stdout (start)\n" + out.substring(0, Math.min(out.length(), 2000));
    }
}
