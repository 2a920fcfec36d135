package dev.srm.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Compiled rule modules by key: first the ones precompiled into srm's jar at build time, then
 * a per-user cache directory ({@code SRM_CACHE_DIR}, else {@code ~/.cache/srm}). The cache is
 * an optimisation only: any failure to read or write it falls back to compiling.
 */
final class ModuleCache {
    /** Where the build puts the precompiled bundled pack inside the jar. */
    static final String BUNDLED = "srm/kbase/";

    private ModuleCache() {
    }

    static byte[] find(String key) {
        try (InputStream in = ModuleCache.class.getClassLoader().getResourceAsStream(BUNDLED + key + ".jar")) {
            if (in != null) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            // fall through to the user cache
        }
        Path dir = dir();
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(key + ".jar");
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    static void store(String key, byte[] module) {
        Path dir = dir();
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.write(tmp, module);
            try {
                Files.move(tmp, dir.resolve(key + ".jar"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(key + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk only costs the next run a compile
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A JSON file the build wrote beside the bundled module ({@link #BUNDLED}), read from srm's
     * classes; null when there is none or it cannot be read (the caller then does the work itself).
     */
    static <T> T readBuilt(String resource, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try (InputStream in = ModuleCache.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readValue(in, type);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes such a file into a classes folder (the build). */
    static void writeBuilt(Path classes, String resource, Object value) throws IOException {
        Path file = classes.resolve(resource);
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), value);
    }

    private static Path dir() {
        String env = System.getenv("SRM_CACHE_DIR");
        if (env != null) {
            return env.isBlank() || "off".equals(env) ? null : Path.of(env);
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".cache", "srm");
    }
}
