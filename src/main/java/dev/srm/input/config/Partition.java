package dev.srm.input.config;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts records into groups with bounded memory: records are held until they add up to
 * {@code budget} bytes, then every group's records are appended to that group's temporary file.
 * Reading a group back gives its spilled records, then those still held, in the order added.
 */
final class Partition implements Closeable {
    private final long budget;
    private final Map<String, List<byte[]>> held = new TreeMap<>();
    private final Map<String, Path> spilled = new TreeMap<>();
    private Path dir;
    private long heldBytes;

    Partition(long budget) {
        this.budget = budget;
    }

    void add(String group, byte[] record) {
        held.computeIfAbsent(group, k -> new ArrayList<>()).add(record);
        heldBytes += record.length + 64;
        if (heldBytes > budget) {
            spill();
        }
    }

    /** Every group, in sorted order. */
    List<String> groups() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(held.keySet());
        all.addAll(spilled.keySet());
        return List.copyOf(all);
    }

    /** A group's records, as lines of text. */
    List<String> records(String group) {
        List<String> out = new ArrayList<>();
        Path f = spilled.get(group);
        if (f != null) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8), 1 << 16)) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (byte[] b : held.getOrDefault(group, List.of())) {
            out.add(new String(b, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Forgets a group that has been read (its file is deleted). */
    void drop(String group) {
        held.remove(group);
        Path f = spilled.remove(group);
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // a temporary file left behind is removed with the directory on close
            }
        }
    }

    private void spill() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("srm-config-");
            }
            for (Map.Entry<String, List<byte[]>> e : held.entrySet()) {
                Path f = spilled.computeIfAbsent(e.getKey(), k -> dir.resolve("g" + spilled.size() + ".jsonl"));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND), 1 << 16)) {
                    for (byte[] b : e.getValue()) {
                        out.write(b);
                        out.write('\n');
                    }
                }
            }
            held.clear();
            heldBytes = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file while grouping configuration items: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        held.clear();
        spilled.clear();
        if (dir != null) {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // nothing more to do: the directory is in the system's temporary folder
            }
        }
    }
}
