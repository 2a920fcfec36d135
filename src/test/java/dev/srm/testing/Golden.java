package dev.srm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: output reviewed by eye once, then diffed exactly. After an intended change run
 * the tests with {@code -Dsrm.golden.update=true}, which rewrites the files, and review the diff.
 */
public final class Golden {
    /** Whether this run rewrites the golden files with what the code produces now. */
    public static final boolean UPDATE = Boolean.getBoolean("srm.golden.update");

    private Golden() {
    }

    /** The golden text of {@code file}, byte for byte; in update mode it is first rewritten with {@code actual}. */
    public static String of(Path file, String actual) {
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing; run the test with -Dsrm.golden.update=true and review it");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
