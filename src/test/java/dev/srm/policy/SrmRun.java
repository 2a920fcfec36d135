package dev.srm.policy;

import dev.srm.cli.Main;
import dev.srm.testing.Golden;
import dev.srm.testing.Packs;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** srm's command line run in-process with captured output, as a user runs it; the compiled pack is shared by the test JVM. */
record SrmRun(int code, String out, String err) {
    static final Path GOLDEN = Path.of("src/test/resources/golden/waivers");

    static SrmRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Packs.LOADER, new PrintWriter(out), new PrintWriter(err), args);
        return new SrmRun(code, out.toString(), err.toString());
    }

    /** stderr holds no stack trace. */
    boolean clean() {
        return !err.contains("\tat ") && !err.contains("Exception") && !err.contains("Caused by");
    }

    /** The golden file's text; with -Dsrm.golden.update=true it is first rewritten with {@code actual}. */
    static String golden(String name, String actual) {
        return Golden.of(GOLDEN.resolve(name), actual);
    }

    static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
